// Browser notifications for the desk: a new chat or a customer's message while the agent looks at another tab or
// window. The agent switches them on with a click (browsers ask for the permission only on a user gesture); the
// choice is kept per browser. One notification per chat (its tag), so a burst of messages updates one notification
// with a count instead of stacking; clicking it brings the desk forward with that chat open.
import { ref } from 'vue';
import { t } from '/ui/i18n.js';

const KEY = 'kefu.desk.notifications';
/** Within this time after a chat's notification, further messages wait and are merged into one update. */
const QUIET_MS = 3000;
const PREVIEW = 120;

/** A preview short enough for a notification: one line, cut with an ellipsis. */
export function preview(text) {
  const line = (text || '').replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW ? `${line.slice(0, PREVIEW - 1)}…` : line;
}

/**
 * onOpen(conversationId) is called when the agent clicks a notification. Returns the state for the switch
 * (supported, permission, enabled), enable()/disable(), and chat(...) / message(...) to announce.
 */
export function deskNotifications({ onOpen }) {
  const supported = typeof window.Notification === 'function';
  const permission = ref(supported ? Notification.permission : 'unsupported');
  const enabled = ref(supported && Notification.permission === 'granted' && localStorage.getItem(KEY) === 'on');
  /** Per chat: the messages not yet seen, the time of the last notification, a pending merged update. */
  const bursts = new Map();
  const shown = new Map();

  async function enable() {
    if (!supported) return;
    permission.value = await Notification.requestPermission();
    enabled.value = permission.value === 'granted';
    localStorage.setItem(KEY, enabled.value ? 'on' : 'off');
  }

  function disable() {
    enabled.value = false;
    localStorage.setItem(KEY, 'off');
  }

  /** The agent is not looking at the desk: another tab, another window, or the browser minimised. */
  function away() {
    return document.hidden || !document.hasFocus();
  }

  function allowed() {
    return enabled.value && supported && Notification.permission === 'granted' && away();
  }

  /** A chat was just assigned to this agent. */
  function chat(conversationId, name, text) {
    if (!allowed()) return;
    bursts.set(conversationId, { count: 0, at: 0, timer: null });
    show(conversationId, t('desk.notify.newChat', { name }), preview(text) || t('desk.newChat'));
  }

  /** A customer wrote in a chat of this agent (never called for the agent's own messages). */
  function message(conversationId, name, text) {
    if (!allowed()) return;
    const burst = bursts.get(conversationId) || { count: 0, at: 0, timer: null };
    bursts.set(conversationId, burst);
    burst.count += 1;
    burst.name = name;
    burst.text = text;
    if (burst.timer) return;
    const wait = burst.at + QUIET_MS - Date.now();
    if (wait > 0) {
      burst.timer = setTimeout(() => { burst.timer = null; update(conversationId, burst); }, wait);
      return;
    }
    update(conversationId, burst);
  }

  function update(conversationId, burst) {
    if (!allowed()) return;
    burst.at = Date.now();
    const title = burst.count > 1 ? t('desk.notify.messages', { name: burst.name, count: burst.count }) : burst.name;
    show(conversationId, title, preview(burst.text));
  }

  function show(conversationId, title, body) {
    try {
      const n = new Notification(title, { body, tag: `kefu-chat-${conversationId}`, icon: '/favicon.svg', renotify: true });
      n.onclick = () => {
        window.focus();
        n.close();
        onOpen(conversationId);
      };
      shown.set(conversationId, n);
    }
    catch { /* a browser that shows notifications only through a service worker: the sound and title remain */ }
  }

  // Back at the desk: what the notifications said is on screen now, so they go and the counts start again.
  function seen() {
    if (away()) return;
    shown.forEach((n) => n.close());
    shown.clear();
    bursts.forEach((b) => clearTimeout(b.timer));
    bursts.clear();
  }
  document.addEventListener('visibilitychange', seen);
  window.addEventListener('focus', seen);

  return { supported, permission, enabled, enable, disable, chat, message };
}
