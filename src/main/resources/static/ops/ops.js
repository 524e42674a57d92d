// The staff app beside the desk: the supervisor's live view of queues, agents and chats; reports with charts for
// everyone (each sees their own scope); quality reviews for inspectors, agents and supervisors. One login with the
// desk (the same session key), so the desk's link opens it without asking again.
import { createApp, computed, ref, watch } from 'vue';
import { language, setLanguage, t } from '/ui/i18n.js';
import { LoginForm } from '/ui/login.js';
import { request } from '/ui/live.js';
import { LiveBoard } from '/ops/supervision.js';
import { ReportsView } from '/ops/reports.js';
import { QualityView } from '/ops/quality.js';
import { ConversationSearch } from '/desk/search.js';

const TOKEN = 'kefu.staff.token';

/**
 * The tabs a staff member's permissions open: live supervision for conversation.supervise, search for that or
 * conversation.read, figures and quality for all (each shows what its permissions allow).
 */
function tabsFor(permissions) {
  const supervises = permissions.includes('conversation.supervise');
  const reads = supervises || permissions.includes('conversation.read');
  return [...(supervises ? ['live'] : []), ...(reads ? ['search'] : []), 'reports', 'quality'];
}

/** Where one starts: supervisors on the floor, inspectors at their queue, agents at their figures. */
function homeFor(permissions) {
  if (permissions.includes('conversation.supervise')) return 'live';
  if (permissions.includes('qa.review')) return 'quality';
  return 'reports';
}

createApp({
  components: { LoginForm, LiveBoard, ReportsView, QualityView, ConversationSearch },
  setup() {
    const token = ref(sessionStorage.getItem(TOKEN));
    const me = ref(null);
    const view = ref('');
    const tabs = computed(() => (me.value ? tabsFor(me.value.permissions || []) : []));

    /** The server with this login; an expired one logs out. Errors carry the problem's detail (ui/live.js). */
    async function api(path, options = {}) {
      try {
        return await request(path, { ...options, token: token.value });
      }
      catch (e) {
        if (e.status === 401 && token.value) logout();
        throw e;
      }
    }

    /** Roles are read from the server, not from what the desk stored: they may have changed since that login. */
    async function loadMe() {
      if (!token.value) return;
      me.value = await api('/api/v1/auth/me').catch(() => null);
      if (!me.value) return;
      const asked = location.hash.slice(1);
      open(tabs.value.includes(asked) ? asked : homeFor(me.value.permissions || []));
    }

    function open(tab) {
      view.value = tab;
      history.replaceState(null, '', `#${tab}`);
    }

    function loggedIn(session) {
      token.value = session.token;
      sessionStorage.setItem(TOKEN, session.token);
      sessionStorage.setItem(`${TOKEN}.me`, JSON.stringify(session.user));
      loadMe();
    }

    function logout() {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(`${TOKEN}.me`);
      token.value = null;
      me.value = null;
    }

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    window.addEventListener('hashchange', () => {
      const asked = location.hash.slice(1);
      if (tabs.value.includes(asked)) view.value = asked;
    });
    watch(language, () => { document.title = t('ops.title'); }, { immediate: true });
    setLanguage(language.value);
    loadMe();

    return { token, me, view, tabs, api, open, loggedIn, logout, switchLanguage, t };
  },
}).mount('#app');
