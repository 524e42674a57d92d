// The agent desk: my chats ordered by how long the customer has waited for a reply, the chat with its history,
// earlier chats of the same customer, canned responses by typing "/", files, internal notes, transfer, close with a
// summary, the customer's profile, past chats and left messages, and the CRM card (desk/crm-card.js).
// Everything goes through the public API and protocol v1 (docs/protocol.md).
import { createApp, computed, nextTick, reactive, ref, watch } from 'vue';
import { language, setLanguage, t } from '/ui/i18n.js';
import { LoginForm } from '/ui/login.js';
import { CrmCard } from '/desk/crm-card.js';
import { VisitCard } from '/desk/visit-card.js';
import { ConversationSearch } from '/desk/search.js';
import { QueuePanel } from '/desk/queue-panel.js';
import { TagBar } from '/desk/tag-bar.js';
import { DispositionPicker } from '/desk/disposition-picker.js';
import { ContactsView } from '/desk/contacts.js';
import { SecurityView } from '/ui/security.js';
import { CallbackPanel } from '/desk/callback-panel.js';
import { windowText } from '/ui/callback-window.js';
import { ticketMail } from '/desk/ticket-mail.js';
import { live, request, chosenFiles, upload as uploadFile } from '/ui/live.js';
import { markdown } from '/ui/markdown.js';
import { messageText } from '/ui/message-text.js';
import { deskNotifications } from '/desk/notifications.js';
import { byFolder, fillVariables } from '/ui/canned.js';
import { MessageTime } from '/ui/times.js';
import { viewImages } from '/ui/image-viewer.js';
import { deliveryStore, DeliveryMark } from '/desk/deliveries.js';
import { MaskedMark } from '/desk/masked.js';

const TOKEN = 'kefu.staff.token';
/** Seconds of waiting for a reply after which a chat turns amber, then red, until the group's own targets load. */
const DEFAULT_TARGETS = { warn: 60, alert: 180 };
/** How many earlier chats of the customer the timeline shows above the current one. */
const EARLIER_CHATS = 5;

viewImages('.msg .attachment img');

/** A message's text and attachments, the same in the current chat and in earlier ones. */
const MessageBody = {
  props: ['m'],
  components: { MaskedMark },
  methods: { messageText },
  template: `<span class="text" v-if="m.text">{{ messageText(m) }}</span>
    <masked-mark v-if="m.masked" :m="m"></masked-mark>
    <span v-for="a in m.attachments || []" :key="a.id" class="attachment">
      <img v-if="a.contentType.startsWith('image/')" :src="a.url" :alt="a.name">
      <a v-else :href="a.url" target="_blank" rel="noopener">{{ a.name }}</a>
    </span>`,
};

createApp({
  components: { LoginForm, MessageBody, CrmCard, ConversationSearch, QueuePanel, TagBar, DispositionPicker, MessageTime, ContactsView, VisitCard, DeliveryMark, CallbackPanel, SecurityView },
  setup() {
    const token = ref(sessionStorage.getItem(TOKEN));
    const me = ref(JSON.parse(sessionStorage.getItem(`${TOKEN}.me`) || 'null'));
    const agent = ref(null);
    const connected = ref(false);
    const conversations = reactive(new Map());
    const messages = reactive(new Map());
    const notes = reactive(new Map());
    const pending = reactive(new Map());
    const contacts = reactive(new Map());
    const channels = reactive(new Map());
    // Function declarations are hoisted, so api is callable here though written below.
    const deliveries = deliveryStore((path) => api(path));
    const selectedId = ref(null);
    const history = ref([]);
    const earlier = ref(null);
    const contactTickets = ref([]);
    const targets = reactive(new Map());
    const uploads = ref([]);
    const ticketState = ref('open');
    const ticketKind = ref('');
    const suggestions = ref([]);
    const savedAsFaq = reactive(new Set());
    let suggestedFor = '';
    const draft = ref('');
    const noteMode = ref(false);
    const canned = ref([]);
    const cannedIndex = ref(0);
    /** What the agent should look at in an inserted canned response: variables unknown or without a value. */
    const cannedNote = ref('');
    const closing = ref(false);
    const summary = ref('');
    const disposition = ref('');
    const dispositionRequired = ref(false);
    const closeError = ref('');
    const copied = ref(false);
    const contactTyping = ref(false);
    const now = ref(Date.now());
    const timeline = ref(null);
    const view = ref('chats');
    const transferring = ref(false);
    const transferGroups = ref([]);
    const transferTarget = ref('');
    const transferNote = ref('');
    const actionError = ref('');
    const tickets = ref([]);
    const ticket = ref(null);
    const ticketAnswer = ref('');
    /** Whether answers to the open left message are e-mailed, and how each one's mail went. */
    const answerMail = ticketMail((path) => api(path));
    /** Left messages waiting for an answer (OPEN), counted on the tab; a new one alerts like a new chat. */
    const waitingTickets = ref(0);
    /** Bumped when a queue may have changed: the waiting panel (desk/queue-panel.js) reads it again. */
    const queueChanged = ref(0);
    const editing = ref(false);
    const profileDraft = reactive({ name: '', email: '', phone: '', attributes: [] });
    const connection = live({
      token: () => token.value,
      onFrame: (f) => receive(f),
      onUp: (up) => { connected.value = up; },
      keepOpen: () => Boolean(token.value),
      onEnded: () => logout(),
    });
    let typingTimer = null;
    let cannedTimer = null;
    const notifications = reactive(deskNotifications({ onOpen: (id) => { view.value = 'chats'; select(id); } }));

    setInterval(() => { now.value = Date.now(); }, 1000);

    async function api(path, options = {}) {
      try {
        return await request(path, { ...options, token: token.value });
      }
      catch (e) {
        if (e.status === 401 && token.value) logout();
        throw e;
      }
    }

    // Chats of this agent that the customer (or someone else) ended while the desk showed them: they stay, marked,
    // until the agent dismisses them, rather than vanishing or looking as if they were still going.
    const endedElsewhere = reactive(new Set());
    const closedHere = new Set();
    const list = computed(() => [...conversations.values()]
      .filter((c) => c.agentId === me.value?.id
        && (c.state === 'ASSIGNED' || c.id === selectedId.value || endedElsewhere.has(c.id)))
      .sort((a, b) => waitedSince(a) - waitedSince(b)));
    const selected = computed(() => conversations.get(selectedId.value) || null);
    // The staff app (/ops/): supervisors to the live view, inspectors to the QA queue, agents to their figures and reviews.
    const opsLink = computed(() => {
      const permissions = me.value?.permissions || [];
      if (['conversation.supervise', 'qa.review', 'report.read'].some((p) => permissions.includes(p))) return '/ops/';
      return permissions.includes('conversation.handle') ? '/ops/#reports' : null;
    });
    // Counted from the desk's own chats: the server's agent frame comes on status changes, not on every assignment.
    const activeChats = computed(() => list.value.filter((c) => c.state === 'ASSIGNED').length);
    const contact = computed(() => (selected.value ? contacts.get(selected.value.contactId) : null));
    const items = computed(() => {
      const id = selectedId.value;
      const stored = [...(messages.get(id)?.values() || [])].map((m) => ({ ...m, key: m.id, side: side(m), at: m.createdAt }));
      // A supervisor's whisper is set apart from colleagues' notes: it is someone watching this chat, now.
      const internal = (notes.get(id) || []).map((n) => ({ ...n, key: n.id, side: n.whisper ? 'whisper' : 'note', at: n.createdAt }));
      const waiting = [...pending.values()].filter((p) => p.conversationId === id)
        .map((p) => ({ key: p.clientMsgId, side: 'me', pending: true, text: p.text, sender: { name: me.value?.displayName } }));
      return stored.concat(internal).sort((a, b) => a.at.localeCompare(b.at)).concat(waiting);
    });

    function waitedSince(c) {
      return c.awaitingReplySince ? Date.parse(c.awaitingReplySince) : Number.MAX_SAFE_INTEGER;
    }

    function side(m) {
      if (m.sender.type === 'CONTACT') return 'contact';
      if (m.sender.type === 'SYSTEM') return 'system';
      return m.sender.id === me.value?.id ? 'me' : 'agent';
    }

    function lastSeq(id) {
      return Math.max(0, ...(messages.get(id)?.keys() || []));
    }

    /**
     * The sequence number up to which the desk holds the whole timeline: what to sync after. Not the last one seen,
     * since a chat handed to this agent arrives with its newest line ("now serving you") before its history.
     */
    function completeUpTo(id) {
      const known = messages.get(id);
      let seq = 0;
      while (known?.has(seq + 1)) seq++;
      return seq;
    }

    /** The customer's messages the agent has not seen (system lines do not count), once the timeline is here. */
    function unread(c) {
      const known = messages.get(c.id);
      if (!known) return Math.max(0, c.lastSeq - c.agentReadSeq);
      return [...known.values()].filter((m) => m.seq > c.agentReadSeq && m.sender.type === 'CONTACT').length;
    }

    function waitClass(c) {
      if (!c.awaitingReplySince) return '';
      const seconds = (now.value - Date.parse(c.awaitingReplySince)) / 1000;
      const { warn, alert } = targets.get(c.groupId) || DEFAULT_TARGETS;
      return seconds > alert ? 'red' : seconds > warn ? 'amber' : '';
    }

    /** Each group's reply targets, set by the admin; the transfer choice reads the same list. */
    async function loadGroups() {
      const groups = await api('/api/v1/groups').catch(() => []);
      groups.forEach((g) => targets.set(g.id, { warn: g.replyWarnSeconds, alert: g.replyAlertSeconds }));
      return groups;
    }

    function elapsed(since) {
      const s = Math.max(0, Math.floor((now.value - Date.parse(since)) / 1000));
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }

    function contactName(c) {
      const known = contacts.get(c.contactId);
      return known?.name || known?.email || known?.phone || t('desk.visitor');
    }

    /** Which channel a chat came from: the web widget, or an API channel (or a later provider) by its name. */
    function channelLabel(c) {
      if (!c.channel || c.channel === 'web') return t('desk.channel.web');
      const name = channels.get(c.channelId)?.name;
      const key = `desk.channel.${c.channel}`;
      const provider = t(key) === key ? c.channel : t(key);
      return name && name !== provider ? `${provider} · ${name}` : provider;
    }

    /** The organization's channels by id; read again when a chat names one not known yet (made since). */
    let channelsLoading = null;
    function loadChannels() {
      channelsLoading ??= api('/api/v1/channels')
        .then((list) => list.forEach((ch) => channels.set(ch.id, ch)))
        .catch(() => {})
        .finally(() => { channelsLoading = null; });
      return channelsLoading;
    }

    /** The host site vouched for this customer (verified identity). */
    function verified(c) {
      return contacts.get(c.contactId)?.verified === true;
    }

    /** Asked once per contact; the promise lets a notification wait for the name. */
    const contactLoads = new Map();
    function loadContact(id) {
      if (!contactLoads.has(id)) {
        contacts.set(id, null);
        contactLoads.set(id, api(`/api/v1/contacts/${id}`).catch(() => null).then((c) => { if (!contacts.get(id)) contacts.set(id, c); }));
      }
      return contactLoads.get(id);
    }

    function loggedIn(session) {
      token.value = session.token;
      me.value = session.user;
      sessionStorage.setItem(TOKEN, session.token);
      sessionStorage.setItem(`${TOKEN}.me`, JSON.stringify(session.user));
      connect();
    }

    function logout() {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(`${TOKEN}.me`);
      token.value = null;
      connection.close();
    }

    function connect() {
      if (token.value) connection.open();
    }

    /** Who is signed in, read again on each (re)connect: a login kept in the tab may predate a change of roles. */
    async function refreshMe() {
      const fresh = await request('/api/v1/auth/me', { token: token.value }).catch(() => null);
      if (!fresh) return;
      me.value = fresh;
      sessionStorage.setItem(`${TOKEN}.me`, JSON.stringify(fresh));
    }

    function frame(data) {
      connection.send(data);
    }

    function receive(f) {
      switch (f.type) {
        case 'ready':
          agent.value = f.agent;
          refreshMe();
          queueChanged.value++;
          loadGroups();
          countTickets();
          f.conversations.forEach(upsert);
          // Every open chat's timeline, so previews and unread counts are the customer's messages.
          f.conversations.forEach((c) => frame({ type: 'sync', conversationId: c.id, after: completeUpTo(c.id) }));
          for (const p of pending.values()) sendFrame(p);
          break;
        case 'agent':
          if (f.agent.staffId === me.value?.id) agent.value = f.agent;
          break;
        case 'conversation':
          if (f.event === 'assigned' && f.conversation.agentId === me.value?.id && !conversations.has(f.conversation.id)) {
            notify(t('desk.newChat'));
            const c = f.conversation;
            loadContact(c.contactId).then(() => notifications.chat(c.id, contactName(c), c.lastMessagePreview));
          }
          if ((f.event === 'closed' || f.event === 'abandoned') && !closedHere.has(f.conversation.id)
              && conversations.get(f.conversation.id)?.agentId === me.value?.id) {
            endedElsewhere.add(f.conversation.id);
          }
          upsert(f.conversation);
          break;
        case 'message':
        case 'ack':
          store(f.message);
          if (f.type === 'ack') pending.delete(f.clientMsgId);
          break;
        case 'synced':
          upsert(f.conversation);
          break;
        case 'note':
          notes.set(f.note.conversationId, [...(notes.get(f.note.conversationId) || []).filter((n) => n.id !== f.note.id), f.note]);
          if (f.note.whisper) {
            notify(t('desk.whisperArrived'));
            if (f.note.conversationId === selectedId.value) scroll();
          }
          break;
        case 'typing':
          if (f.conversationId === selectedId.value && f.from === 'contact') {
            contactTyping.value = f.typing;
            clearTimeout(typingTimer);
            if (f.typing) typingTimer = setTimeout(() => { contactTyping.value = false; }, 6000);
          }
          break;
        case 'receipt':
          if (f.reader === 'CONTACT' && conversations.has(f.conversationId)) {
            upsert({ ...conversations.get(f.conversationId), contactReadSeq: f.read });
          }
          break;
        case 'queue.group':
          queueChanged.value++;
          break;
        case 'ticket':
          notify(t('desk.newTicket'));
          countTickets();
          if (view.value === 'tickets') loadTickets();
          // The customer wrote again on the ticket open here: the thread shows it, the answer being typed stays.
          if (ticket.value?.id === f.ticketId) api(`/api/v1/tickets/${f.ticketId}`).then((d) => { ticket.value = ticketView(d); }).catch(() => {});
          break;
        case 'visit':
          window.dispatchEvent(new CustomEvent('kefu:visit', { detail: f }));
          break;
        case 'delivery':
          deliveries.apply(f);
          break;
        case 'resync':
          queueChanged.value++;
          countTickets();
          if (selectedId.value) frame({ type: 'sync', conversationId: selectedId.value, after: completeUpTo(selectedId.value) });
          api('/api/v1/conversations/mine').then((mine) => mine.forEach(upsert));
          break;
      }
    }

    /** A chat picked from the queue opens like one routing gave the agent. */
    function picked(c) {
      upsert(c);
      select(c.id);
    }

    function upsert(c) {
      conversations.set(c.id, c);
      loadContact(c.contactId);
      if (c.channelId && c.channel !== 'web' && !channels.has(c.channelId)) loadChannels();
    }

    function store(m) {
      if (!messages.has(m.conversationId)) messages.set(m.conversationId, new Map());
      const timelineOf = messages.get(m.conversationId);
      if (timelineOf.has(m.seq)) return;
      timelineOf.set(m.seq, m);
      const c = conversations.get(m.conversationId);
      // Newer than the chat's last seq when it came: not history being synced.
      if (c && m.seq > c.lastSeq && m.sender.type === 'CONTACT') {
        loadContact(c.contactId).then(() => notifications.message(c.id, contactName(c), m.text || t('desk.notify.attachment')));
      }
      if (c) {
        const lastSeqNow = Math.max(c.lastSeq, m.seq);
        const mine = m.sender.type === 'AGENT';
        upsert({ ...c, lastSeq: lastSeqNow, lastMessagePreview: messageText(m) || c.lastMessagePreview,
          awaitingReplySince: m.sender.type === 'CONTACT' ? (c.awaitingReplySince || m.createdAt) : (mine ? null : c.awaitingReplySince) });
      }
      if (m.sender.type === 'CONTACT') {
        contactTyping.value = false;
        if (m.conversationId !== selectedId.value || document.hidden) notify(t('desk.newMessage'));
      }
      if (m.conversationId === selectedId.value) {
        markRead();
        if (m.sender.type === 'CONTACT') suggest();
      }
      scroll();
    }

    /** Agent assist: the published answers closest to the customer's latest message in the open chat. */
    async function suggest() {
      const latest = [...(messages.get(selectedId.value)?.values() || [])]
        .filter((m) => m.sender.type === 'CONTACT' && m.text).sort((a, b) => b.seq - a.seq)[0];
      if (!latest || latest.text === suggestedFor) return;
      suggestedFor = latest.text;
      suggestions.value = await api(`/api/v1/knowledge/suggestions?q=${encodeURIComponent(latest.text)}`).catch(() => []);
    }

    function useSuggestion(s) {
      draft.value = s.answer;
      noteMode.value = false;
    }

    /** One click: this reply, with the customer's question before it, becomes a draft FAQ entry for the editors. */
    async function saveAsFaq(m) {
      try {
        await api('/api/v1/knowledge/drafts/from-reply', { method: 'POST', body: { conversationId: m.conversationId, seq: m.seq } });
        savedAsFaq.add(m.id);
      }
      catch (e) {
        actionError.value = e.message;
      }
    }

    function markRead() {
      const c = selected.value;
      if (!c || document.hidden) return;
      const seq = lastSeq(c.id);
      if (seq > c.agentReadSeq) {
        frame({ type: 'read', conversationId: c.id, seq });
        conversations.set(c.id, { ...c, agentReadSeq: seq });
      }
    }

    function scroll() {
      nextTick(() => { if (timeline.value) timeline.value.scrollTop = timeline.value.scrollHeight; });
    }

    /** A short tone and a flashing title, for a new chat or message the agent is not looking at. */
    function notify(what) {
      try {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        tone.frequency.value = 880;
        tone.connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.15);
      }
      catch { /* no audio device: the title still says it */ }
      document.title = `(${what}) ${t('desk.title')}`;
      setTimeout(() => { document.title = t('desk.title'); }, 4000);
    }

    async function select(id) {
      selectedId.value = id;
      closing.value = false;
      editing.value = false;
      transferring.value = false;
      earlier.value = null;
      suggestions.value = [];
      suggestedFor = '';
      draft.value = '';
      canned.value = [];
      cannedNote.value = '';
      uploads.value = [];
      const c = conversations.get(id);
      frame({ type: 'sync', conversationId: id, after: completeUpTo(id) });
      notes.set(id, await api(`/api/v1/conversations/${id}/notes`).catch(() => []));
      if (c.channel !== 'web') deliveries.load(id);
      history.value = (await api(`/api/v1/contacts/${c.contactId}/conversations`).catch(() => []))
        .filter((h) => h.id !== id);
      contactTickets.value = await api(`/api/v1/tickets?contactId=${c.contactId}&state=OPEN&state=ANSWERED&state=CLOSED`)
        .catch(() => []);
      markRead();
      scroll();
      suggest();
    }

    /** The customer's last few chats before this one, oldest first, above the current timeline. */
    async function showEarlier() {
      const shown = [...history.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, EARLIER_CHATS);
      const loaded = await Promise.all(shown.map(async (conversation) => ({
        conversation,
        messages: (await api(`/api/v1/conversations/${conversation.id}/messages?after=0&limit=200`).catch(() => []))
          .map((m) => ({ ...m, side: side(m) })),
      })));
      earlier.value = loaded.reverse();
      nextTick(() => { if (timeline.value) timeline.value.scrollTop = 0; });
    }

    function openContactTicket(tk) {
      ticketState.value = tk.state === 'CLOSED' ? 'closed' : 'open';
      showTickets();
      openTicket(tk.id);
    }

    function selectNext(step) {
      if (!list.value.length) return;
      const at = list.value.findIndex((c) => c.id === selectedId.value);
      select(list.value[(at + step + list.value.length) % list.value.length].id);
    }

    function sendFrame(p) {
      frame({ type: 'send', id: p.clientMsgId, conversationId: p.conversationId, clientMsgId: p.clientMsgId, text: p.text,
        attachments: p.attachments });
    }

    function attachFiles(event) {
      chosenFiles(event).forEach(upload);
    }

    async function upload(file) {
      const c = selected.value;
      const item = reactive({ id: crypto.randomUUID(), name: file.name || 'image', percent: 0, error: '' });
      uploads.value.push(item);
      try {
        const stored = await uploadFile(`/api/v1/conversations/${c.id}/attachments`, file,
          { token: token.value, onProgress: (percent) => { item.percent = percent; } });
        uploads.value = uploads.value.filter((u) => u !== item);
        const p = { clientMsgId: `d-${crypto.randomUUID()}`, conversationId: c.id, text: '', attachments: [stored.id] };
        pending.set(p.clientMsgId, p);
        sendFrame(p);
      }
      catch (e) {
        item.error = e.status ? e.message : t('chat.offline');
      }
    }

    async function send() {
      const text = draft.value.trim();
      const c = selected.value;
      if (!text || !c) return;
      draft.value = '';
      canned.value = [];
      cannedNote.value = '';
      if (noteMode.value) {
        const note = await api(`/api/v1/conversations/${c.id}/notes`, { method: 'POST', body: { text } });
        notes.set(c.id, [...(notes.get(c.id) || []).filter((n) => n.id !== note.id), note]);
        scroll();
        return;
      }
      const p = { clientMsgId: `d-${crypto.randomUUID()}`, conversationId: c.id, text };
      pending.set(p.clientMsgId, p);
      sendFrame(p);
    }

    function composerInput() {
      const c = selected.value;
      if (c && !noteMode.value) frame({ type: 'typing', conversationId: c.id, typing: true });
      clearTimeout(cannedTimer);
      const match = /^\/(\S*)$/.exec(draft.value);
      if (!match) {
        canned.value = [];
        return;
      }
      cannedTimer = setTimeout(async () => {
        canned.value = byFolder((await api(`/api/v1/canned-responses?q=${encodeURIComponent(match[1])}`).catch(() => [])).slice(0, 8));
        cannedIndex.value = 0;
      }, 120);
    }

    function useCanned(response) {
      const filled = fillVariables(response.text, { contact: contact.value, agent: me.value, conversation: selected.value });
      draft.value = filled.text;
      cannedNote.value = filled.note;
      canned.value = [];
    }

    function composerKey(event) {
      if (canned.value.length) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const n = canned.value.length;
          cannedIndex.value = (cannedIndex.value + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
          return;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          event.preventDefault();
          useCanned(canned.value[cannedIndex.value]);
          return;
        }
        if (event.key === 'Escape') {
          canned.value = [];
          return;
        }
      }
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        send();
      }
    }

    async function closeChat() {
      const c = selected.value;
      closeError.value = '';
      // The group requires a disposition code: ask for it here rather than after a round trip.
      if (dispositionRequired.value && !disposition.value) {
        closeError.value = t('desk.dispositionRequired');
        return;
      }
      closedHere.add(c.id);
      let closed;
      try {
        closed = await api(`/api/v1/conversations/${c.id}/close`, {
          method: 'POST',
          body: { reason: 'resolved', summary: summary.value.trim() || null, dispositionId: disposition.value || null },
        });
      }
      catch (e) {
        closedHere.delete(c.id);
        closeError.value = e.code === 'disposition-required' ? t('desk.dispositionRequired') : e.message;
        return;
      }
      upsert(closed);
      closing.value = false;
      summary.value = '';
      disposition.value = '';
    }

    function ended(c) {
      return c.state === 'CLOSED' || c.state === 'ABANDONED';
    }

    /** The agent has seen that an ended chat is over: it leaves the list. */
    function dismiss(c) {
      endedElsewhere.delete(c.id);
      if (selectedId.value === c.id) selectedId.value = null;
    }

    async function copyTranscript() {
      const text = items.value.filter((m) => m.side !== 'note' && m.side !== 'whisper')
        .map((m) => `[${new Date(m.at || Date.now()).toLocaleString(language.value)}] ${m.sender?.name || ''}: ${messageText(m) || ''}`)
        .join('\n');
      await navigator.clipboard.writeText(text).catch(() => {});
      copied.value = true;
      setTimeout(() => { copied.value = false; }, 2000);
    }

    async function openTransfer() {
      actionError.value = '';
      closing.value = false;
      transferring.value = !transferring.value;
      if (transferring.value) transferGroups.value = await loadGroups();
    }

    async function transfer() {
      const [kind, id] = transferTarget.value.split(':');
      try {
        const moved = await api(`/api/v1/conversations/${selected.value.id}/transfer`, {
          method: 'POST',
          body: { [kind === 'agent' ? 'toAgentId' : 'toGroupId']: id, note: transferNote.value.trim() || null },
        });
        upsert(moved);
        transferring.value = false;
        transferNote.value = '';
        transferTarget.value = '';
        selectedId.value = null;
      }
      catch (e) {
        actionError.value = e.message;
      }
    }

    function editProfile() {
      const c = contact.value;
      Object.assign(profileDraft, {
        name: c.name || '', email: c.email || '', phone: c.phone || '',
        attributes: Object.entries(c.attributes || {}).map(([key, value]) => ({ id: crypto.randomUUID(), key, value })),
      });
      actionError.value = '';
      editing.value = true;
    }

    function addAttribute() {
      profileDraft.attributes.push({ id: crypto.randomUUID(), key: '', value: '' });
    }

    async function saveProfile() {
      const before = contact.value;
      // Attributes that were removed are sent as "" (the API removes those); the rest as they are now.
      const attributes = Object.fromEntries(Object.keys(before.attributes || {}).map((k) => [k, '']));
      profileDraft.attributes.filter((a) => a.key).forEach((a) => { attributes[a.key] = a.value; });
      try {
        const saved = await api(`/api/v1/contacts/${before.id}`, {
          method: 'PATCH', body: { name: profileDraft.name, email: profileDraft.email, phone: profileDraft.phone, attributes },
        });
        contacts.set(saved.id, saved);
        editing.value = false;
      }
      catch (e) {
        actionError.value = e.message;
      }
    }

    async function showTickets() {
      view.value = 'tickets';
      await loadTickets();
    }

    let ticketLists = 0;

    /**
     * Open covers those waiting for an answer and those answered but not yet closed. The filter and each answer ask
     * again, maybe before the last answer is in: only the newest ask's answer is shown.
     */
    async function loadTickets() {
      const round = ++ticketLists;
      const states = ticketState.value === 'open' ? 'state=OPEN&state=ANSWERED' : 'state=CLOSED';
      const kind = ticketKind.value ? `&kind=${ticketKind.value}` : '';
      const list = await api(`/api/v1/tickets?${states}${kind}`).catch(() => tickets.value);
      if (round === ticketLists) tickets.value = list;
      countTickets();
    }

    let ticketCounts = 0;

    /** Asked again on each `ticket` frame and after each answer or close here; the newest ask's answer wins. */
    async function countTickets() {
      const round = ++ticketCounts;
      const waiting = await api('/api/v1/tickets?state=OPEN&limit=100').catch(() => null);
      if (waiting && round === ticketCounts) waitingTickets.value = waiting.length;
    }

    /** The staff API answers {ticket, thread}; the view wants one object. */
    function ticketView(detail) {
      return { ...detail.ticket, thread: detail.thread };
    }

    async function openTicket(id) {
      answerMail.clear();
      ticket.value = ticketView(await api(`/api/v1/tickets/${id}`));
      ticketAnswer.value = '';
      answerMail.load(id);
    }

    async function answerTicket() {
      const body = ticketAnswer.value.trim();
      if (!body) return;
      ticket.value = ticketView(await api(`/api/v1/tickets/${ticket.value.id}/answers`, {
        method: 'POST', body: { clientMsgId: `a-${crypto.randomUUID()}`, body },
      }));
      ticketAnswer.value = '';
      answerMail.load(ticket.value.id);
      await loadTickets();
    }

    async function closeTicket() {
      ticket.value = ticketView(await api(`/api/v1/tickets/${ticket.value.id}/close`, { method: 'POST', body: {} }));
      await loadTickets();
    }

    /** A call was recorded on the call-back request open here (desk/callback-panel.js). */
    async function callbackRecorded(detail) {
      ticket.value = ticketView(detail);
      await loadTickets();
    }

    function setStatus(status) {
      frame({ type: 'status', status });
    }

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    // Keyboard: Alt+↓ / Alt+↑ next or previous chat, Alt+C close with a summary, Alt+T transfer. event.code, since
    // Alt+letter types another character on some layouts (macOS).
    document.addEventListener('keydown', (event) => {
      if (!event.altKey || !token.value) return;
      const open = selected.value?.state === 'ASSIGNED';
      if (event.key === 'ArrowDown') { event.preventDefault(); selectNext(1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); selectNext(-1); }
      else if (event.code === 'KeyC' && open) { event.preventDefault(); transferring.value = false; closing.value = true; }
      else if (event.code === 'KeyT' && open) { event.preventDefault(); if (!transferring.value) openTransfer(); }
    });
    document.addEventListener('visibilitychange', markRead);
    watch(language, () => { document.title = t('desk.title'); }, { immediate: true });
    setLanguage(language.value);
    connect();

    return {
      api, token, me, agent, activeChats, opsLink, connected, list, selected, selectedId, contact, history, items, draft,
      noteMode, canned, cannedIndex, cannedNote, closing, summary, copied, contactTyping, timeline, language, t, loggedIn, logout,
      select, send, composerInput, composerKey, useCanned, closeChat, copyTranscript, setStatus, switchLanguage,
      notifications, unread, waitClass, elapsed, contactName, verified, channelLabel, view, transferring, transferGroups, transferTarget, transferNote,
      actionError, openTransfer, transfer, tickets, ticket, ticketAnswer, answerMail, showTickets, openTicket, answerTicket,
      closeTicket, waitingTickets, editing, profileDraft, editProfile, addAttribute, saveProfile, earlier, showEarlier, contactTickets,
      openContactTicket, uploads, attachFiles, ticketState, loadTickets, suggestions, useSuggestion, render: markdown, saveAsFaq, savedAsFaq,
      ended, dismiss, queueChanged, picked, now, disposition, dispositionRequired, closeError, deliveries,
      ticketKind, callbackRecorded, windowText,
    };
  },
}).mount('#app');
