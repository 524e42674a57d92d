// The staff login form shared by the desk and the admin console: it posts the credentials and hands the session
// ({token, user}) to its parent, or shows why it was refused. The organization field appears only when the server
// asks for it (organization-required: two organizations have a user of that name), so most people never see it.
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
  'sso-not-configured'];

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
        const session = await request('/api/v1/auth/login', { method: 'POST', body });
        props.accept(session.user);
        credentials.password = '';
        emit('login', session);
      }
      catch (e) {
        if (e.code === 'organization-required') needsOrganization.value = true;
        error.value = e.code === 'bad-credentials' ? t('desk.loginFailed')
          : e.code === 'organization-required' ? t('desk.organizationRequired')
            : (e.message || t('desk.loginFailed'));
      }
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

    return { credentials, needsOrganization, error, submit, switchLanguage, sso, startSso, t };
  },
  template: `
    <form id="login" class="login" @submit.prevent="submit">
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
    </form>`,
};
