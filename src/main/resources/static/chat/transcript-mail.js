// "E-mail me the transcript" at the end of a chat: an address field prefilled with the visitor's own e-mail, and what
// became of each transcript mailed (on its way, sent, retrying, failed). Where the server has no e-mail configured it
// says so, and the download link next to it is the way to keep the chat.
import { onMounted, onBeforeUnmount, ref } from 'vue';
import { language, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';

export const TranscriptMail = {
  props: { conversationId: { type: String, required: true }, token: { type: String, required: true }, color: String },
  setup(props) {
    const state = ref(null);
    const email = ref('');
    const error = ref('');
    const sending = ref(false);
    let recheck = null;
    const path = () => `/api/v1/visitor/conversations/${props.conversationId}/transcript/email`;

    /** Read again now, and a few times while a mail is still on its way, so "sending" turns into "sent". */
    async function load(tries = 10) {
      clearTimeout(recheck);
      const read = await request(path(), { token: props.token }).catch(() => null);
      if (!read) return;
      state.value = read;
      if (!email.value) email.value = read.address || '';
      if (read.mails.some((m) => m.status === 'PENDING') && tries > 0) recheck = setTimeout(() => load(tries - 1), 2000);
    }

    async function send() {
      error.value = '';
      if (!email.value) return;
      sending.value = true;
      try {
        await request(path(), { method: 'POST', token: props.token, body: { email: email.value, lang: language.value } });
        await load();
      }
      catch (e) {
        error.value = e.status === 429 ? t('chat.transcriptMail.tooMany')
          : e.code === 'invalid-email' ? t('chat.transcriptMail.invalid')
            : e.code === 'mail-not-configured' ? t('mail.notConfigured') : e.message;
      }
      finally {
        sending.value = false;
      }
    }

    function line(mail) {
      if (mail.status === 'SENT') return t('chat.transcriptMail.sent', { address: mail.to });
      if (mail.status === 'FAILED') return t('chat.transcriptMail.failed', { address: mail.to });
      return t('chat.transcriptMail.sending', { address: mail.to });
    }

    onMounted(() => load(0));
    onBeforeUnmount(() => clearTimeout(recheck));
    return { t, state, email, error, sending, send, line };
  },
  template: `
    <form v-if="state" class="transcript-mail" id="transcript-mail" @submit.prevent="send" novalidate>
      <template v-if="state.configured">
        <label for="transcript-email">{{ t('chat.transcriptMail') }}</label>
        <div class="transcript-mail-row">
          <input id="transcript-email" type="email" v-model.trim="email" :placeholder="t('chat.transcriptMail.placeholder')" maxlength="320" autocomplete="email">
          <button type="submit" class="primary" id="transcript-mail-send" :disabled="sending || !email" :style="{ background: color }">{{ t('chat.transcriptMail.send') }}</button>
        </div>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <p v-for="m in state.mails" :key="m.id" class="mail-state" :data-status="m.status">{{ line(m) }}</p>
      </template>
      <p v-else class="mail-off" id="transcript-mail-off">{{ t('chat.transcriptMail.notConfigured') }}</p>
    </form>`,
};
