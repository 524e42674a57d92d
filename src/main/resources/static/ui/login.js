// The staff login form shared by the desk and the admin console: it posts the credentials and hands the session
// ({token, user}) to its parent, or shows why it was refused. The organization field appears only when the server
// asks for it (organization-required: two organizations have a user of that name), so most people never see it.
// A right password may need a second step (docs/protocol.md): a code from the authenticator app (or a recovery
// code), or, where the organization requires two-factor sign-in, a first enrolment, whose recovery codes are shown
// once before the session is handed on.
//
// Single sign-on: "Sign in with SSO" asks for the organization's short name (or takes it from ?org=<slug> in the
// page's address, or from the last SSO sign-in), checks the organization signs in with a provider, and sends the
// browser there. The provider sends it back to /desk/#sso=<one-time code>; the form exchanges the code for the same
// session a password login gives. A sign-in started on another page (the admin console) is carried back there first.
import { onMounted, reactive, ref } from 'vue';
import { setLanguage, language, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';

const SSO_ORGANIZATION = 'kefu.sso.organization';
const SSO_PAGE = 'kefu.sso.page';
const SSO_REFUSALS = ['staff-disabled', 'staff-unknown', 'no-role', 'username-claim-missing', 'invalid-username-claim',
  'sso-not-configured', 'organization-suspended', 'seat-limit-reached'];

export const LoginForm = {
  props: {
    title: { type: String, required: true },
    /** Refuses a valid login the page is not for (an agent on the admin console), by throwing an Error. */
    accept: { type: Function, default: () => {} },
  },
  emits: ['login'],
  setup(props, { emit }) {
    const credentials = reactive({ username: '', password: '', organization: '' });
    const needsOrganization = ref(false);
    const error = ref('');
    // 'password', then 'code' or 'enrol', then 'codes' (recovery codes after an enrolment).
    const step = ref('password');
    const challenge = ref('');
    const code = ref('');
    const enrolment = ref(null);
    const finished = ref(null);

    function explain(e) {
      if (e.code === 'challenge-expired') {
        step.value = 'password';
        return t('login.challengeExpired');
      }
      return e.code === 'bad-credentials' ? t('desk.loginFailed')
        : e.code === 'organization-required' ? t('desk.organizationRequired')
          : e.code === 'wrong-code' ? t('login.wrongCode')
            : e.code === 'organization-suspended' ? t('login.organizationSuspended')
            : (e.message || t('desk.loginFailed'));
    }

    function done(session) {
      props.accept(session.user);
      credentials.password = '';
      code.value = '';
      step.value = 'password';
      emit('login', session);
    }
    const requestedOrganization = new URLSearchParams(location.search).get('org');
    const sso = reactive({
      open: Boolean(requestedOrganization),
      organization: requestedOrganization || localStorage.getItem(SSO_ORGANIZATION) || '',
      busy: false,
    });

    async function submit() {
      error.value = '';
      try {
        const { organization, ...body } = credentials;
        if (needsOrganization.value) body.organization = organization;
        const answer = await request('/api/v1/auth/login', { method: 'POST', body });
        if (answer.token) { done(answer); return; }
        challenge.value = answer.challenge;
        code.value = '';
        if (answer.next === 'two-factor-enrolment') {
          enrolment.value = await request('/api/v1/auth/login/two-factor/enrolment', { method: 'POST', body: { challenge: challenge.value } });
          step.value = 'enrol';
        }
        else step.value = 'code';
      }
      catch (e) {
        if (e.code === 'organization-required') needsOrganization.value = true;
        error.value = explain(e);
      }
    }

    async function submitCode() {
      error.value = '';
      try {
        const path = step.value === 'enrol' ? '/api/v1/auth/login/two-factor/enrolment/confirm' : '/api/v1/auth/login/two-factor';
        const session = await request(path, { method: 'POST', body: { challenge: challenge.value, code: code.value } });
        if (session.recoveryCodes) {
          props.accept(session.user);
          finished.value = session;
          step.value = 'codes';
        }
        else done(session);
      }
      catch (e) {
        code.value = '';
        error.value = explain(e);
      }
    }

    function restart() {
      step.value = 'password';
      error.value = '';
    }

    async function startSso() {
      error.value = '';
      if (!sso.organization) return;
      sso.busy = true;
      try {
        const found = await request(`/api/v1/auth/sso/${encodeURIComponent(sso.organization.toLowerCase())}`);
        localStorage.setItem(SSO_ORGANIZATION, found.organization);
        sessionStorage.setItem(SSO_PAGE, location.pathname);
        location.assign(found.start);
      }
      catch (e) {
        sso.busy = false;
        error.value = e.status === 404 ? t('sso.notAvailable') : (e.message || t('sso.failed', { code: e.code || '' }));
      }
    }

    /** Back from the provider: the one-time code becomes a session, on the page the sign-in started from. */
    async function finishSso() {
      const answer = new URLSearchParams(location.hash.slice(1));
      const code = answer.get('sso');
      const refusal = answer.get('sso-error');
      if (!code && !refusal) return;
      const page = sessionStorage.getItem(SSO_PAGE);
      sessionStorage.removeItem(SSO_PAGE);
      if (page && page !== location.pathname && page.startsWith('/')) {
        location.replace(page + location.hash);
        return;
      }
      history.replaceState(null, '', location.pathname + location.search);
      if (refusal) {
        error.value = SSO_REFUSALS.includes(refusal) ? t(`sso.refused.${refusal}`) : t('sso.failed', { code: refusal });
        return;
      }
      try {
        const session = await request('/api/v1/auth/sso/exchange', { method: 'POST', body: { code } });
        props.accept(session.user);
        emit('login', session);
      }
      catch (e) {
        error.value = e.code === 'sso-code-invalid' ? t('sso.codeExpired') : (e.message || t('sso.failed', { code: '' }));
      }
    }

    onMounted(finishSso);

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    return { credentials, needsOrganization, error, step, code, enrolment, finished, submit, submitCode, restart, done, switchLanguage, sso, startSso, t };
  },
  template: `
    <form v-if="step === 'password'" id="login" class="login" @submit.prevent="submit">
      <h1>{{ title }}</h1>
      <label><span>{{ t('desk.username') }}</span><input name="username" v-model.trim="credentials.username" autocomplete="username" required></label>
      <label v-if="needsOrganization"><span>{{ t('desk.organization') }}</span><input name="organization" v-model.trim="credentials.organization" autocomplete="organization" required></label>
      <label><span>{{ t('desk.password') }}</span><input name="password" type="password" v-model="credentials.password" autocomplete="current-password" required></label>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <button type="submit" class="primary">{{ t('desk.login') }}</button>
      <button type="button" class="link" id="sso-open" @click="sso.open = !sso.open">{{ t('sso.signIn') }}</button>
      <div v-if="sso.open" class="sso">
        <label><span>{{ t('sso.organization') }}</span><input name="sso-organization" v-model.trim="sso.organization" autocomplete="organization" @keydown.enter.prevent="startSso"></label>
        <button type="button" id="sso-start" :disabled="sso.busy || !sso.organization" @click="startSso">{{ t('sso.continue') }}</button>
      </div>
      <button type="button" class="link" @click="switchLanguage">{{ t('chat.language') }}</button>
    </form>
    <form v-else-if="step === 'code' || step === 'enrol'" id="login-code" class="login" @submit.prevent="submitCode">
      <h1>{{ title }}</h1>
      <template v-if="step === 'enrol'">
        <p>{{ t('login.enrolRequired') }}</p>
        <div class="qr" v-if="enrolment" v-html="enrolment.qrSvg" :aria-label="t('security.qr')"></div>
        <p v-if="enrolment" class="hint">{{ t('security.manualKey') }} <code id="login-secret">{{ enrolment.secret }}</code></p>
      </template>
      <p v-else>{{ t('login.codePrompt') }}</p>
      <label><span>{{ t('login.code') }}</span><input name="code" v-model.trim="code" autocomplete="one-time-code" autofocus required maxlength="32"></label>
      <p v-if="step === 'code'" class="hint">{{ t('login.recoveryHint') }}</p>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <button type="submit" class="primary">{{ t('login.verify') }}</button>
      <button type="button" class="link" @click="restart">{{ t('desk.cancel') }}</button>
    </form>
    <div v-else id="login-recovery" class="login">
      <h1>{{ title }}</h1>
      <p>{{ t('security.recoveryCodesOnce') }}</p>
      <ul class="recovery-codes"><li v-for="c in finished.recoveryCodes" :key="c"><code>{{ c }}</code></li></ul>
      <button type="button" class="primary" id="recovery-saved" @click="done(finished)">{{ t('security.savedThem') }}</button>
    </div>`,
};
