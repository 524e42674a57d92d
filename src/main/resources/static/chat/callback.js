// Call-back requests (回呼) in the widget: the customer leaves a phone number and a window for the hotline to call
// them back. The request is a ticket of kind CALLBACK (docs/protocol.md), shown afterwards in the same thread as a
// left message (left-messages.js), with what became of the calls.
import { computed, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { windowText } from '/ui/callback-window.js';

export { windowText };

/** Two-hour windows a customer may pick, in their own time: 09:00 to 21:00. */
const SLOT_HOURS = [9, 11, 13, 15, 17, 19];

/** The windows still ahead today and tomorrow, each as {value, label, from, until} with ISO instants. */
export function callbackSlots(now = new Date()) {
  const slots = [];
  for (const [offset, day] of [[0, 'callback.today'], [1, 'callback.tomorrow']]) {
    for (const hour of SLOT_HOURS) {
      const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hour);
      const until = new Date(from.getTime() + 2 * 3600_000);
      if (until <= now) continue;
      // A window under way is offered from now: the server refuses one that started long ago.
      const start = from < now ? now : from;
      slots.push({ value: `${offset}-${hour}`, day, from: start.toISOString(), until: until.toISOString(), hour });
    }
  }
  return slots;
}

/** Where a call-back request stands, for the customer. */
export function callbackStatus(ticket) {
  const cb = ticket.callback || {};
  if (ticket.state === 'CLOSED') return t(`callback.outcome.${cb.outcome || 'CLOSED'}`);
  if (cb.outcome === 'NO_ANSWER') return t('callback.tryingAgain', { n: cb.attempts });
  return t('callback.waiting');
}

/** The form: name, phone (required), when, and an optional note. */
export const CallbackForm = {
  props: ['store', 'color', 'profile'],
  emits: ['sent', 'back'],
  setup(props, { emit }) {
    const form = reactive({ name: props.profile?.name || '', phone: props.profile?.phone || '', when: 'asap', note: '' });
    const error = ref('');
    const sending = ref(false);
    const slots = computed(() => callbackSlots());
    let clientMsgId = null;

    function slotLabel(slot) {
      const end = String(slot.hour + 2).padStart(2, '0');
      return `${t(slot.day)} ${String(slot.hour).padStart(2, '0')}:00–${end}:00`;
    }

    async function submit() {
      error.value = '';
      const digits = form.phone.replace(/\D/g, '').length;
      if (!/^[+0-9 ()-]+$/.test(form.phone) || digits < 5 || digits > 20) {
        error.value = t('callback.phoneInvalid');
        return;
      }
      const slot = slots.value.find((s) => s.value === form.when);
      // One id per request filled in: sending again after a timeout finds the stored request, never a second one.
      clientMsgId ||= `c-${crypto.randomUUID()}`;
      sending.value = true;
      try {
        await props.store.requestCallback({
          clientMsgId, name: form.name || null, phone: form.phone, note: form.note || null,
          from: slot ? slot.from : null, until: slot ? slot.until : null,
        });
        emit('sent');
      } catch (e) {
        error.value = e.status ? e.message : t('chat.offline');
      } finally {
        sending.value = false;
      }
    }

    return { t, form, error, sending, slots, slotLabel, submit };
  },
  template: `
    <section class="form" id="callback">
      <h2>{{ t('callback.title') }}</h2>
      <p>{{ t('callback.intro') }}</p>
      <form id="callback-form" @submit.prevent="submit" novalidate>
        <label><span>{{ t('leave.name') }}</span><input name="name" v-model.trim="form.name"></label>
        <label><span>{{ t('leave.phone') }}<span aria-hidden="true"> *</span></span>
          <input name="phone" type="tel" v-model.trim="form.phone" required></label>
        <label><span>{{ t('callback.when') }}</span>
          <select name="when" v-model="form.when">
            <option value="asap">{{ t('callback.asap') }}</option>
            <option v-for="slot in slots" :key="slot.value" :value="slot.value">{{ slotLabel(slot) }}</option>
          </select></label>
        <label><span>{{ t('callback.note') }}</span><textarea name="note" v-model="form.note"></textarea></label>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <button type="submit" class="primary" :disabled="sending" :style="{ background: color }">{{ t('callback.submit') }}</button>
      </form>
      <div class="actions">
        <button type="button" class="link" id="callback-back" @click="$emit('back')">{{ t('leave.back') }}</button>
      </div>
    </section>`,
};
