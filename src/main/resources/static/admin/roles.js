// The roles tab: roles the organization defines, each a set of named permissions (started from one of the five
// presets or from nothing), and who holds which role where: for the whole organization, one center or one group.
// For the permissions marked "scoped", that is how far they reach; the presets are shown read-only for reference.
import { computed, onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/roles';
const EMPTY = { id: null, name: '', description: '', permissions: [] };

export const RolesTab = {
  props: {
    api: { type: Function, required: true },
    staff: { type: Array, default: () => [] },
    centers: { type: Array, default: () => [] },
    groups: { type: Array, default: () => [] },
  },
  setup(props) {
    const catalogue = ref({ permissions: [], presets: [], roles: [] });
    const draft = reactive({ ...EMPTY });
    const saved = ref(false);
    const holder = ref('');
    const grants = ref([]);
    const effective = ref([]);
    const newGrant = reactive({ roleId: '', scope: 'ORGANIZATION', scopeId: '' });

    async function reload() {
      catalogue.value = await props.api(PATH).catch(() => catalogue.value);
    }
    onMounted(reload);

    function edit(role) {
      Object.assign(draft, { ...EMPTY, ...(role || {}), description: role?.description || '',
        permissions: [...(role?.permissions || [])] });
    }

    function startFrom(preset) {
      const found = catalogue.value.presets.find((p) => p.role === preset);
      if (found) draft.permissions = Object.keys(found.permissions);
    }

    function flash() {
      saved.value = true;
      setTimeout(() => { saved.value = false; }, 2000);
    }

    async function save() {
      const body = { name: draft.name, description: draft.description, permissions: draft.permissions };
      try {
        await props.api(draft.id ? `${PATH}/${draft.id}` : PATH, { method: draft.id ? 'PUT' : 'POST', body });
      }
      catch {
        return;
      }
      edit(null);
      flash();
      await reload();
    }

    async function remove(role) {
      if (!confirm(t('admin.roles.confirmDelete', { name: role.name }))) return;
      await props.api(`${PATH}/${role.id}`, { method: 'DELETE' }).catch(() => null);
      await reload();
      if (holder.value) await loadGrants();
    }

    async function loadGrants() {
      if (!holder.value) return;
      const answer = await props.api(`/api/v1/admin/staff/${holder.value}/grants`).catch(() => null);
      grants.value = answer?.grants || [];
      effective.value = answer?.permissions || [];
    }

    async function saveGrants(list) {
      try {
        const answer = await props.api(`/api/v1/admin/staff/${holder.value}/grants`,
          { method: 'PUT', body: { grants: list } });
        grants.value = answer.grants;
        effective.value = answer.permissions;
        flash();
      }
      catch {
        // the console's banner shows why
      }
    }

    const addGrant = () => saveGrants([...grants.value, { roleId: newGrant.roleId, scope: newGrant.scope,
      scopeId: newGrant.scope === 'ORGANIZATION' ? null : newGrant.scopeId }]);
    const dropGrant = (index) => saveGrants(grants.value.filter((_, i) => i !== index));

    const targets = computed(() => (newGrant.scope === 'CENTER' ? props.centers
      : newGrant.scope === 'GROUP' ? props.groups : []));
    const roleName = (id) => catalogue.value.roles.find((r) => r.id === id)?.name || id;
    function scopeName(grant) {
      if (grant.scope === 'ORGANIZATION') return t('admin.roles.scope.ORGANIZATION');
      const list = grant.scope === 'CENTER' ? props.centers : props.groups;
      return `${t('admin.roles.scope.' + grant.scope)}: ${list.find((x) => x.id === grant.scopeId)?.name || grant.scopeId}`;
    }

    return { t, catalogue, draft, saved, holder, grants, effective, newGrant, targets, edit, startFrom, save, remove,
      loadGrants, addGrant, dropGrant, roleName, scopeName };
  },
  template: `
    <div class="stack roles">
      <h3>{{ t('admin.roles.title') }}</h3>
      <p class="hint">{{ t('admin.roles.hint') }}</p>
      <table id="custom-roles" v-if="catalogue.roles.length">
        <thead><tr><th>{{ t('admin.name') }}</th><th>{{ t('admin.roles.permissions') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="role in catalogue.roles" :key="role.id" :data-role="role.name">
            <td>{{ role.name }}<div class="hint" v-if="role.description">{{ role.description }}</div></td>
            <td><code v-for="p in role.permissions" :key="p">{{ p }} </code></td>
            <td><button type="button" class="link" @click="edit(role)">{{ t('admin.edit') }}</button>
              <button type="button" class="link" @click="remove(role)">{{ t('admin.delete') }}</button></td>
          </tr>
        </tbody>
      </table>
      <form class="stack" id="role-form" @submit.prevent="save">
        <h4>{{ draft.id ? t('admin.roles.edit') : t('admin.roles.new') }}</h4>
        <label>{{ t('admin.name') }} <input name="roleName" v-model="draft.name" maxlength="80" required></label>
        <label>{{ t('admin.roles.description') }} <input name="roleDescription" v-model="draft.description" maxlength="500"></label>
        <label>{{ t('admin.roles.startFrom') }}
          <select name="preset" @change="startFrom($event.target.value); $event.target.value = ''">
            <option value="">—</option>
            <option v-for="p in catalogue.presets" :key="p.role" :value="p.role">{{ t('admin.role.' + p.role) }}</option>
          </select></label>
        <fieldset class="checks permissions">
          <legend>{{ t('admin.roles.permissions') }}</legend>
          <label v-for="p in catalogue.permissions" :key="p.key" :title="p.key">
            <input type="checkbox" :value="p.key" v-model="draft.permissions" :name="'permission-' + p.key">
            {{ t('perm.' + p.key) }} <code>{{ p.key }}</code><span v-if="p.scoped" class="hint"> ({{ t('admin.roles.scoped') }})</span>
          </label>
        </fieldset>
        <div class="row"><button type="submit">{{ t('admin.save') }}</button>
          <button type="button" v-if="draft.id" @click="edit(null)">{{ t('admin.cancel') }}</button>
          <span v-if="saved" class="saved" role="status">{{ t('admin.saved') }}</span></div>
      </form>
      <section class="stack" id="role-grants">
        <h4>{{ t('admin.roles.grants') }}</h4>
        <label>{{ t('admin.roles.person') }}
          <select name="holder" v-model="holder" @change="loadGrants">
            <option value="">—</option>
            <option v-for="m in staff" :key="m.id" :value="m.id">{{ m.displayName }} ({{ m.username }})</option>
          </select></label>
        <template v-if="holder">
          <ul class="grants">
            <li v-for="(g, i) in grants" :key="i">{{ roleName(g.roleId) }} · {{ scopeName(g) }}
              <button type="button" class="link" @click="dropGrant(i)">{{ t('admin.delete') }}</button></li>
            <li v-if="!grants.length" class="hint">{{ t('admin.roles.noGrants') }}</li>
          </ul>
          <form class="row" id="grant-form" @submit.prevent="addGrant">
            <select name="grantRole" v-model="newGrant.roleId" required>
              <option v-for="r in catalogue.roles" :key="r.id" :value="r.id">{{ r.name }}</option></select>
            <select name="grantScope" v-model="newGrant.scope">
              <option v-for="s in ['ORGANIZATION', 'CENTER', 'GROUP']" :key="s" :value="s">{{ t('admin.roles.scope.' + s) }}</option></select>
            <select name="grantTarget" v-model="newGrant.scopeId" v-if="newGrant.scope !== 'ORGANIZATION'" required>
              <option v-for="x in targets" :key="x.id" :value="x.id">{{ x.name }}</option></select>
            <button type="submit">{{ t('admin.roles.grant') }}</button>
          </form>
          <p class="hint" id="effective-permissions">{{ t('admin.roles.effective') }}: <code>{{ effective.join(', ') || '—' }}</code></p>
        </template>
      </section>
    </div>`,
};
