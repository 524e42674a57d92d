// The data retention tab: how many days the organization keeps conversations, left messages and visitors' profiles
// (empty = forever), whether older data is deleted or anonymized, a dry run that counts what would go, and a run now.
// The nightly job does the same on its own; contacts under legal hold are kept either way.
import { onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/retention';
const KINDS = [['conversationDays', 'CONVERSATIONS'], ['ticketDays', 'TICKETS'], ['visitorDays', 'VISITORS']];

export const RetentionTab = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { api: { type: Function, required: true } },
  setup(props) {
    const draft = reactive({ conversationDays: '', ticketDays: '', visitorDays: '', mode: 'DELETE' });
    const current = ref(null);
    const counts = ref(null);
    const ran = ref(null);
    const saved = ref(false);

    function show(settings) {
      current.value = settings;
      for (const [field] of KINDS) draft[field] = settings[field] ?? '';
      draft.mode = settings.mode || 'DELETE';
    }

    onMounted(async () => show(await props.api(PATH).catch(() => ({}))));

    async function save() {
      const body = { mode: draft.mode };
      for (const [field] of KINDS) body[field] = draft[field] === '' ? null : Number(draft[field]);
      try {
        show(await props.api(PATH, { method: 'PUT', body }));
      }
      catch {
        return;
      }
      saved.value = true;
      counts.value = null;
      setTimeout(() => { saved.value = false; }, 2000);
    }

    async function dryRun() {
      counts.value = await props.api(`${PATH}/dry-run`, { method: 'POST' }).catch(() => null);
    }

    async function runNow() {
      if (!confirm(t('admin.retention.confirmRun'))) return;
      ran.value = await props.api(`${PATH}/run`, { method: 'POST' }).catch(() => null);
      counts.value = null;
      show(await props.api(PATH).catch(() => current.value));
    }

    return { t, draft, current, counts, ran, saved, KINDS, save, dryRun, runNow };
  },
  template: `
    <form class="stack retention" id="retention-form" @submit.prevent="save">
      <h3>{{ t('admin.retention.title') }}</h3>
      <p class="hint">{{ t('admin.retention.hint') }}</p>
      <label v-for="[field, kind] in KINDS" :key="field">{{ t('admin.retention.kind.' + kind) }}
        <input type="number" min="1" max="36500" :name="field" v-model="draft[field]" :placeholder="t('admin.retention.forever')">
        <span class="hint">{{ t('admin.retention.days') }}</span>
      </label>
      <fieldset>
        <legend>{{ t('admin.retention.mode') }}</legend>
        <label><input type="radio" name="mode" value="DELETE" v-model="draft.mode"> {{ t('admin.retention.mode.DELETE') }}</label>
        <label><input type="radio" name="mode" value="ANONYMIZE" v-model="draft.mode"> {{ t('admin.retention.mode.ANONYMIZE') }}</label>
      </fieldset>
      <p>
        <button class="primary" type="submit">{{ saved ? t('admin.retention.saved') : t('admin.save') }}</button>
        <button type="button" id="retention-dry-run" @click="dryRun">{{ t('admin.retention.dryRun') }}</button>
        <button type="button" class="link" id="retention-run" @click="runNow">{{ t('admin.retention.runNow') }}</button>
      </p>
      <table v-if="counts" class="grid" id="retention-counts">
        <caption>{{ t('admin.retention.wouldGo') }}</caption>
        <tr v-for="(n, kind) in counts" :key="kind"><td>{{ t('admin.retention.kind.' + kind) }}</td><td>{{ n }}</td></tr>
        <tr v-if="!Object.keys(counts).length"><td>{{ t('admin.retention.keepsAll') }}</td></tr>
      </table>
      <p v-if="current && current.lastRunAt" class="hint" id="retention-last-run">
        {{ t('admin.retention.lastRun', { at: new Date(current.lastRunAt).toLocaleString() }) }}
        <span v-for="(n, kind) in current.lastRunCounts || {}" :key="kind"> · {{ t('admin.retention.kind.' + kind) }} {{ n }}</span>
      </p>
    </form>`,
};
