// The single sign-on tab: the organization's OpenID Connect provider (issuer, client id, a write-only client secret,
// scopes), which claims name the person and their groups, a table mapping group values to Kefu roles and business
// groups, whether unknown people become staff on first login, and whether password login stays for admins only.
// The redirect URI to register at the provider and the sign-in link for staff are shown ready to copy.
import { computed, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/sso';
const ROLES = ['ADMIN', 'SUPERVISOR', 'AGENT', 'QA_INSPECTOR', 'KB_EDITOR'];

export const SsoSettings = {
  props: {
    api: { type: Function, required: true },
    organization: { type: Object, default: null },
    groups: { type: Array, default: () => [] },
  },
  setup(props) {
    const form = reactive({ enabled: false, issuerUri: '', clientId: '', clientSecret: '', scopes: '',
      usernameClaim: 'email', groupsClaim: 'groups', mappings: [], createStaff: false, passwordLoginAdminsOnly: false });
    const secretSet = ref(false);
    const saved = ref(false);
    const slug = computed(() => props.organization?.slug || '<slug>');
    const redirectUri = computed(() => `${location.origin}/login/oauth2/code/${slug.value}`);
    const signInLink = computed(() => `${location.origin}/desk/?org=${slug.value}`);

    function show(settings) {
      Object.assign(form, {
        enabled: settings.enabled, issuerUri: settings.issuerUri, clientId: settings.clientId, clientSecret: '',
        scopes: settings.scopes.join(' '), usernameClaim: settings.usernameClaim, groupsClaim: settings.groupsClaim || '',
        mappings: settings.mappings.map((m) => ({ value: m.value, role: m.role || '', groupId: m.groupId || '' })),
        createStaff: settings.createStaff, passwordLoginAdminsOnly: settings.passwordLoginAdminsOnly,
      });
      secretSet.value = settings.clientSecretSet;
    }

    async function load() {
      show(await props.api(PATH).catch(() => ({ enabled: false, issuerUri: '', clientId: '', clientSecretSet: false,
        scopes: ['openid'], usernameClaim: 'email', groupsClaim: 'groups', mappings: [], createStaff: false,
        passwordLoginAdminsOnly: false })));
    }

    async function save() {
      saved.value = false;
      const body = {
        ...form,
        scopes: form.scopes.split(/[\s,]+/).filter(Boolean),
        mappings: form.mappings.filter((m) => m.value).map((m) => ({ value: m.value, role: m.role || null, groupId: m.groupId || null })),
      };
      if (!body.clientSecret) delete body.clientSecret;
      try {
        show(await props.api(PATH, { method: 'PUT', body }));
      }
      catch {
        return; // the console's banner shows the server's reason
      }
      saved.value = true;
    }

    async function remove() {
      if (!window.confirm(t('admin.sso.confirmRemove'))) return;
      await props.api(PATH, { method: 'DELETE' }).catch(() => {});
      await load();
    }

    const addMapping = () => form.mappings.push({ value: '', role: 'AGENT', groupId: '' });
    const dropMapping = (index) => form.mappings.splice(index, 1);

    load();
    return { form, secretSet, saved, redirectUri, signInLink, roles: ROLES, save, remove, addMapping, dropMapping, t };
  },
  template: `
    <form class="stack" id="sso-form" @submit.prevent="save">
      <p class="hint">{{ t('admin.sso.intro') }}</p>
      <p class="hint">{{ t('admin.sso.redirectUri') }} <code id="sso-redirect-uri">{{ redirectUri }}</code></p>
      <p class="hint">{{ t('admin.sso.signInLink') }} <code id="sso-sign-in-link">{{ signInLink }}</code></p>
      <label class="check"><input type="checkbox" name="ssoEnabled" v-model="form.enabled"> {{ t('admin.sso.enabled') }}</label>
      <label>{{ t('admin.sso.issuerUri') }} <input name="issuerUri" v-model.trim="form.issuerUri" placeholder="https://login.example.com/realms/support"></label>
      <label>{{ t('admin.sso.clientId') }} <input name="clientId" v-model.trim="form.clientId" maxlength="500"></label>
      <label>{{ t('admin.sso.clientSecret') }} <input name="clientSecret" type="password" autocomplete="new-password" v-model="form.clientSecret"
        :placeholder="secretSet ? t('admin.sso.secretKept') : ''"></label>
      <label>{{ t('admin.sso.scopes') }} <input name="scopes" v-model="form.scopes" placeholder="openid profile email"></label>
      <label>{{ t('admin.sso.usernameClaim') }} <input name="usernameClaim" v-model.trim="form.usernameClaim" placeholder="email"></label>
      <label>{{ t('admin.sso.groupsClaim') }} <input name="groupsClaim" v-model.trim="form.groupsClaim" placeholder="groups"></label>
      <fieldset>
        <legend>{{ t('admin.sso.mappings') }}</legend>
        <p class="hint">{{ t('admin.sso.mappingsHint') }}</p>
        <table class="grid" id="sso-mappings">
          <thead><tr><th>{{ t('admin.sso.claimValue') }}</th><th>{{ t('admin.sso.role') }}</th><th>{{ t('admin.sso.group') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="(m, i) in form.mappings" :key="i">
              <td><input :name="'mapping-value-' + i" v-model.trim="m.value" maxlength="200"></td>
              <td><select :name="'mapping-role-' + i" v-model="m.role"><option value="">{{ t('admin.sso.none') }}</option>
                <option v-for="r in roles" :key="r" :value="r">{{ t('admin.role.' + r) }}</option></select></td>
              <td><select :name="'mapping-group-' + i" v-model="m.groupId"><option value="">{{ t('admin.sso.none') }}</option>
                <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option></select></td>
              <td><button type="button" class="link delete" @click="dropMapping(i)">{{ t('admin.delete') }}</button></td>
            </tr>
          </tbody>
        </table>
        <button type="button" class="link" id="sso-add-mapping" @click="addMapping">{{ t('admin.sso.addMapping') }}</button>
      </fieldset>
      <label class="check"><input type="checkbox" name="createStaff" v-model="form.createStaff"> {{ t('admin.sso.createStaff') }}</label>
      <label class="check"><input type="checkbox" name="passwordLoginAdminsOnly" v-model="form.passwordLoginAdminsOnly"> {{ t('admin.sso.passwordLoginAdminsOnly') }}</label>
      <span class="inline">
        <button class="primary" type="submit">{{ t('admin.save') }}</button>
        <button type="button" class="link delete" id="sso-remove" @click="remove">{{ t('admin.sso.remove') }}</button>
        <span v-if="saved" class="saved" role="status">{{ t('admin.sso.saved') }}</span>
      </span>
    </form>`,
};
