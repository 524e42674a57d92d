// The supervisor's live view: per center a card per group with its queue, the longest wait, the late chats and its
// agents' status and load; a group's live chats; one chat read-only as it happens, with a whisper to the agent and
// taking it over. The overview is read again when the organization's queue.group, agent or conversation frames say
// something changed (at most twice a second) and every 15 s in case a frame was lost; between reads the clocks tick
// here.
import { computed, onMounted, onUnmounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { live } from '/ui/live.js';
import { duration } from '/ops/format.js';
import { Transcript } from '/ops/transcript.js';
import { VisitorsPanel } from '/ops/visitors.js';

/** The least time between two reads of the overview: a burst of frames becomes one read. */
const COALESCE_MS = 500;
/** A read anyway this often: frames are best effort (docs/protocol.md). */
const FALLBACK_MS = 15000;

export const LiveBoard = {
  components: { Transcript, VisitorsPanel },
  props: { api: Function, token: String, me: Object },
  setup(props) {
    const overview = ref(null);
    const readAt = ref(Date.now());
    const now = ref(Date.now());
    const error = ref('');
    const groupId = ref(null);
    const chats = ref([]);
    const chatsReadAt = ref(Date.now());
    const chatId = ref(null);
    const watched = reactive({ conversation: null, messages: new Map(), notes: [] });
    const whisperText = ref('');
    const confirming = ref(false);
    const actionError = ref('');
    const takenOver = ref(false);
    const connected = ref(false);
    let alive = true;
    let lastRead = 0;
    let pending = null;
    const timers = [];

    const connection = live({
      token: () => props.token,
      onFrame: receive,
      onUp: (up) => { connected.value = up; },
      keepOpen: () => alive,
      // The app's next request gets 401 and returns to the login.
      onEnded: () => location.reload(),
    });

    const groups = computed(() => (overview.value?.centers || []).flatMap((c) => c.groups));
    const group = computed(() => groups.value.find((g) => g.id === groupId.value) || null);
    const chat = computed(() => chats.value.find((c) => c.id === chatId.value) || null);
    const messages = computed(() => [...watched.messages.values()].sort((a, b) => a.seq - b.seq));
    const open = computed(() => ['BOT', 'QUEUED', 'ASSIGNED'].includes(watched.conversation?.state ?? chat.value?.state));
    const mine = computed(() => (watched.conversation?.agentId ?? chat.value?.agentId) === props.me.id);

    /** Seconds since the overview was read, added to every clock it reported. */
    const drift = computed(() => Math.max(0, Math.floor((now.value - readAt.value) / 1000)));

    function longestWait(g) {
      return g.waiting ? g.longestWaitSeconds + drift.value : 0;
    }

    /** Customers waiting for a person past the target now: the server's waits as read, plus the time since. */
    function late(g) {
      const now = (g.waits || []).filter((w) => w + drift.value > g.firstResponseTargetSeconds).length;
      // The server counts to the microsecond, the waits are whole seconds: never show fewer than it counted.
      return Math.max(g.late, now);
    }

    function inStatus(a) {
      // Null for an agent who has never been online.
      return a.secondsInStatus == null ? '–' : duration(a.secondsInStatus + drift.value);
    }

    function waiting(c) {
      return c.waitingSeconds ? duration(c.waitingSeconds + Math.floor((now.value - chatsReadAt.value) / 1000)) : '–';
    }

    /** The chat's agent by name; right after a takeover the list may not have been read again yet. */
    function agentOf(c) {
      if (!c?.agentId) return t('ops.live.nobody');
      return c.agentName || (c.agentId === props.me.id ? props.me.displayName : '–');
    }

    function loadShare(a) {
      return a.capacity ? Math.min(100, Math.round((100 * a.active) / a.capacity)) : 0;
    }

    async function read() {
      lastRead = Date.now();
      try {
        const [fresh, liveChats] = await Promise.all([
          props.api('/api/v1/supervision/overview'),
          groupId.value ? props.api(`/api/v1/supervision/groups/${groupId.value}/conversations`) : null,
        ]);
        overview.value = fresh;
        readAt.value = Date.now();
        if (liveChats) {
          chats.value = liveChats;
          chatsReadAt.value = Date.now();
        }
        error.value = '';
      }
      catch (e) {
        error.value = e.message;
      }
    }

    /** Coalesces a burst of frames into one read, at most one per COALESCE_MS. */
    function readSoon() {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        read();
      }, Math.max(0, lastRead + COALESCE_MS - Date.now()));
    }

    function receive(f) {
      switch (f.type) {
        case 'ready':
          readSoon();
          if (chatId.value) watch(chatId.value);
          break;
        case 'queue.group':
        case 'agent':
          readSoon();
          break;
        case 'conversation':
          readSoon();
          if (f.conversation.id === chatId.value) watched.conversation = f.conversation;
          break;
        case 'synced':
          if (f.conversationId === chatId.value) watched.conversation = f.conversation;
          break;
        case 'message':
          if (f.message.conversationId === chatId.value) {
            watched.messages.set(f.message.seq, f.message);
            // A message starts or stops the customer's wait, which the group's chat list shows.
            readSoon();
          }
          break;
        case 'note':
          if (f.note.conversationId === chatId.value) addNote(f.note);
          break;
        case 'error':
          actionError.value = f.message;
          break;
      }
    }

    function addNote(note) {
      watched.notes = [...watched.notes.filter((n) => n.id !== note.id), note];
    }

    async function openGroup(id) {
      groupId.value = groupId.value === id ? null : id;
      chatId.value = null;
      chats.value = [];
      if (groupId.value) await read();
    }

    /** Follows the chat live (watch), loads all it said so far (sync from 0) and its notes. */
    function watch(id) {
      connection.send({ type: 'watch', conversationId: id });
      connection.send({ type: 'sync', conversationId: id, after: 0 });
    }

    async function openChat(id) {
      chatId.value = id;
      watched.conversation = null;
      watched.messages = new Map();
      watched.notes = [];
      whisperText.value = '';
      confirming.value = false;
      actionError.value = '';
      takenOver.value = false;
      watch(id);
      try {
        (await props.api(`/api/v1/conversations/${id}/notes`)).forEach(addNote);
      }
      catch (e) {
        actionError.value = e.message;
      }
    }

    async function whisper() {
      const text = whisperText.value.trim();
      if (!text) return;
      actionError.value = '';
      try {
        addNote(await props.api(`/api/v1/supervision/conversations/${chatId.value}/whisper`, { method: 'POST', body: { text } }));
        whisperText.value = '';
      }
      catch (e) {
        actionError.value = e.message;
      }
    }

    async function takeOver() {
      actionError.value = '';
      try {
        watched.conversation = await props.api(`/api/v1/supervision/conversations/${chatId.value}/take-over`,
          { method: 'POST', body: {} });
        takenOver.value = true;
        readSoon();
      }
      catch (e) {
        actionError.value = e.message;
      }
      finally {
        confirming.value = false;
      }
    }

    onMounted(() => {
      connection.open();
      read();
      timers.push(setInterval(() => { now.value = Date.now(); }, 1000));
      timers.push(setInterval(read, FALLBACK_MS));
    });
    onUnmounted(() => {
      alive = false;
      timers.forEach(clearInterval);
      clearTimeout(pending);
      connection.close();
    });

    return {
      overview, error, groupId, group, chats, chatId, chat, watched, messages, open, mine, whisperText, confirming,
      actionError, takenOver, connected, agentOf, longestWait, late, inStatus, waiting, loadShare, openGroup, openChat, whisper,
      takeOver, duration, t,
    };
  },
  template: `
    <div class="live">
      <section class="floor" :aria-label="t('ops.tab.live')">
        <p v-if="!connected" class="offline-note" role="status">{{ t('chat.offline') }}</p>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <p v-if="overview && !overview.centers.length" class="empty">{{ t('ops.live.noGroups') }}</p>
        <template v-for="center in overview?.centers || []" :key="center.id">
          <h2>{{ center.name }}</h2>
          <article v-for="g in center.groups" :key="g.id" :class="['group-card', { selected: g.id === groupId }]" :data-group="g.name">
            <button type="button" class="group-head" :aria-expanded="g.id === groupId" @click="openGroup(g.id)">
              <strong>{{ g.name }}</strong><span class="hint">{{ t('ops.live.target', { time: duration(g.firstResponseTargetSeconds) }) }}</span>
            </button>
            <dl class="figures">
              <div><dt>{{ t('ops.live.waiting') }}</dt><dd class="waiting">{{ g.waiting }}</dd></div>
              <div><dt>{{ t('ops.live.longest') }}</dt><dd :class="['longest', { late: longestWait(g) > g.firstResponseTargetSeconds }]">{{ duration(longestWait(g)) }}</dd></div>
              <div><dt>{{ t('ops.live.late') }}</dt><dd :class="['late-count', { late: late(g) > 0 }]">{{ late(g) }}</dd></div>
              <div><dt>{{ t('ops.live.served') }}</dt><dd class="served">{{ g.served }}</dd></div>
              <div><dt>{{ t('ops.live.withAssistant') }}</dt><dd>{{ g.withAssistant }}</dd></div>
            </dl>
            <table class="agents">
              <thead><tr><th>{{ t('ops.live.agent') }}</th><th>{{ t('desk.status') }}</th><th>{{ t('ops.live.load') }}</th><th>{{ t('ops.live.inStatus') }}</th></tr></thead>
              <tbody>
                <tr v-for="a in g.agents" :key="a.id" :data-agent="a.name">
                  <td>{{ a.name }}</td>
                  <td><span :class="['status-dot', a.status]"></span>{{ t('desk.status.' + a.status) }}</td>
                  <td class="load-cell">
                    <span class="bar" role="meter" :aria-valuenow="a.active" aria-valuemin="0" :aria-valuemax="a.capacity" :aria-label="t('ops.live.load')">
                      <span :style="{ width: loadShare(a) + '%' }" :class="{ full: a.active >= a.capacity }"></span>
                    </span>
                    <span class="load">{{ a.active }}/{{ a.capacity }}</span>
                  </td>
                  <td class="clock">{{ inStatus(a) }}</td>
                </tr>
                <tr v-if="!g.agents.length"><td colspan="4" class="hint">{{ t('ops.live.noAgents') }}</td></tr>
              </tbody>
            </table>
          </article>
        </template>
        <visitors-panel :api="api"></visitors-panel>
      </section>

      <nav v-if="group" class="list live-chats" id="live-chats" :aria-label="t('ops.live.chatsOf', { name: group.name })">
        <h2>{{ t('ops.live.chatsOf', { name: group.name }) }}</h2>
        <p v-if="!chats.length" class="empty">{{ t('ops.live.noChats') }}</p>
        <button v-for="c in chats" :key="c.id" type="button" :class="['chat-item', { red: c.late, selected: c.id === chatId }]"
                :data-conversation="c.id" @click="openChat(c.id)">
          <span class="name">{{ agentOf(c) }}</span>
          <span class="preview">{{ c.lastMessage || '' }}</span>
          <span class="meta">
            <span class="state">{{ t('desk.state.' + c.state) }}</span>
            <span class="wait" :title="t('ops.live.waitingFor')">{{ waiting(c) }}</span>
            <span v-if="c.late" class="late-tag">{{ t('ops.live.lateTag') }}</span>
          </span>
        </button>
      </nav>

      <main v-if="chatId" class="conversation watch" id="watch">
        <header class="conv-head">
          <strong>{{ agentOf({ ...chat, agentId: watched.conversation?.agentId ?? chat?.agentId }) }}</strong>
          <span class="state">{{ t('desk.state.' + (watched.conversation?.state || chat?.state || 'QUEUED')) }} · {{ t('ops.live.readOnly') }}</span>
        </header>
        <transcript :messages="messages" :notes="watched.notes"></transcript>
        <p v-if="takenOver" class="saved banner" role="status" id="taken-over">
          {{ t('ops.live.takenOver') }} <a href="/desk/">{{ t('ops.toDesk') }}</a>
        </p>
        <p v-if="actionError" class="error banner" role="alert">{{ actionError }}</p>
        <form v-if="open && !mine" class="composer" id="whisper-form" @submit.prevent="whisper">
          <label class="grow"><span class="hidden">{{ t('ops.live.whisper') }}</span>
            <textarea id="whisper" v-model="whisperText" rows="2" class="whisper" :placeholder="t('ops.live.whisperPlaceholder')"></textarea>
          </label>
          <button type="submit" class="primary">{{ t('ops.live.whisper') }}</button>
          <button v-if="!confirming" type="button" class="danger" id="take-over" @click="confirming = true">{{ t('ops.live.takeOver') }}</button>
          <span v-else class="confirm" role="group" :aria-label="t('ops.live.takeOver')">
            {{ t('ops.live.confirmTakeOver') }}
            <button type="button" class="danger" id="confirm-take-over" @click="takeOver">{{ t('ops.live.confirm') }}</button>
            <button type="button" class="link" @click="confirming = false">{{ t('desk.cancel') }}</button>
          </span>
        </form>
      </main>
    </div>`,
};
