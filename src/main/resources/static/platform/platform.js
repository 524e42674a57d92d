// The platform operator's console: every organization with its status and use against its limits, and the actions
// on them (create, limits, suspend, resume, delete). The same login as the other consoles; only an operator gets in.
import { createApp, reactive, ref, watch } from 'vue';
import { language, setLanguage, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';
import { LoginForm } from '/ui/login.js';

const TOKEN = 'kefu.platform.token';
const NEW = { slug: '', name: '', timeZone: '', username: '', displayName: '', password: '' };
const MB = 1024 * 1024;

createApp({
  components: { LoginForm },
  setup() {
    const token = ref(sessionStorage.getItem(TOKEN));
    const operator = ref(false);
    const refused = ref(false);
    const error = ref('');
    const saved = ref(false);
    const organizations = ref([]);
    const draft = reactive({ ...NEW });
    const limits = reactive({ id: null, slug: '', maxSeats: '', storageMb: '', apiRequestsPerMinute: '' });

    const api = (path, options = {}) => request(path, { ...options, token: token.value });

    async function load() {
      try {
        organizations.value = await api('/api/v1/platform/organizations');
        operator.value = true;
        refused.value = false;
      }
      catch (e) {
        if (e.status === 401) logout();
        else if (e.code === 'not-a-platform-operator') refused.value = true;
        else error.value = e.message;
      }
    }

    /** Runs a change; a refusal leaves the server's reason on screen, a success says so and reloads. */
    async function change(action) {
      error.value = '';
      saved.value = false;
      try {
        await action();
      }
      catch (e) {
        if (e.status === 401) logout();
        error.value = e.message;
        return false;
      }
      saved.value = true;
      setTimeout(() => { saved.value = false; }, 2500);
      await load();
      return true;
    }

    async function loggedIn(session) {
      token.value = session.token;
      sessionStorage.setItem(TOKEN, session.token);
      await load();
    }

    function logout() {
      sessionStorage.removeItem(TOKEN);
      token.value = null;
      operator.value = false;
      refused.value = false;
    }

    async function create() {
      const body = { slug: draft.slug, name: draft.name, timeZone: draft.timeZone || null,
        admin: { username: draft.username, displayName: draft.displayName || null, password: draft.password } };
      if (await change(() => api('/api/v1/platform/organizations', { method: 'POST', body }))) Object.assign(draft, NEW);
    }

    function suspend(o) {
      const reason = prompt(t('platform.suspendReason', { slug: o.slug }));
      if (reason === null) return;
      change(() => api(`/api/v1/platform/organizations/${o.id}/suspend`, { method: 'POST', body: { reason } }));
    }

    function resume(o) {
      change(() => api(`/api/v1/platform/organizations/${o.id}/resume`, { method: 'POST' }));
    }

    function remove(o) {
      const typed = prompt(t('platform.deleteConfirm', { slug: o.slug }));
      if (typed === null) return;
      change(() => api(`/api/v1/platform/organizations/${o.id}?confirm=${encodeURIComponent(typed)}`, { method: 'DELETE' }));
    }

    function editLimits(o) {
      Object.assign(limits, { id: o.id, slug: o.slug, maxSeats: o.limits.maxSeats ?? '',
        storageMb: o.limits.maxStorageBytes == null ? '' : Math.round(o.limits.maxStorageBytes / MB),
        apiRequestsPerMinute: o.limits.apiRequestsPerMinute ?? '' });
    }

    const number = (value) => (value === '' || value == null ? null : Number(value));

    async function saveLimits() {
      const mb = number(limits.storageMb);
      const body = { maxSeats: number(limits.maxSeats), maxStorageBytes: mb == null ? null : mb * MB,
        apiRequestsPerMinute: number(limits.apiRequestsPerMinute) };
      if (await change(() => api(`/api/v1/platform/organizations/${limits.id}/limits`, { method: 'PUT', body }))) limits.id = null;
    }

    const limit = (value) => (value == null ? '∞' : value);
    const megabytes = (bytes) => `${(bytes / MB).toFixed(bytes < 10 * MB && bytes > 0 ? 1 : 0)} MB`;

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    watch(language, () => { document.title = t('platform.title'); }, { immediate: true });
    setLanguage(language.value);
    if (token.value) load();

    return { token, operator, refused, error, saved, organizations, draft, limits, t, loggedIn, logout, create,
      suspend, resume, remove, editLimits, saveLimits, limit, megabytes, switchLanguage };
  },
}).mount('#app');
