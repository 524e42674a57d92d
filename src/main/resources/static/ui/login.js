// The staff login form shared by the desk and the admin console: it posts the credentials and hands the session
// ({token, user}) to its parent, or shows why it was refused. The organization field appears only when the server
// asks for it (organization-required: two organizations have a user of that name), so most people never see it.
import { reactive, ref } from 'vue';
import { setLanguage, language, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';

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

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    return { credentials, needsOrganization, error, submit, switchLanguage, t };
  },
  template: `
    <form id="login" class="login" @submit.prevent="submit">
      <h1>{{ title }}</h1>
      <label><span>{{ t('desk.username') }}</span><input name="username" v-model.trim="credentials.username" autocomplete="username" required></label>
      <label v-if="needsOrganization"><span>{{ t('desk.organization') }}</span><input name="organization" v-model.trim="credentials.organization" autocomplete="organization" required></label>
      <label><span>{{ t('desk.password') }}</span><input name="password" type="password" v-model="credentials.password" autocomplete="current-password" required></label>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <button type="submit" class="primary">{{ t('desk.login') }}</button>
      <button type="button" class="link" @click="switchLanguage">{{ t('chat.language') }}</button>
    </form>`,
};
