// A staff member's own sign-in security, on the desk and in the admin console: two-factor sign-in (turn on with a QR
// code and a first code, recovery codes shown once, turn off or renew the codes with a code) and the open sessions,
// this one marked, each revocable. Revoking this one is a logout.
import { onMounted, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

/** A time as the staff member reads it; empty when there is none. */
function when(instant) {
  return instant ? new Date(instant).toLocaleString(language.value) : '';
}

export const SecurityView = {
  props: {
    /** The app's api(path, options) for JSON calls with the staff member's login. */
    api: { type: Function, required: true },
  },
  emits: ['signed-out'],
  setup(props, { emit }) {
    const status = ref(null);
    const sessions = ref([]);
    const enrolment = ref(null);
    const recoveryCodes = ref(null);
    const code = ref('');
    const action = ref('');
    const error = ref('');

    async function load() {
      [status.value, sessions.value] = await Promise.all([
        props.api('/api/v1/auth/two-factor'), props.api('/api/v1/auth/sessions')]);
    }

    async function attempt(work) {
      error.value = '';
      try {
        await work();
      }
      catch (e) {
        error.value = e.code === 'wrong-code' ? t('login.wrongCode')
          : e.code === 'two-factor-required' ? t('security.requiredCannotDisable') : e.message;
      }
    }

    const start = () => attempt(async () => {
      enrolment.value = await props.api('/api/v1/auth/two-factor/enrolment', { method: 'POST' });
      code.value = '';
      action.value = 'confirm';
    });

    /** The code typed completes whichever action is open: confirming an enrolment, new recovery codes, turning off. */
    const submit = () => attempt(async () => {
      const body = { code: code.value };
      if (action.value === 'confirm') {
        recoveryCodes.value = (await props.api('/api/v1/auth/two-factor/enrolment/confirm', { method: 'POST', body })).recoveryCodes;
        enrolment.value = null;
      }
      else if (action.value === 'renew') {
        recoveryCodes.value = (await props.api('/api/v1/auth/two-factor/recovery-codes', { method: 'POST', body })).recoveryCodes;
      }
      else if (action.value === 'disable') {
        await props.api('/api/v1/auth/two-factor/disable', { method: 'POST', body });
      }
      action.value = '';
      code.value = '';
      await load();
    });

    function ask(what) {
      action.value = what;
      code.value = '';
      error.value = '';
    }

    function cancel() {
      action.value = '';
      enrolment.value = null;
      error.value = '';
    }

    const revoke = (session) => attempt(async () => {
      await props.api(`/api/v1/auth/sessions/${session.id}`, { method: 'DELETE' });
      if (session.current) emit('signed-out');
      else await load();
    });

    onMounted(() => attempt(load));

    return { status, sessions, enrolment, recoveryCodes, code, action, error, start, submit, ask, cancel, revoke, when, t };
  },
  template: `
    <section class="security" id="security">
      <h2>{{ t('security.title') }}</h2>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <h3>{{ t('security.twoFactor') }}</h3>
      <template v-if="status">
        <p id="two-factor-state">{{ status.enabled ? t('security.enabledSince', { when: when(status.enabledAt) }) : t('security.disabled') }}
          <span v-if="status.required" class="hint">{{ t('security.requiredByOrganization') }}</span></p>
        <p v-if="status.enabled" class="hint">{{ t('security.recoveryLeft', { count: status.recoveryCodesLeft }) }}</p>
        <div v-if="recoveryCodes" id="recovery-codes">
          <p>{{ t('security.recoveryCodesOnce') }}</p>
          <ul class="recovery-codes"><li v-for="c in recoveryCodes" :key="c"><code>{{ c }}</code></li></ul>
          <button type="button" class="primary" @click="recoveryCodes = null">{{ t('security.savedThem') }}</button>
        </div>
        <div v-if="enrolment" class="enrolment">
          <p>{{ t('security.scan') }}</p>
          <div class="qr" v-html="enrolment.qrSvg" :aria-label="t('security.qr')"></div>
          <p class="hint">{{ t('security.manualKey') }} <code id="two-factor-secret">{{ enrolment.secret }}</code></p>
        </div>
        <form v-if="action" class="stack" id="two-factor-code" @submit.prevent="submit">
          <label>{{ t(action === 'confirm' ? 'security.firstCode' : 'login.code') }}
            <input name="code" v-model.trim="code" autocomplete="one-time-code" required maxlength="32"></label>
          <span>
            <button type="submit" class="primary">{{ t(action === 'disable' ? 'security.disable' : action === 'renew' ? 'security.renew' : 'security.confirm') }}</button>
            <button type="button" class="link" @click="cancel">{{ t('desk.cancel') }}</button>
          </span>
        </form>
        <span v-else-if="!recoveryCodes">
          <button v-if="!status.enabled" type="button" class="primary" id="two-factor-enable" @click="start">{{ t('security.enable') }}</button>
          <template v-else>
            <button type="button" id="two-factor-renew" @click="ask('renew')">{{ t('security.renew') }}</button>
            <button type="button" class="link" id="two-factor-disable" :disabled="status.required" @click="ask('disable')">{{ t('security.disable') }}</button>
          </template>
        </span>
      </template>
      <h3>{{ t('security.sessions') }}</h3>
      <table class="grid" id="sessions">
        <thead><tr><th>{{ t('security.device') }}</th><th>{{ t('security.address') }}</th><th>{{ t('security.signedIn') }}</th><th>{{ t('security.lastSeen') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="s in sessions" :key="s.id" :data-session="s.id" :class="{ current: s.current }">
            <td>{{ s.userAgent || '—' }} <strong v-if="s.current">({{ t('security.thisSession') }})</strong></td>
            <td>{{ s.clientAddress || '—' }}</td><td>{{ when(s.createdAt) }}</td><td>{{ when(s.lastSeenAt) }}</td>
            <td><button type="button" class="link revoke" @click="revoke(s)">{{ t('security.revoke') }}</button></td>
          </tr>
        </tbody>
      </table>
    </section>`,
};
