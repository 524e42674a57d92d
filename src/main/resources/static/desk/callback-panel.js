// A call-back request on the desk: the number to call, the customer's window, the calls made so far, and a form to
// record how a call went. "No answer" may keep the request open for another try; every other outcome closes it.
import { reactive, ref, watch } from 'vue';
import { t } from '/ui/i18n.js';
import { windowText } from '/ui/callback-window.js';

const OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'CUSTOMER_CANCELLED'];

export const CallbackPanel = {
  props: ['ticket', 'api'],
  emits: ['recorded'],
  setup(props, { emit }) {
    const call = reactive({ outcome: 'REACHED', note: '', tryAgain: true });
    const error = ref('');
    const saving = ref(false);
    watch(() => props.ticket.id, () => Object.assign(call, { outcome: 'REACHED', note: '', tryAgain: true }));

    async function record() {
      error.value = '';
      saving.value = true;
      try {
        const detail = await props.api(`/api/v1/tickets/${props.ticket.id}/callback-attempts`, {
          method: 'POST', body: { outcome: call.outcome, note: call.note.trim() || null, tryAgain: call.tryAgain },
        });
        call.note = '';
        emit('recorded', detail);
      } catch (e) {
        error.value = e.message;
      } finally {
        saving.value = false;
      }
    }

    return { t, call, error, saving, record, OUTCOMES, windowText };
  },
  template: `
    <section class="callback-panel" id="callback-panel">
      <p><strong>{{ t('desk.callback.call') }}</strong>
        <a class="phone" :href="'tel:' + ticket.contactDetails?.phone">{{ ticket.contactDetails?.phone }}</a></p>
      <p>{{ t('desk.callback.window') }}: <span id="callback-window">{{ windowText(ticket.callback) }}</span></p>
      <p id="callback-attempts">{{ t('desk.callback.attempts', { n: ticket.callback?.attempts || 0 }) }}
        <template v-if="ticket.callback?.outcome"> · {{ t('desk.callback.outcome.' + ticket.callback.outcome) }}</template>
        <template v-if="ticket.callback?.note"> · {{ ticket.callback.note }}</template></p>
      <form v-if="ticket.state !== 'CLOSED'" id="callback-record" @submit.prevent="record">
        <label><span>{{ t('desk.callback.result') }}</span>
          <select id="callback-outcome" v-model="call.outcome">
            <option v-for="o in OUTCOMES" :key="o" :value="o">{{ t('desk.callback.outcome.' + o) }}</option>
          </select></label>
        <label v-if="call.outcome === 'NO_ANSWER'" class="check"><input type="checkbox" id="callback-try-again" v-model="call.tryAgain">
          {{ t('desk.callback.tryAgain') }}</label>
        <textarea id="callback-note" v-model="call.note" rows="2" :placeholder="t('desk.callback.note')"></textarea>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <button type="submit" class="primary" id="record-callback" :disabled="saving">{{ t('desk.callback.record') }}</button>
      </form>
    </section>`,
};
