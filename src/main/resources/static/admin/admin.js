// The admin console: centers and groups (reply targets, business hours), staff (roles, capacity, groups, password),
// organization-wide canned responses, the widget's settings with a live preview and the embed line to copy, and the
// knowledge base (admin/knowledge.js), which knowledge editors who are not admins get on its own, and the
// integrations: API tokens (admin/tokens.js), webhooks (admin/webhooks.js), and verified identity with the CRM card
// (admin/integrations.js); the audit log (admin/audit.js); and custom roles with their grants (admin/roles.js).
// Each tab shows for whoever holds its permission.
import { createApp, computed, reactive, ref, watch } from 'vue';
import { language, setLanguage, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';
import { LoginForm } from '/ui/login.js';
import { SignInTab } from '/admin/sign-in.js';
import { knowledgeBase } from '/admin/knowledge.js';
import { IntegrationsPage } from '/admin/integrations.js';
import { ApiTokens } from '/admin/tokens.js';
import { SsoSettings } from '/admin/sso.js';
import { Webhooks } from '/admin/webhooks.js';
import { Invitations } from '/admin/invitations.js';
import { ChannelsTab } from '/admin/channels.js';
import { HolidaysEditor } from '/admin/holidays.js';
import { MailAlertsEditor } from '/admin/mail-alerts.js';
import { PrivacyTab } from '/admin/privacy.js';
import { TagsTab } from '/admin/tags.js';
import { AuditLogTab } from '/admin/audit.js';
import { RetentionTab } from '/admin/retention.js';
import { RolesTab } from '/admin/roles.js';
import { byFolder, VARIABLES } from '/ui/canned.js';

const TOKEN = 'kefu.admin.token';
const ADMIN_TABS = ['widget', 'invitations', 'groups', 'staff', 'roles', 'sign-in', 'sso', 'canned', 'knowledge', 'channels', 'tags', 'tokens', 'webhooks', 'integrations', 'privacy', 'retention', 'audit'];
// The permission each tab needs (the server checks each call again); a tab not named needs settings.manage.
const TAB_PERMISSION = { groups: 'staff.manage', staff: 'staff.manage', roles: 'staff.manage', canned: 'canned.manage',
  knowledge: 'kb.edit', audit: 'audit.read' };
const permissionOf = (tab) => TAB_PERMISSION[tab] || 'settings.manage';
const DAYS = [1, 2, 3, 4, 5, 6, 7];
const FIELD_TYPES = { name: 'text', email: 'email', phone: 'phone' };
const NEW_GROUP = { id: null, name: '', centerId: null, queueLimit: 20, offlinePolicy: 'KEEP', requeueMinutes: 5,
  replyWarnSeconds: 60, replyAlertSeconds: 180, autoAssign: true, agentsMayPick: false };
const NEW_STAFF = { id: null, username: '', displayName: '', email: '', password: '', roles: ['AGENT'], groupIds: [],
  maxChats: 5, enabled: true };

createApp({
  components: { LoginForm, RolesTab, IntegrationsPage, ApiTokens, WebhookEndpoints: Webhooks, ChannelsTab, HolidaysEditor, MailAlertsEditor, TagsTab, Invitations, AuditLogTab, PrivacyTab, RetentionTab, SignInTab, SsoSettings },
  setup() {
    const token = ref(sessionStorage.getItem(TOKEN));
    const userPermissions = ref([]);
    const may = (permission) => userPermissions.value.includes(permission);
    // Each tab for whoever holds its permission: an admin all, a knowledge editor the knowledge base, a custom role
    // its share. No tabs until the permissions are known, so a page opened with a login held does not flash the
    // wrong ones.
    const tabs = computed(() => ADMIN_TABS.filter((tab) => may(permissionOf(tab))));
    const error = ref('');
    const saved = ref(false);
    const view = ref('widget');
    const organization = ref(null);
    const centers = ref([]);
    const groups = ref([]);
    const hours = reactive({});
    const staff = ref([]);
    const canned = ref([]);
    const widget = ref({ title: '', primaryColor: '#1677ff', greeting: '', prechatFields: [], defaultGroupId: null });
    const newCenter = ref('');
    const groupDraft = reactive({ ...NEW_GROUP });
    const assistantDraft = reactive({ enabled: false, name: '', greeting: '', threshold: 0.8 });
    const staffDraft = reactive({ ...NEW_STAFF, roles: [...NEW_STAFF.roles], groupIds: [] });
    const newCanned = reactive({ shortcut: '', title: '', text: '', folder: '' });
    // Unfiled first, then folders by name; the server's order (by shortcut) within each.
    const cannedList = computed(() => byFolder([...canned.value]
      .sort((a, b) => (a.folder ? 1 : 0) - (b.folder ? 1 : 0) || (a.folder || '').localeCompare(b.folder || ''))));
    const cannedFolders = computed(() => [...new Set(canned.value.map((r) => r.folder).filter(Boolean))].sort());
    const cannedVariables = Object.keys(VARIABLES).map((name) => `{${name}}`).join(' ');
    const hoursFor = ref(null);
    const holidaysFor = ref(null);
    const mailAlertsFor = ref(null);
    const week = ref([]);
    const copied = ref(false);

    const api = (path, options = {}) => guard(() => request(path, { ...options, token: token.value }));

    /** Runs a call to the server; a failure is put on screen (an expired login logs out) and rethrown. */
    async function guard(call) {
      try {
        return await call();
      }
      catch (e) {
        if (e.status === 401) logout();
        error.value = e.message;
        throw e;
      }
    }

    /** Runs a change, shows "saved", reloads what it touched; a refused change leaves its message on screen. */
    async function change(action, reload = load) {
      error.value = '';
      saved.value = false;
      try {
        await action();
      }
      catch {
        return; // api() has put the server's reason on screen
      }
      saved.value = true;
      setTimeout(() => { saved.value = false; }, 2500);
      await reload();
    }

    const kb = knowledgeBase({ api, guard, change, token });

    function onlyAdminsAndEditors(user) {
      if (!ADMIN_TABS.some((tab) => (user.permissions || []).includes(permissionOf(tab)))) throw new Error(t('admin.notPermitted'));
    }

    async function loggedIn(session) {
      token.value = session.token;
      sessionStorage.setItem(TOKEN, session.token);
      await start(session.user.permissions);
    }

    /** After a login, or on a page opened with one: the tabs this user may see, and what they show. */
    async function start(permissions) {
      userPermissions.value = permissions || [];
      await Promise.all([load(), openTab(tabs.value.includes(view.value) ? view.value : tabs.value[0])]);
    }

    /** The knowledge base is loaded when its tab opens, not with the rest: most visits never open it. */
    async function openTab(tab) {
      view.value = tab;
      if (tab === 'knowledge') await kb.tabOpened();
    }

    function logout() {
      sessionStorage.removeItem(TOKEN);
      token.value = null;
    }

    let loads = 0;

    /**
     * Reads everything the console shows. Every change reloads, and changes come faster than reloads finish, so
     * reloads overlap: only the newest one's answers are shown, else an older one answering late would put back
     * what was there before the last change (the hours just saved turned back into "always open").
     */
    async function load() {
      if (!token.value || !tabs.value.length) return;
      const round = ++loads;
      // Only what this person's tabs show: a call they may not make would fail the whole load.
      const when = (permission, call, none) => (may(permission) ? call() : Promise.resolve(none));
      const settings = may('settings.manage');
      const read = await Promise.all([
        settings || may('staff.manage') || may('audit.read') ? api('/api/v1/admin/organization') : Promise.resolve(null),
        when('staff.manage', () => api('/api/v1/admin/centers'), []),
        when('staff.manage', () => api('/api/v1/admin/groups'), []),
        when('staff.manage', () => api('/api/v1/admin/staff'), []),
        when('canned.manage', () => api('/api/v1/canned-responses?scope=ORGANIZATION'), []),
        when('settings.manage', () => api('/api/v1/admin/widget'), widget.value),
      ]);
      const weeks = await Promise.all(read[2].map((g) => api(`/api/v1/admin/groups/${g.id}/hours`)));
      if (round !== loads) return;
      [organization.value, centers.value, groups.value, staff.value, canned.value, widget.value] = read;
      groupDraft.centerId ??= centers.value[0]?.id ?? null;
      groups.value.forEach((g, i) => { hours[g.id] = weeks[i].hours; });
    }

    const centerName = (id) => centers.value.find((c) => c.id === id)?.name || '';
    const groupName = (id) => groups.value.find((g) => g.id === id)?.name || '';
    const missingFields = computed(() => Object.keys(FIELD_TYPES).filter((k) => !widget.value.prechatFields.some((f) => f.key === k)));
    const snippet = computed(() => `<script src="${location.origin}/widget.js" data-org="${organization.value?.slug || ''}" async></script>`);

    function hoursText(groupId) {
      const list = hours[groupId] || [];
      if (!list.length) return t('admin.alwaysOpen');
      return list.map((h) => `${t('admin.day.' + h.dayOfWeek)} ${h.opensAt.slice(0, 5)}–${h.closesAt.slice(0, 5)}`).join(', ');
    }

    function editHours(group) {
      hoursFor.value = group;
      const list = hours[group.id] || [];
      week.value = DAYS.map((day) => {
        const h = list.find((x) => x.dayOfWeek === day);
        return { day, open: Boolean(h), opensAt: h?.opensAt.slice(0, 5) || '09:00', closesAt: h?.closesAt.slice(0, 5) || '18:00' };
      });
    }

    const saveHours = () => change(async () => {
      const list = week.value.filter((d) => d.open).map((d) => ({ dayOfWeek: d.day, opensAt: d.opensAt, closesAt: d.closesAt }));
      await api(`/api/v1/admin/groups/${hoursFor.value.id}/hours`, { method: 'PUT', body: { hours: list } });
      hoursFor.value = null;
    });

    const createCenter = () => change(async () => {
      await api('/api/v1/admin/centers', { method: 'POST', body: { name: newCenter.value } });
      newCenter.value = '';
    });

    const renameCenter = (c, name) => change(() => api(`/api/v1/admin/centers/${c.id}`, { method: 'PUT', body: { name } }));

    const deleteCenter = (c) => confirmed(t('admin.confirmDelete', { name: c.name }))
      && change(() => api(`/api/v1/admin/centers/${c.id}`, { method: 'DELETE' }));

    async function editGroup(g) {
      Object.assign(groupDraft, { ...NEW_GROUP, centerId: centers.value[0]?.id ?? null }, g || {});
      Object.assign(assistantDraft, g ? await api(`/api/v1/admin/groups/${g.id}/assistant`)
        : { enabled: false, name: t('admin.assistantDefaultName'), greeting: '', threshold: 0.8 });
    }

    /** One form creates a group (no id yet) or changes the one being edited, with its virtual assistant. */
    const saveGroup = () => change(async () => {
      const { id, ...body } = groupDraft;
      const assistant = { ...assistantDraft };
      const group = await api(id ? `/api/v1/admin/groups/${id}` : '/api/v1/admin/groups', { method: id ? 'PUT' : 'POST', body });
      await api(`/api/v1/admin/groups/${group.id}/assistant`, { method: 'PUT', body: assistant });
      // Another group opened while this one was saving stays in the form.
      if (groupDraft.id === id) await editGroup(null);
    });

    const deleteGroup = (g) => confirmed(t('admin.confirmDelete', { name: g.name }))
      && change(() => api(`/api/v1/admin/groups/${g.id}`, { method: 'DELETE' }));

    function editStaff(m) {
      Object.assign(staffDraft, { ...NEW_STAFF, roles: [...NEW_STAFF.roles], groupIds: [] },
        m ? { ...m, email: m.email || '', password: '', roles: [...m.roles], groupIds: [...m.groupIds] } : {});
    }

    /** Creates a staff member, or changes one; a password typed while editing replaces theirs. */
    const saveStaff = () => change(async () => {
      const { id, username, password, ...rest } = staffDraft;
      const body = { ...rest, email: rest.email || null };
      if (!id) await api('/api/v1/admin/staff', { method: 'POST', body: { ...body, username, password } });
      else {
        await api(`/api/v1/admin/staff/${id}`, { method: 'PUT', body });
        if (password) await api(`/api/v1/admin/staff/${id}/password`, { method: 'PUT', body: { password } });
      }
      if (staffDraft.id === id) editStaff(null);
    });

    const updateStaff = (m, patch) => change(() => api(`/api/v1/admin/staff/${m.id}`, {
      method: 'PUT',
      body: { displayName: m.displayName, email: m.email, roles: m.roles, maxChats: m.maxChats, enabled: m.enabled, groupIds: m.groupIds, ...patch },
    }));

    function confirmed(question) {
      return window.confirm(question);
    }

    const createCanned = () => change(async () => {
      await api('/api/v1/canned-responses', { method: 'POST', body: { scope: 'ORGANIZATION', ...newCanned } });
      Object.assign(newCanned, { shortcut: '', title: '', text: '', folder: '' });
    });

    const fileCanned = (r, folder) => change(() => api(`/api/v1/canned-responses/${r.id}`, {
      method: 'PUT', body: { shortcut: r.shortcut, title: r.title, text: r.text, groupId: r.groupId, folder },
    }));

    const deleteCanned = (r) => change(() => api(`/api/v1/canned-responses/${r.id}`, { method: 'DELETE' }));

    // The allowed sites are edited one a line; what is saved is the lines that are not blank.
    const sitesText = ref('');
    watch(widget, (w) => { sitesText.value = (w.allowedSites || []).join('\n'); });
    const saveWidget = () => change(() => api('/api/v1/admin/widget', { method: 'PUT', body: { ...widget.value,
      allowedSites: sitesText.value.split('\n').map((line) => line.trim()).filter(Boolean) } }));

    function addField(key) {
      widget.value.prechatFields.push({ key, label: t('field.' + key), type: FIELD_TYPES[key], required: false });
    }

    async function copySnippet() {
      await navigator.clipboard.writeText(snippet.value).catch(() => {});
      copied.value = true;
      setTimeout(() => { copied.value = false; }, 2000);
    }

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    watch(language, () => { document.title = t('admin.title'); }, { immediate: true });
    setLanguage(language.value);
    // A page opened with a login still held asks whose it is; either way the new-group form gets its defaults.
    (token.value ? api('/api/v1/auth/me').then((me) => start(me.permissions)) : Promise.resolve())
      .catch(() => {}).then(() => editGroup(null));

    return {
      token, error, saved, view, tabs, kb, api, change, organization, centers, groups, staff,
      canned, widget, newCenter, groupDraft, assistantDraft, staffDraft, newCanned, cannedList, cannedFolders, cannedVariables, fileCanned, hoursFor, holidaysFor, mailAlertsFor, week, copied, snippet, missingFields,
      roles: ['ADMIN', 'SUPERVISOR', 'AGENT', 'QA_INSPECTOR', 'KB_EDITOR'], t, onlyAdminsAndEditors, loggedIn, openTab, logout, centerName, groupName,
      hoursText, editHours, saveHours, createCenter, renameCenter, deleteCenter, editGroup, saveGroup, deleteGroup,
      editStaff, saveStaff, updateStaff, createCanned, deleteCanned, saveWidget, sitesText, addField, copySnippet, switchLanguage,
    };
  },
}).mount('#app');
