// The Sign-in tab: whether the organization requires two-factor sign-in of its staff, each staff member's second
// factor (reset, for a lost phone: they enrol again, or sign in without one) and open sessions (revoke), and the
// admin's own security (the same view as on the desk).
import { onMounted, reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';
import { SecurityView } from '/ui/security.js';

export const SignInTab = {
  components: { SecurityView },
  props: {
    /** The console's own call: its errors show in the console's banner, and an ended login logs out. */
    api: { type: Function, required: true },
    /** The organization's staff, as the console loaded them. */
    staff: { type: Array, required: true },
  },
  emits: ['signed-out'],
  setup(props) {
    const requireTwoFactor = ref(false);
    const twoFactor = reactive({});
    const sessionsOf = ref(null);
    const sessions = ref([]);
    const saved = ref(false);

    async function load() {
      requireTwoFactor.value = (await props.api('/api/v1/admin/sign-in')).requireTwoFactor;
      await Promise.all(props.staff.map(async (m) => {
        twoFactor[m.id] = (await props.api(`/api/v1/admin/staff/${m.id}/two-factor`)).enabled;
      }));
    }

    async function setRequired(value) {
      saved.value = false;
      try {
        requireTwoFactor.value = (await props.api('/api/v1/admin/sign-in', { method: 'PUT', body: { requireTwoFactor: value } })).requireTwoFactor;
        saved.value = true;
      }
      catch {
        requireTwoFactor.value = !value;
      }
    }

    async function reset(member) {
      if (!window.confirm(t('admin.signIn.resetConfirm', { name: member.displayName }))) return;
      await props.api(`/api/v1/admin/staff/${member.id}/two-factor`, { method: 'DELETE' }).catch(() => {});
      twoFactor[member.id] = false;
    }

    async function showSessions(member) {
      sessionsOf.value = member;
      sessions.value = await props.api(`/api/v1/admin/staff/${member.id}/sessions`).catch(() => []);
    }

    async function revoke(session) {
      await props.api(`/api/v1/admin/staff/${sessionsOf.value.id}/sessions/${session.id}`, { method: 'DELETE' }).catch(() => {});
      await showSessions(sessionsOf.value);
    }

    const when = (instant) => (instant ? new Date(instant).toLocaleString(language.value) : '');

    onMounted(() => load().catch(() => {}));

    return { requireTwoFactor, twoFactor, sessionsOf, sessions, saved, setRequired, reset, showSessions, revoke, when, t };
  },
  template: `
    <div class="sign-in-admin">
      <label class="check" id="require-two-factor"><input type="checkbox" :checked="requireTwoFactor" @change="setRequired($event.target.checked)">
        {{ t('admin.signIn.require') }}</label>
      <p class="hint">{{ t('admin.signIn.requireHint') }}</p>
      <table class="grid" id="staff-sign-in">
        <thead><tr><th>{{ t('desk.username') }}</th><th>{{ t('admin.name') }}</th><th>{{ t('security.twoFactor') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="m in staff" :key="m.id" :data-username="m.username">
            <td>{{ m.username }}</td><td>{{ m.displayName }}</td>
            <td>{{ twoFactor[m.id] === undefined ? '' : twoFactor[m.id] ? t('admin.signIn.on') : t('admin.signIn.off') }}</td>
            <td>
              <button type="button" class="link reset-two-factor" :disabled="!twoFactor[m.id]" @click="reset(m)">{{ t('admin.signIn.reset') }}</button>
              <button type="button" class="link show-sessions" @click="showSessions(m)">{{ t('security.sessions') }}</button>
            </td>
          </tr>
        </tbody>
      </table>
      <div v-if="sessionsOf" id="staff-sessions">
        <h3>{{ t('admin.signIn.sessionsOf', { name: sessionsOf.displayName }) }}</h3>
        <p v-if="!sessions.length" class="hint">{{ t('admin.signIn.noSessions') }}</p>
        <table v-else class="grid">
          <thead><tr><th>{{ t('security.device') }}</th><th>{{ t('security.address') }}</th><th>{{ t('security.signedIn') }}</th><th>{{ t('security.lastSeen') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="s in sessions" :key="s.id" :data-session="s.id">
              <td>{{ s.userAgent || '—' }}</td><td>{{ s.clientAddress || '—' }}</td><td>{{ when(s.createdAt) }}</td><td>{{ when(s.lastSeenAt) }}</td>
              <td><button type="button" class="link revoke" @click="revoke(s)">{{ t('security.revoke') }}</button></td>
            </tr>
          </tbody>
        </table>
      </div>
      <security-view :api="api" @signed-out="$emit('signed-out')"></security-view>
    </div>`,
};
