// The audit log tab: who did what, to what, when and from where, newest first; filtered by a date range (days in the
// admin's own time zone), an actor (a name or an id), an action prefix (staff.) and free text; paged; each change's
// fields before and after; a CSV download of the same filter (itself recorded); and how long the log is kept.
import { reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/audit';
const SIZE = 50;
// Families to pick from; the box takes any prefix of an action name.
const ACTIONS = ['auth.', 'staff.', 'group.', 'center.', 'widget.', 'invitation.', 'limits.', 'tag.', 'disposition.',
  'channel.', 'identity.', 'crm.', 'mail-alerts.', 'assistant.', 'quality.', 'rubric.', 'canned.', 'webhook.',
  'api-token.', 'knowledge.', 'report.', 'conversation.', 'supervision.', 'audit.', 'platform.'];

export const AuditLogTab = {
  // The console's own call (its errors show in the console's banner) and the login, for the CSV download.
  props: { api: { type: Function, required: true }, token: { type: String, required: true } },
  setup(props) {
    const { api } = props;
    const filter = reactive({ from: '', to: '', actor: '', action: '', q: '' });
    const entries = ref([]);
    const total = ref(0);
    const page = ref(0);
    const retention = ref(null);
    const retentionDays = ref(0);
    const downloading = ref(false);

    /** The filter as query parameters; a day is from its local midnight to the next, sent as instants. */
    function query() {
      const params = new URLSearchParams();
      if (filter.from) params.set('from', new Date(`${filter.from}T00:00:00`).toISOString());
      if (filter.to) {
        const end = new Date(`${filter.to}T00:00:00`);
        end.setDate(end.getDate() + 1);
        params.set('to', end.toISOString());
      }
      for (const key of ['actor', 'action', 'q']) if (filter[key].trim()) params.set(key, filter[key].trim());
      return params;
    }

    async function load(to = 0) {
      const params = query();
      params.set('page', to);
      params.set('size', SIZE);
      const answer = await api(`${PATH}?${params}`).catch(() => null);
      if (!answer) return;
      entries.value = answer.entries;
      total.value = answer.total;
      page.value = answer.page;
    }

    async function loadRetention() {
      retention.value = await api(`${PATH}/settings`).catch(() => null);
      if (retention.value) retentionDays.value = retention.value.retentionDays;
    }

    async function saveRetention() {
      retention.value = await api(`${PATH}/settings`, { method: 'PUT', body: { retentionDays: Number(retentionDays.value) } })
        .catch(() => retention.value);
      await load(page.value);
    }

    /** The download needs the login, which a plain link cannot carry: fetched, then handed to the browser as a file. */
    async function download() {
      downloading.value = true;
      try {
        const response = await fetch(`${PATH}.csv?${query()}`, { headers: { authorization: `Bearer ${props.token}` } });
        if (!response.ok) {
          const problem = await response.json().catch(() => null);
          await api(`${PATH}?${query()}&size=1`).catch(() => {});
          throw new Error(problem?.detail || `HTTP ${response.status}`);
        }
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: 'audit-log.csv' });
        link.dataset.downloaded = 'audit-log.csv';
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        await load(page.value);
      }
      catch {
        // The console's banner says why (the JSON call above put it there).
      }
      finally {
        downloading.value = false;
      }
    }

    function reset() {
      Object.assign(filter, { from: '', to: '', actor: '', action: '', q: '' });
      load();
    }

    /** A change's before/after, as the server keeps it (compact JSON, or text), made readable. */
    function pretty(value) {
      if (!value) return '';
      try {
        const parsed = JSON.parse(value);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return Object.entries(parsed).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
        }
      }
      catch {
        // Text, not JSON: shown as it is.
      }
      return value;
    }

    const when = (instant) => new Date(instant).toLocaleString(language.value);
    const pages = () => Math.max(1, Math.ceil(total.value / SIZE));

    load();
    loadRetention();
    return { actions: ACTIONS, filter, entries, total, page, pages, retention, retentionDays, downloading, load, reset,
      download, saveRetention, pretty, when, t };
  },
  template: `
    <div class="audit">
      <p class="hint">{{ t('admin.audit.intro') }}</p>
      <form class="audit-filter inline" id="audit-filter" @submit.prevent="load(0)">
        <label>{{ t('admin.audit.from') }} <input type="date" name="from" v-model="filter.from"></label>
        <label>{{ t('admin.audit.to') }} <input type="date" name="to" v-model="filter.to"></label>
        <label>{{ t('admin.audit.actor') }} <input name="actor" v-model="filter.actor" maxlength="200" :placeholder="t('admin.audit.actorPlaceholder')"></label>
        <label>{{ t('admin.audit.action') }} <input name="action" v-model="filter.action" list="audit-actions" maxlength="100" placeholder="staff."></label>
        <datalist id="audit-actions"><option v-for="a in actions" :key="a" :value="a"></option></datalist>
        <label>{{ t('admin.audit.text') }} <input name="q" v-model="filter.q" maxlength="200"></label>
        <button class="primary" type="submit">{{ t('admin.audit.search') }}</button>
        <button class="link" type="button" @click="reset">{{ t('admin.audit.reset') }}</button>
        <button class="download" type="button" id="audit-csv" :disabled="downloading" @click="download">{{ t('admin.audit.csv') }}</button>
      </form>
      <p class="hint" id="audit-count">{{ t('admin.audit.count', { n: total }) }}</p>
      <table class="grid" id="audit-list">
        <thead><tr><th>{{ t('admin.audit.when') }}</th><th>{{ t('admin.audit.actor') }}</th><th>{{ t('admin.audit.action') }}</th>
          <th>{{ t('admin.audit.target') }}</th><th>{{ t('admin.audit.source') }}</th><th>{{ t('admin.audit.before') }}</th><th>{{ t('admin.audit.after') }}</th></tr></thead>
        <tbody>
          <tr v-for="e in entries" :key="e.id" :data-action="e.action">
            <td>{{ when(e.occurredAt) }}</td>
            <td :title="e.actorId || t('admin.audit.noActor')">{{ e.actorName }}</td>
            <td><code>{{ e.action }}</code></td>
            <td class="target">{{ e.target }}<div v-if="e.detail" class="hint">{{ e.detail }}</div></td>
            <td>{{ e.sourceAddress }}</td>
            <td class="change before"><pre>{{ pretty(e.before) }}</pre></td>
            <td class="change after"><pre>{{ pretty(e.after) }}</pre></td>
          </tr>
          <tr v-if="!entries.length"><td colspan="7" class="hint">{{ t('admin.audit.none') }}</td></tr>
        </tbody>
      </table>
      <p class="inline pager">
        <button type="button" class="link prev" :disabled="page === 0" @click="load(page - 1)">{{ t('admin.audit.prev') }}</button>
        <span>{{ t('admin.audit.page', { page: page + 1, pages: pages() }) }}</span>
        <button type="button" class="link next" :disabled="page + 1 >= pages()" @click="load(page + 1)">{{ t('admin.audit.next') }}</button>
      </p>
      <form v-if="retention" class="stack" id="audit-retention" @submit.prevent="saveRetention">
        <h3>{{ t('admin.audit.retention') }}</h3>
        <p class="hint">{{ t('admin.audit.retentionHint', { min: retention.minimumDays, max: retention.maximumDays, def: retention.defaultDays }) }}</p>
        <label>{{ t('admin.audit.retentionDays') }} <input type="number" name="retentionDays" v-model="retentionDays" :min="retention.minimumDays" :max="retention.maximumDays" required></label>
        <span><button class="primary" type="submit">{{ t('admin.save') }}</button></span>
      </form>
    </div>`,
};
