// The visitor's side of a chat, inside the widget's iframe: identity, pre-chat form, the live conversation over
// protocol v1 (docs/protocol.md), rating and transcript, and leave-a-message when no chat can be had.
// A left message is a thread of its own (left-messages.js), kept live over the same connection.
import { createApp, computed, nextTick, reactive, ref, watch } from 'vue';
import { language, setLanguage, t, translations } from '/ui/i18n.js';
import { live, request, chosenFiles, upload as uploadFile } from '/ui/live.js';
import { markdown } from '/ui/markdown.js';
import { messageText } from '/ui/message-text.js';
import { LeftMessageThread, LeftMessagesList, leftMessages } from './left-messages.js';
import { CallbackForm } from './callback.js';
import { ClosingNotice } from '/chat/closing-notice.js';
import { MessageTime } from '/ui/times.js';
import { viewImages } from '/ui/image-viewer.js';
import { visitReporter } from './visit.js';
import { TranscriptMail } from './transcript-mail.js';

const params = new URLSearchParams(location.search);
const org = params.get('org') || 'demo';
const tokenKey = `kefu.visitor.${org}`;
// The host site's word for its signed-in customer (widget.js puts it in the fragment); a new one starts over.
const identity = (() => {
  try {
    return JSON.parse(new URLSearchParams(location.hash.slice(1)).get('identity') || '{}');
  } catch {
    return {};
  }
})();
window.addEventListener('hashchange', () => location.reload());
viewImages('.msg .attachment img');
const EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😢', '😡', '👍', '👏', '🙏', '🎉', '❤️'];

createApp({
  components: { LeftMessagesList, LeftMessageThread, ClosingNotice, MessageTime, CallbackForm, TranscriptMail },
  setup() {
    const phase = ref('loading');
    const settings = ref({});
    const token = ref(localStorage.getItem(tokenKey));
    const profile = reactive({});
    const conversation = ref(null);
    const queue = ref(null);
    const messages = reactive(new Map());
    const pending = reactive(new Map());
    const uploads = ref([]);
    const left = leftMessages(org, () => token.value);
    const justLeft = ref(false);
    const draft = ref('');
    const formError = ref('');
    const connected = ref(false);
    const agentTyping = ref(false);
    const agentRead = ref(0);
    const unavailable = ref(null);
    const visible = ref(window.parent === window);
    const emojiOpen = ref(false);
    const stars = ref(0);
    const ratingComment = ref('');
    const rated = ref(false);
    const leave = reactive({ name: '', email: '', phone: '', body: '' });
    const timeline = ref(null);
    const question = ref('');
    const related = ref([]);
    const reading = ref(null);
    let relatedTimer = null;
    const connection = live({
      token: () => token.value,
      onFrame: (f) => receive(f),
      onUp: (up) => { connected.value = up; },
      keepOpen: () => phase.value === 'chat' || left.awaiting,
    });
    let typingSent = 0;
    let typingTimer = null;
    const visit = visitReporter(() => token.value, () => (phase.value === 'chat' ? conversation.value?.id : null));
    watch(() => phase.value === 'chat' && conversation.value?.id, () => visit.send());

    const color = computed(() => settings.value.primaryColor || '#1677ff');
    const lastSeq = computed(() => Math.max(0, ...messages.keys()));
    // Who serves the chat now, as the server last named them: a transfer names the new agent before they write.
    const serving = ref(null);
    const agentName = computed(() => {
      const c = conversation.value;
      if (phase.value === 'ended' || !c?.agentId || c.state !== 'ASSIGNED') return '';
      if (serving.value?.agentId === c.agentId) return serving.value.name;
      const fromAgent = [...messages.values()].filter((m) => m.sender.type === 'AGENT' && m.sender.id === c.agentId).pop();
      return fromAgent?.sender.name || '';
    });
    const timelineItems = computed(() => {
      const stored = [...messages.values()].sort((a, b) => a.seq - b.seq).map((m) => ({
        ...m, key: m.id, side: side(m),
      }));
      const waiting = [...pending.values()].map((p) => ({
        key: p.clientMsgId, side: 'me', pending: true, text: p.text, attachments: [], sender: {},
      }));
      return stored.concat(waiting);
    });
    const unread = computed(() => [...messages.values()]
      .filter((m) => m.seq > (conversation.value?.contactReadSeq ?? 0) && m.sender.type !== 'CONTACT').length);

    function side(message) {
      if (message.sender.type === 'CONTACT') return 'me';
      if (message.sender.type === 'SYSTEM') return 'system';
      return message.sender.type === 'BOT' ? 'agent bot' : 'agent';
    }

    /**
     * The assistant's text without the numbered list its choices are also written as (for transcripts); a system line
     * in the visitor's language.
     */
    function botText(m) {
      return m.meta?.kind === 'choices' ? m.text.split('\n')[0] : messageText(m);
    }

    /** A "did you mean" choice is asked as the customer's next question. */
    function choose(choice) {
      draft.value = choice.question;
      send();
    }

    const helpful = reactive({});
    async function rateAnswer(m, yes) {
      helpful[m.seq] = yes ? 'yes' : 'no';
      await request(`/api/v1/visitor/conversations/${conversation.value.id}/assistant-answers/${m.seq}/rating`, {
        method: 'POST', token: token.value, body: { helpful: yes },
      }).catch(() => { delete helpful[m.seq]; });
    }

    /** The assistant could not find anyone to take the chat: the customer leaves a message instead. */
    function leaveInstead(m) {
      unavailable.value = m.meta.reason;
      Object.assign(leave, { name: profile.name || '', email: profile.email || '', phone: profile.phone || '' });
      leave.body = carriedQuestion(m.seq) || leave.body;
      phase.value = 'leave';
    }

    /**
     * What the customer came to ask, for the message form when no chat can be had: the question typed before the
     * chat began, or after a reload the first thing they wrote before the assistant's offer.
     */
    function carriedQuestion(beforeSeq = Infinity) {
      if (question.value.trim()) return question.value.trim();
      const first = [...messages.values()].sort((a, b) => a.seq - b.seq)
        .find((x) => x.seq < beforeSeq && x.sender.type === 'CONTACT' && x.text);
      return first?.text || '';
    }

    /**
     * The admin's own label; a label left as a default one (the server's or the console's, in any language) is shown
     * in the visitor's language instead.
     */
    function fieldLabel(field) {
      const defaults = translations(`field.${field.key}`);
      return field.label && !defaults.includes(field.label) ? field.label : (defaults.length ? t(`field.${field.key}`) : field.key);
    }

    function waitText(seconds) {
      return seconds < 60 ? t('chat.seconds') : t('chat.minutes', { n: Math.round(seconds / 60) });
    }

    /** The page that embeds the chat, as the loader saw it, or else as the frame's referrer says; none when not framed. */
    function embeddingSite() {
      if (params.get('site')) return params.get('site').slice(0, 300);
      if (window.parent === window || !document.referrer) return undefined;
      try { return new URL(document.referrer).origin; }
      catch (e) { return undefined; }
    }

    async function session() {
      const s = await request('/api/v1/visitor/sessions', { method: 'POST', body: { ...identity, organization: org, token: token.value, site: embeddingSite() } });
      token.value = s.token;
      localStorage.setItem(tokenKey, s.token);
      for (const [key, value] of Object.entries({ name: s.contact.name, email: s.contact.email, phone: s.contact.phone, ...(s.contact.attributes || {}) })) {
        if (value) profile[key] = value;
      }
    }

    async function start() {
      try {
        settings.value = await request(`/api/v1/widget/${encodeURIComponent(org)}`);
        await session();
        const [recent] = await Promise.all([request('/api/v1/visitor/conversations', { token: token.value }), left.load()]);
        const current = recent.find((c) => ['BOT', 'QUEUED', 'ASSIGNED'].includes(c.state));
        if (current) {
          conversation.value = current;
          phase.value = 'chat';
        }
        else if (left.firstUnseen()) {
          left.show(left.firstUnseen().id);
          phase.value = 'ticket';
        }
        else {
          // The help center's "call me back" link opens the widget on the call-back form.
          phase.value = params.get('callback') ? 'callback' : 'prechat';
        }
        if (current || left.awaiting) connect();
      }
      catch (e) {
        console.warn('Kefu chat could not start', e);
        phase.value = e.code === 'site-not-allowed' ? 'not-allowed' : e.code === 'service-unavailable' ? 'unavailable' : 'error';
      }
    }

    async function startChat() {
      formError.value = '';
      const missing = (settings.value.prechatFields || []).find((f) => f.required && !profile[f.key]);
      if (missing) {
        formError.value = t('chat.prechat.required', { field: fieldLabel(missing) });
        return;
      }
      const { name, email, phone, ...rest } = profile;
      const attributes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v));
      await request('/api/v1/visitor/profile', { method: 'PUT', token: token.value, body: { name, email, phone, attributes } });
      const started = await request('/api/v1/visitor/conversations', { method: 'POST', token: token.value, body: { channel: 'web' } })
        .catch(() => ({ unavailable: 'OFFLINE' }));
      if (started.unavailable) {
        unavailable.value = started.unavailable;
        Object.assign(leave, { name: name || '', email: email || '', phone: phone || '' });
        leave.body = carriedQuestion() || leave.body;
        phase.value = 'leave';
        return;
      }
      messages.clear();
      conversation.value = started.conversation;
      queue.value = started.queue;
      phase.value = 'chat';
      connect();
      // The question typed before the chat began is its first message (sent once the connection is up).
      if (question.value.trim()) {
        const p = { clientMsgId: `w-${crypto.randomUUID()}`, text: question.value.trim(), attachments: [] };
        pending.set(p.clientMsgId, p);
        question.value = '';
      }
    }

    /** As the first question is typed, the help center's matching articles are offered before any chat. */
    watch(question, (q) => {
      clearTimeout(relatedTimer);
      if (q.trim().length < 3) { related.value = []; return; }
      relatedTimer = setTimeout(async () => {
        // An answer cut off (the frame reloading as the site identifies its customer) reads as null: no articles.
        related.value = (await request(`/api/v1/help/${encodeURIComponent(org)}/search?q=${encodeURIComponent(q.trim())}&limit=3`)
          .catch(() => [])) || [];
      }, 250);
    });

    async function read(articleId) {
      reading.value = await request(`/api/v1/help/${encodeURIComponent(org)}/articles/${articleId}`).catch(() => null);
    }

    function connect() {
      connection.open();
      // Already up (kept open for a left message), no 'ready' comes: resume once this turn has queued its messages.
      if (connected.value) queueMicrotask(resume);
    }

    /** After 'ready': catch up on the chat and send again what was not acknowledged. */
    function resume() {
      if (conversation.value) frame({ type: 'sync', conversationId: conversation.value.id, after: lastSeq.value });
      // Whatever was not acknowledged before the connection dropped goes again, under the same id.
      for (const p of pending.values()) sendFrame(p);
    }

    function frame(data) {
      connection.send(data);
    }

    function receive(f) {
      switch (f.type) {
        case 'ready':
          if (f.conversation) conversation.value = newer(f.conversation);
          if (f.conversation && f.agentName) serving.value = { agentId: f.conversation.agentId, name: f.agentName };
          if (f.queue) queue.value = f.queue;
          resume();
          // An answer may have come while the connection was down.
          if (left.tickets.length) left.load();
          break;
        case 'message':
        case 'ack':
          store(f.message);
          if (f.type === 'ack') pending.delete(f.clientMsgId);
          break;
        case 'synced':
          conversation.value = newer(f.conversation);
          settle();
          break;
        case 'conversation':
          if (f.conversation.id !== conversation.value?.id) break;
          conversation.value = newer(f.conversation);
          if (f.agentName) serving.value = { agentId: f.conversation.agentId, name: f.agentName };
          if (f.conversation.agentId) queue.value = null;
          if (f.event === 'closed' || f.event === 'abandoned') ended();
          break;
        case 'queue':
          if (f.conversationId === conversation.value?.id) queue.value = f;
          break;
        case 'typing':
          if (f.from === 'agent') {
            agentTyping.value = f.typing;
            clearTimeout(typingTimer);
            if (f.typing) typingTimer = setTimeout(() => { agentTyping.value = false; }, 6000);
          }
          break;
        case 'receipt':
          if (f.reader === 'AGENT') agentRead.value = Math.max(agentRead.value, f.read);
          break;
        case 'resync':
          if (conversation.value) frame({ type: 'sync', conversationId: conversation.value.id, after: lastSeq.value });
          left.load();
          break;
        case 'ticket':
          left.heard(f).then(answered);
          break;
        case 'error':
          console.warn('Kefu refused a frame', f.code, f.message);
          break;
      }
    }

    function store(message) {
      if (!conversation.value || message.conversationId !== conversation.value.id || messages.has(message.seq)) return;
      if (message.seq > lastSeq.value + 1 && lastSeq.value > 0) {
        frame({ type: 'sync', conversationId: conversation.value.id, after: lastSeq.value });
      }
      messages.set(message.seq, message);
      if (message.sender.type === 'AGENT') agentTyping.value = false;
      settle();
    }

    /**
     * The server's view of the chat, keeping what this tab has read: a frame built before the server stored this
     * tab's last read receipt would otherwise count read messages as unread again.
     */
    function newer(server) {
      const local = conversation.value;
      if (!local || local.id !== server.id) return server;
      return { ...server, contactReadSeq: Math.max(server.contactReadSeq ?? 0, local.contactReadSeq ?? 0) };
    }

    function settle() {
      nextTick(() => { if (timeline.value) timeline.value.scrollTop = timeline.value.scrollHeight; });
      if (visible.value && document.visibilityState === 'visible' && conversation.value && lastSeq.value) {
        frame({ type: 'read', conversationId: conversation.value.id, seq: lastSeq.value });
        conversation.value = { ...conversation.value, contactReadSeq: lastSeq.value };
      }
      announce();
    }

    /** Tells the loader what its launcher badge counts: unread chat messages and answers to left messages not seen. */
    function announce() {
      if (phase.value === 'ticket' && visible.value && document.visibilityState === 'visible') left.markSeen();
      window.parent.postMessage({ type: 'kefu:unread', count: unread.value + left.unseen }, '*');
    }

    /** An answer to a left message: while the widget is closed and no chat is on, it is what opening it shows. */
    function answered(ticket) {
      if (ticket && !visible.value && ['prechat', 'ticket'].includes(phase.value)) {
        left.show(ticket.id);
        phase.value = 'ticket';
      }
    }

    function openLeftMessage(id) {
      left.show(id);
      justLeft.value = false;
      phase.value = 'ticket';
    }

    function backToPrechat() {
      justLeft.value = false;
      phase.value = 'prechat';
    }

    function sendFrame(p) {
      frame({ type: 'send', id: p.clientMsgId, conversationId: conversation.value.id, clientMsgId: p.clientMsgId, text: p.text, attachments: p.attachments });
    }

    function send() {
      const text = draft.value.trim();
      if (!text || !conversation.value) return;
      const p = { clientMsgId: `w-${crypto.randomUUID()}`, text, attachments: [] };
      pending.set(p.clientMsgId, p);
      sendFrame(p);
      draft.value = '';
      emojiOpen.value = false;
      typingSent = 0;
      frame({ type: 'typing', conversationId: conversation.value.id, typing: false });
    }

    function typing() {
      if (!conversation.value || Date.now() - typingSent < 3000) return;
      typingSent = Date.now();
      frame({ type: 'typing', conversationId: conversation.value.id, typing: true });
    }

    function addEmoji(e) {
      draft.value += e;
      emojiOpen.value = false;
    }

    function attachFiles(event) {
      chosenFiles(event).forEach(upload);
    }

    async function upload(file) {
      const item = reactive({ id: crypto.randomUUID(), name: file.name || 'image', percent: 0, error: '' });
      uploads.value.push(item);
      try {
        const stored = await uploadFile(`/api/v1/conversations/${conversation.value.id}/attachments`, file,
          { token: token.value, onProgress: (percent) => { item.percent = percent; } });
        uploads.value = uploads.value.filter((u) => u !== item);
        const p = { clientMsgId: `w-${crypto.randomUUID()}`, text: '', attachments: [stored.id] };
        pending.set(p.clientMsgId, p);
        sendFrame(p);
      }
      catch (e) {
        item.error = e.status ? e.message : t('chat.offline');
      }
    }

    async function endChat() {
      if (!conversation.value) return;
      conversation.value = await request(`/api/v1/visitor/conversations/${conversation.value.id}/end`, { method: 'POST', token: token.value });
      ended();
    }

    function ended() {
      phase.value = 'ended';
      queue.value = null;
      agentTyping.value = false;
      // A left message still waiting keeps the connection, to hear of its answer.
      if (!left.awaiting) connection.close();
    }

    async function rate() {
      await request(`/api/v1/visitor/conversations/${conversation.value.id}/rating`, {
        method: 'POST', token: token.value, body: { rating: stars.value, comment: ratingComment.value || null },
      });
      rated.value = true;
    }

    async function downloadTranscript() {
      const response = await fetch(`/api/v1/visitor/conversations/${conversation.value.id}/transcript?lang=${language.value}`, {
        headers: { authorization: `Bearer ${token.value}` },
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `conversation-${conversation.value.id}.txt`;
      link.click();
      URL.revokeObjectURL(link.href);
    }

    function newChat() {
      conversation.value = null;
      messages.clear();
      pending.clear();
      rated.value = false;
      stars.value = 0;
      phase.value = 'prechat';
    }

    async function leaveMessage() {
      formError.value = '';
      if (!leave.email && !leave.phone) {
        formError.value = t('leave.contactRequired');
        return;
      }
      if (!leave.body.trim()) return;
      await left.leave({ clientMsgId: `t-${crypto.randomUUID()}`, body: leave.body, name: leave.name || null, email: leave.email || null, phone: leave.phone || null });
      leave.body = '';
      justLeft.value = true;
      phase.value = 'ticket';
      connect();
    }

    /** A call-back request was stored: its thread shows it, and the connection stays up to hear of it. */
    function callbackSent() {
      justLeft.value = true;
      phase.value = 'ticket';
      connect();
    }

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    function minimize() {
      // Hidden from now on, not when the loader's answer arrives: a message landing in between was marked read.
      if (window.parent !== window) visible.value = false;
      window.parent.postMessage({ type: 'kefu:close' }, '*');
    }

    // The loader makes this frame on the next page at once only while there is something to hear about: a chat going
    // or a message left. Anyone else gets no frame until they open the chat.
    const active = computed(() => (['loading', 'error', 'not-allowed', 'unavailable'].includes(phase.value) ? null
      : phase.value === 'chat' || left.awaiting));
    watch(active, (now) => { if (now !== null) window.parent.postMessage({ type: 'kefu:active', active: now }, '*'); });

    window.addEventListener('message', (event) => {
      if (event.data?.type === 'kefu:visible') {
        visible.value = event.data.visible;
        if (visible.value) settle();
      }
    });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') settle(); });
    watch(() => [left.unseen, phase.value, left.openId, visible.value], announce);
    watch(language, () => { document.title = t('chat.title'); }, { immediate: true });
    setLanguage(language.value);
    start();

    return {
      phase, settings, profile, conversation, token, queue, uploads, left, justLeft, openLeftMessage, backToPrechat, draft, formError, connected, agentTyping,
      agentRead, unavailable, emojiOpen, stars, ratingComment, rated, leave, items: timelineItems, timeline, color, agentName,
      emoji: EMOJI, t, fieldLabel, waitText, startChat, send, typing, addEmoji, attachFiles, endChat, rate,
      downloadTranscript, newChat, leaveMessage, switchLanguage, minimize, botText, choose, helpful, rateAnswer,
      leaveInstead, question, related, reading, read, render: markdown, invitation: visit.invitation, callbackSent,
    };
  },
}).mount('#app');
