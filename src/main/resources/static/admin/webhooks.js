// The webhooks tab: the organization's endpoints with their state (and why Kefu switched one off), a form to add one
// that shows its signing secret once, secret rotation, removal, and each endpoint's delivery log with redelivery.
import { reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/webhooks';
const EVENTS = ['conversation.opened', 'conversation.assigned', 'conversation.transferred', 'conversation.handed_over',
  'conversation.closed', 'conversation.rated', 'message.created', 'ticket.opened', 'ticket.answered', 'ticket.closed',
  'contact.updated'];

export const Webhooks = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { api: { type: Function, required: true } },
  setup(props) {
    const endpoints = ref([]);
    const draft = reactive({ url: '', events: [] });
    const secret = ref(null);
    const copied = ref(false);
    const log = ref(null);
    const deliveries = ref([]);

    const { api } = props;

    async function load() {
      endpoints.value = await api(PATH).catch(() => []);
    }

    /** A new endpoint, or a rotated secret: the secret is in this one answer only. */
    function showSecret(endpoint) {
      secret.value = { url: endpoint.url, secret: endpoint.secret };
      copied.value = false;
    }

    async function create() {
      try {
        showSecret(await api(PATH, { method: 'POST', body: { url: draft.url, events: [...draft.events] } }));
      }
      catch {
        return;
      }
      Object.assign(draft, { url: '', events: [] });
      await load();
    }

    async function setEnabled(endpoint, enabled) {
      await api(`${PATH}/${endpoint.id}`, { method: 'PUT', body: { enabled } }).catch(() => {});
      await load();
    }

    async function rotate(endpoint) {
      if (!window.confirm(t('admin.webhooks.confirmRotate', { url: endpoint.url }))) return;
      showSecret(await api(`${PATH}/${endpoint.id}/rotate-secret`, { method: 'POST' }).catch(() => ({})));
    }

    async function remove(endpoint) {
      if (!window.confirm(t('admin.confirmDelete', { name: endpoint.url }))) return;
      await api(`${PATH}/${endpoint.id}`, { method: 'DELETE' }).catch(() => {});
      if (log.value?.id === endpoint.id) log.value = null;
      await load();
    }

    async function openLog(endpoint) {
      log.value = endpoint;
      await refreshLog();
    }

    async function refreshLog() {
      const id = log.value?.id;
      if (!id) return;
      const list = await api(`${PATH}/${id}/deliveries?limit=100`).catch(() => []);
      if (log.value?.id === id) deliveries.value = list; // another endpoint's log may have been opened meanwhile
    }

    async function redeliver(delivery) {
      await api(`${PATH}/${log.value.id}/deliveries/${delivery.id}/redeliver`, { method: 'POST' }).catch(() => {});
      await refreshLog();
    }

    async function copy() {
      await navigator.clipboard.writeText(secret.value.secret).catch(() => {});
      copied.value = true;
    }

    const when = (instant) => (instant ? new Date(instant).toLocaleString(language.value) : '');

    load();
    return { events: EVENTS, endpoints, draft, secret, copied, log, deliveries, create, setEnabled, rotate, remove,
      openLog, refreshLog, redeliver, copy, when, t };
  },
  template: `
    <div class="webhooks">
      <p class="hint">{{ t('admin.webhooks.intro') }}</p>
      <div v-if="secret" class="secret-once" id="webhook-secret" role="status">
        <strong>{{ t('admin.webhooks.secretFor', { url: secret.url }) }}</strong>
        <p>{{ t('admin.webhooks.onceOnly') }}</p>
        <code class="secret">{{ secret.secret }}</code>
        <span class="inline">
          <button type="button" class="primary copy" @click="copy">{{ copied ? t('admin.tokens.copied') : t('admin.tokens.copy') }}</button>
          <button type="button" class="link done" @click="secret = null">{{ t('admin.tokens.done') }}</button>
        </span>
      </div>
      <table class="grid" id="webhook-list">
        <thead><tr><th>{{ t('admin.webhooks.url') }}</th><th>{{ t('admin.webhooks.events') }}</th><th>{{ t('admin.webhooks.state') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="e in endpoints" :key="e.id" :data-endpoint="e.url">
            <td><code>{{ e.url }}</code></td>
            <td class="events">{{ e.events.join(', ') }}</td>
            <td class="state">
              <span v-if="e.enabled" class="badge on">{{ t('admin.webhooks.enabled') }}</span>
              <template v-else>
                <span class="badge off">{{ t('admin.webhooks.disabled') }}</span>
                <span class="hint why">{{ e.disabledReason ? t('admin.webhooks.why', { reason: e.disabledReason }) : t('admin.webhooks.disabledByAdmin') }}</span>
              </template>
              <span v-if="e.consecutiveFailures" class="hint">{{ t('admin.webhooks.failing', { count: e.consecutiveFailures, since: when(e.failingSince) }) }}</span>
            </td>
            <td>
              <button type="button" class="link log" @click="openLog(e)">{{ t('admin.webhooks.log') }}</button>
              <button type="button" class="link toggle" @click="setEnabled(e, !e.enabled)">{{ e.enabled ? t('admin.webhooks.disable') : t('admin.webhooks.enable') }}</button>
              <button type="button" class="link rotate" @click="rotate(e)">{{ t('admin.webhooks.rotate') }}</button>
              <button type="button" class="link delete" @click="remove(e)">{{ t('admin.delete') }}</button>
            </td>
          </tr>
          <tr v-if="!endpoints.length"><td colspan="4" class="hint">{{ t('admin.webhooks.none') }}</td></tr>
        </tbody>
      </table>
      <section v-if="log" class="delivery-log" id="delivery-log">
        <h3>{{ t('admin.webhooks.logOf', { url: log.url }) }}
          <button type="button" class="link refresh" @click="refreshLog">{{ t('admin.webhooks.refresh') }}</button>
          <button type="button" class="link" @click="log = null">{{ t('admin.tokens.done') }}</button></h3>
        <table class="grid">
          <thead><tr><th>{{ t('admin.webhooks.time') }}</th><th>{{ t('admin.webhooks.event') }}</th><th>{{ t('admin.webhooks.status') }}</th>
            <th>{{ t('admin.webhooks.response') }}</th><th>{{ t('admin.webhooks.latency') }}</th><th>{{ t('admin.webhooks.attempts') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="d in deliveries" :key="d.id" :data-delivery="d.id" :data-type="d.type">
              <td>{{ when(d.createdAt) }}</td>
              <td>{{ d.type }}</td>
              <td class="status">{{ t('admin.webhooks.delivery.' + d.status) }}<span v-if="d.status === 'PENDING' && d.nextAttemptAt" class="hint"> · {{ t('admin.webhooks.next', { when: when(d.nextAttemptAt) }) }}</span></td>
              <td class="response">{{ d.responseStatus ?? '' }}<span v-if="d.lastError" class="hint"> {{ d.lastError }}</span></td>
              <td class="latency">{{ d.latencyMs != null ? d.latencyMs + ' ms' : '' }}</td>
              <td class="attempts">{{ d.attempts }}</td>
              <td><button type="button" class="link redeliver" @click="redeliver(d)">{{ t('admin.webhooks.redeliver') }}</button></td>
            </tr>
            <tr v-if="!deliveries.length"><td colspan="7" class="hint">{{ t('admin.webhooks.noDeliveries') }}</td></tr>
          </tbody>
        </table>
      </section>
      <form class="stack" id="webhook-form" @submit.prevent="create">
        <h3>{{ t('admin.webhooks.new') }}</h3>
        <label>{{ t('admin.webhooks.url') }} <input name="webhookUrl" type="url" v-model.trim="draft.url" required maxlength="2000" placeholder="https://example.com/kefu-events"></label>
        <fieldset class="checks" id="webhook-events">
          <legend>{{ t('admin.webhooks.events') }}</legend>
          <label v-for="ev in events" :key="ev" class="check"><input type="checkbox" :name="'event-' + ev" :value="ev" v-model="draft.events"> {{ t('admin.webhooks.event.' + ev) }}</label>
        </fieldset>
        <span><button class="primary" type="submit" :disabled="!draft.events.length">{{ t('admin.webhooks.create') }}</button></span>
      </form>
    </div>`,
};
