// The desk's "Waiting" panel (issue 14): the chats waiting in the agent's groups that let agents pick, longest waiting
// first, each with its channel, the customer and their first message, and a Pick button. Read from
// GET /api/v1/queue whenever the desk hears a queue changed (`queue.group` frames, a reconnect), at most twice a
// second. A pick goes through the same guarded path as automatic routing; a refusal (someone was faster, the agent is
// full or not online) is said in the agent's language and the list is read again.
import { computed, onUnmounted, ref, watch } from 'vue';
import { t } from '/ui/i18n.js';

/** Queue changes come in bursts; one read per this many milliseconds is enough for a person to choose from. */
const REFRESH_MS = 500;

export const QueuePanel = {
  props: {
    /** The desk's api(path, options) for JSON calls with the agent's login. */
    api: { type: Function, required: true },
    /** Bumped by the desk whenever a queue may have changed. */
    changed: { type: Number, default: 0 },
    /** The desk's clock (ms), ticking every second, so waits count up between reads. */
    now: { type: Number, required: true },
    /** How to name a chat's channel, as the desk's chat list does. */
    channelLabel: { type: Function, required: true },
  },
  emits: ['picked'],
  setup(props, { emit }) {
    const list = ref({ waitingCount: 0, waiting: [] });
    const readAt = ref(Date.now());
    const picking = ref(null);
    const error = ref('');
    let timer = null;
    let last = 0;
    let reads = 0;

    async function load() {
      const round = ++reads;
      const answer = await props.api('/api/v1/queue').catch(() => null);
      if (answer && round === reads) {
        list.value = answer;
        readAt.value = Date.now();
      }
    }

    /** At most one read per REFRESH_MS, and always one after the last change. */
    function refresh() {
      if (timer) return;
      const wait = Math.max(0, last + REFRESH_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        load();
      }, wait);
    }

    async function pick(w) {
      picking.value = w.conversationId;
      error.value = '';
      try {
        emit('picked', await props.api(`/api/v1/queue/${w.conversationId}/pick`, { method: 'POST' }));
      }
      catch (e) {
        const key = `queue.refused.${e.code}`;
        error.value = t(key) === key ? e.message : t(key);
      }
      finally {
        picking.value = null;
        refresh();
      }
    }

    /** Seconds waited as the server counted them when read, plus the time since, so clocks need not agree. */
    function waited(w) {
      const s = Math.max(0, w.waitingSeconds + Math.floor((props.now - readAt.value) / 1000));
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }

    const more = computed(() => list.value.waitingCount - list.value.waiting.length);

    watch(() => props.changed, refresh);
    onUnmounted(() => clearTimeout(timer));
    load();

    return { list, picking, error, more, pick, waited, t };
  },
  template: `
    <section v-if="list.waiting.length || error" class="queue-panel" id="queue-panel" :aria-label="t('queue.title', { count: list.waitingCount })">
      <h2>{{ t('queue.title', { count: list.waitingCount }) }}</h2>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <ul>
        <li v-for="w in list.waiting" :key="w.conversationId" class="queue-item" :data-conversation="w.conversationId">
          <span class="name">{{ w.contactName || t('desk.visitor') }}
            <span class="channel" :data-channel="w.channel" :title="t('desk.channelHint')">{{ channelLabel(w) }}</span></span>
          <span class="preview">{{ w.preview || '' }}</span>
          <span class="meta">
            <span class="group">{{ w.groupName }}</span>
            <span class="wait" :title="t('queue.waited', { time: waited(w) })">{{ waited(w) }}</span>
            <button v-if="w.mayPick" type="button" class="primary pick" :disabled="picking === w.conversationId"
                    @click="pick(w)">{{ t('queue.pick') }}</button>
          </span>
        </li>
      </ul>
      <p v-if="more > 0" class="more">{{ t('queue.more', { count: more }) }}</p>
    </section>`,
};
