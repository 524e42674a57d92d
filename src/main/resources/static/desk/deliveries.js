// Whether the agent's messages reached a customer of a channel that sends them itself (e-mail, WeChat; issue #13):
// read when a chat is opened, kept current by "delivery" frames, and shown on each message in place of the
// read/delivered mark, which such channels cannot give. A failure says why, as the channel said it.
import { reactive } from 'vue';
import { t } from '/ui/i18n.js';

/** The deliveries of the open chats, by message id. */
export function deliveryStore(api) {
  const byMessage = reactive(new Map());
  return {
    get: (messageId) => byMessage.get(messageId),
    async load(conversationId) {
      const list = await api(`/api/v1/conversations/${conversationId}/deliveries`).catch(() => []);
      list.forEach((d) => byMessage.set(d.messageId, d));
    },
    /** A "delivery" frame: the message's state changed. */
    apply(f) {
      byMessage.set(f.messageId, { messageId: f.messageId, status: f.status, attempts: f.attempts, error: f.error ?? null });
    },
  };
}

export const DeliveryMark = {
  props: { delivery: { type: Object, required: true } },
  computed: {
    text() {
      const d = this.delivery;
      if (d.status === 'SENT') return t('desk.delivery.sent');
      if (d.status === 'FAILED') return t('desk.delivery.failed', { error: d.error || '' });
      return d.attempts > 0 ? t('desk.delivery.retrying', { error: d.error || '' }) : t('desk.delivery.pending');
    },
  },
  template: `<span class="mark delivery" :data-status="delivery.status" :role="delivery.status === 'FAILED' ? 'alert' : null">{{ text }}</span>`,
};
