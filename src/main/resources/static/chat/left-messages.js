// Leave-a-message in the widget as one thread per left message: the customer's message, the agents' answers and the
// customer's follow-ups. An answer arrives live as a `ticket` frame on the visitor's connection (docs/protocol.md);
// the frame only names the ticket, which is then read with the visitor's own token.
import { computed, nextTick, reactive, ref, watch } from 'vue';
import { t } from '/ui/i18n.js';
import { request } from '/ui/live.js';
import { callbackStatus, windowText } from './callback.js';

/**
 * The visitor's left messages. What the customer has seen of each (the last seq shown) is kept in this browser only:
 * it decides the badge and the "new answer" marks, and nothing on the server depends on it.
 */
export function leftMessages(org, token) {
  const seenKey = `kefu.ticketsSeen.${org}`;
  const tickets = ref([]);
  const openId = ref(null);
  const seen = reactive(readSeen());
  const open = computed(() => tickets.value.find((x) => x.id === openId.value) || null);
  const unseen = computed(() => tickets.value.reduce((n, x) => n + unseenIn(x), 0));
  // While one waits or may be answered again, the widget stays connected to hear of it.
  const awaiting = computed(() => tickets.value.some((x) => x.state !== 'CLOSED'));
  let pendingReply = null;

  function readSeen() {
    try {
      return JSON.parse(localStorage.getItem(seenKey) || '{}');
    } catch {
      return {};
    }
  }

  function unseenIn(ticket) {
    return ticket.thread.filter((e) => e.from === 'AGENT' && e.seq > (seen[ticket.id] ?? 0)).length;
  }

  /** The newest left message with an answer the customer has not seen, if any. */
  function firstUnseen() {
    return tickets.value.find((x) => unseenIn(x) > 0) || null;
  }

  async function load() {
    const mine = await request('/api/v1/visitor/tickets', { token: token() }).catch(() => null);
    if (mine) tickets.value = mine;
  }

  function put(ticket) {
    const at = tickets.value.findIndex((x) => x.id === ticket.id);
    tickets.value = at < 0 ? [ticket, ...tickets.value] : tickets.value.map((x, i) => (i === at ? ticket : x));
  }

  /** A `ticket` frame: resolves with the ticket as it is now, or null when it could not be read. */
  async function heard(frame) {
    if (frame.event !== 'answered' && frame.event !== 'called') return null;
    const ticket = await request(`/api/v1/visitor/tickets/${frame.ticketId}`, { token: token() }).catch(() => null);
    if (ticket) put(ticket);
    return ticket;
  }

  function show(id) {
    openId.value = id;
  }

  function markSeen() {
    const ticket = open.value;
    if (!ticket || !unseenIn(ticket)) return;
    seen[ticket.id] = Math.max(0, ...ticket.thread.map((e) => e.seq));
    localStorage.setItem(seenKey, JSON.stringify(seen));
  }

  /** Leaves a message; the new ticket is the one shown. */
  async function leave(body) {
    const ticket = await request('/api/v1/visitor/tickets', { method: 'POST', token: token(), body });
    put(ticket);
    show(ticket.id);
    return ticket;
  }

  /** Asks for a call back (callback.js); the request is shown as a thread like a left message. */
  async function requestCallback(body) {
    const ticket = await request('/api/v1/visitor/callbacks', { method: 'POST', token: token(), body });
    put(ticket);
    show(ticket.id);
    return ticket;
  }

  /** The customer writes again; a retry of the same text goes under the same id, so it is stored once. */
  async function reply(text) {
    const ticket = open.value;
    if (pendingReply?.ticketId !== ticket.id || pendingReply.text !== text) {
      pendingReply = { ticketId: ticket.id, text, clientMsgId: `t-${crypto.randomUUID()}` };
    }
    put(await request(`/api/v1/visitor/tickets/${ticket.id}/messages`, {
      method: 'POST', token: token(), body: { clientMsgId: pendingReply.clientMsgId, body: text },
    }));
    pendingReply = null;
  }

  return reactive({ tickets, openId, open, unseen, awaiting, unseenIn, firstUnseen, load, heard, show, markSeen, leave, reply, requestCallback });
}

/** The customer's left messages, newest first, as links to their threads (on the pre-chat form). */
export const LeftMessagesList = {
  props: ['store'],
  emits: ['open'],
  setup: () => ({ t, windowText }),
  template: `
    <section v-if="store.tickets.length" class="tickets" id="tickets">
      <h3>{{ t('leave.yours') }}</h3>
      <button v-for="ticket in store.tickets.slice(0, 5)" :key="ticket.id" type="button" class="left-link"
              :data-state="ticket.state" :data-kind="ticket.kind" @click="$emit('open', ticket.id)">
        <span class="subject">{{ ticket.kind === 'CALLBACK' ? t('callback.label', { window: windowText(ticket.callback) }) : ticket.subject }}</span>
        <span class="state">{{ t('leave.state.' + ticket.state) }}</span>
        <span v-if="store.unseenIn(ticket)" class="new">{{ t('leave.newAnswer') }}</span>
      </button>
    </section>`,
};

/** One left message as a conversation, with a box to write again. */
export const LeftMessageThread = {
  props: ['store', 'color', 'sent'],
  emits: ['back'],
  setup(props) {
    const draft = ref('');
    const error = ref('');
    const sending = ref(false);
    const timeline = ref(null);
    const ticket = computed(() => props.store.open);

    watch(() => ticket.value?.thread.length, () => nextTick(() => {
      if (timeline.value) timeline.value.scrollTop = timeline.value.scrollHeight;
    }), { immediate: true });

    async function reply() {
      const text = draft.value.trim();
      if (!text || sending.value) return;
      sending.value = true;
      error.value = '';
      try {
        await props.store.reply(text);
        draft.value = '';
      } catch (e) {
        // The draft stays: nothing the customer wrote is lost, and sending again cannot store it twice.
        error.value = e.status ? e.message : t('chat.offline');
      } finally {
        sending.value = false;
      }
    }

    return { t, draft, error, sending, timeline, ticket, reply, windowText, callbackStatus };
  },
  template: `
    <section class="chat left-message" id="left-message">
      <p v-if="sent" class="notice" id="left">{{ t(ticket.kind === 'CALLBACK' ? 'callback.sent' : 'leave.sent') }}</p>
      <div v-if="ticket.kind === 'CALLBACK'" class="left-heading callback-card" id="callback-card">
        <strong>{{ t('callback.label', { window: windowText(ticket.callback) }) }}</strong>
        <span class="phone">{{ ticket.contactDetails?.phone }}</span>
        <span class="state" id="callback-status" :data-state="ticket.state" :data-outcome="ticket.callback?.outcome">{{ callbackStatus(ticket) }}</span>
      </div>
      <p v-else class="left-heading"><strong>{{ ticket.subject }}</strong>
        <span class="state" :data-state="ticket.state">{{ t('leave.state.' + ticket.state) }}</span></p>
      <ol class="timeline" id="left-thread" ref="timeline" aria-live="polite">
        <li v-for="entry in ticket.thread" :key="entry.id" :data-seq="entry.seq"
            :class="['msg', entry.from === 'AGENT' ? 'agent answer' : 'me asked']">
          <span v-if="entry.from === 'AGENT'" class="who">{{ t('leave.answer', { name: entry.agentName }) }}</span>
          <span class="text">{{ entry.body }}</span>
        </li>
      </ol>
      <p v-if="ticket.state === 'OPEN' && ticket.kind !== 'CALLBACK'" class="typing" id="left-waiting">{{ t('leave.waiting') }}</p>
      <p v-if="error" class="error left-error" role="alert">{{ error }}</p>
      <form class="composer" id="left-reply" @submit.prevent="reply">
        <textarea id="left-reply-text" v-model="draft" :placeholder="t('leave.replyPlaceholder')" rows="2"
                  spellcheck="true" @keydown.enter.exact.prevent="reply"></textarea>
        <button type="submit" class="primary" :disabled="sending" :style="{ background: color }">{{ t('chat.send') }}</button>
      </form>
      <div class="actions">
        <button type="button" class="link" id="left-back" @click="$emit('back')">{{ t('leave.back') }}</button>
      </div>
    </section>`,
};
