// The API tokens tab: the organization's tokens with when each was last used, a form to create one (name, read and
// write scopes per family of the API, an optional expiry) that shows the new secret once, and revocation.
import { reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/api-tokens';
// The families of the API, each with a read and a write scope (docs/integrations.md says which paths each covers).
const FAMILIES = ['conversations', 'messages', 'contacts', 'tickets', 'knowledge', 'reports', 'quality', 'admin'];

export const ApiTokens = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { api: { type: Function, required: true } },
  setup(props) {
    const tokens = ref([]);
    const draft = reactive({ name: '', scopes: [], expires: '' });
    const created = ref(null);
    const copied = ref(false);

    const { api } = props;

    async function load() {
      tokens.value = await api(PATH).catch(() => []);
    }

    async function create() {
      const body = { name: draft.name, scopes: [...draft.scopes] };
      // The date picker gives a day; the token lasts until the end of it, in the admin's time zone.
      if (draft.expires) body.expiresAt = new Date(`${draft.expires}T23:59:59`).toISOString();
      try {
        created.value = await api(PATH, { method: 'POST', body });
      }
      catch {
        return;
      }
      Object.assign(draft, { name: '', scopes: [], expires: '' });
      copied.value = false;
      await load();
    }

    async function copy() {
      await navigator.clipboard.writeText(created.value.secret).catch(() => {});
      copied.value = true;
    }

    async function revoke(token) {
      if (!window.confirm(t('admin.tokens.confirmRevoke', { name: token.name }))) return;
      await api(`${PATH}/${token.id}`, { method: 'DELETE' }).catch(() => {});
      await load();
    }

    const when = (instant) => (instant ? new Date(instant).toLocaleString(language.value) : '');
    const scopeText = (scopes) => scopes.map((s) => t('admin.tokens.family.' + s.split(':')[0]) + ' '
      + t('admin.tokens.' + s.split(':')[1])).join(', ');
    const revoked = (token) => Boolean(token.revokedAt);
    const expired = (token) => Boolean(token.expiresAt) && new Date(token.expiresAt) <= new Date();

    load();
    return { families: FAMILIES, tokens, draft, created, copied, create, copy, revoke, when, scopeText, revoked, expired, t };
  },
  template: `
    <div class="tokens">
      <p class="hint">{{ t('admin.tokens.intro') }}</p>
      <div v-if="created" class="secret-once" id="token-secret" role="status">
        <strong>{{ t('admin.tokens.createdTitle', { name: created.token.name }) }}</strong>
        <p>{{ t('admin.tokens.onceOnly') }}</p>
        <code class="secret">{{ created.secret }}</code>
        <span class="inline">
          <button type="button" class="primary copy" @click="copy">{{ copied ? t('admin.tokens.copied') : t('admin.tokens.copy') }}</button>
          <button type="button" class="link done" @click="created = null">{{ t('admin.tokens.done') }}</button>
        </span>
      </div>
      <table class="grid" id="token-list">
        <thead><tr><th>{{ t('admin.name') }}</th><th>{{ t('admin.tokens.scopes') }}</th><th>{{ t('admin.tokens.hint') }}</th>
          <th>{{ t('admin.tokens.created') }}</th><th>{{ t('admin.tokens.expires') }}</th><th>{{ t('admin.tokens.lastUsed') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="tk in tokens" :key="tk.id" :data-token="tk.name" :class="{ gone: revoked(tk) || expired(tk) }">
            <td>{{ tk.name }}</td>
            <td class="scopes">{{ scopeText(tk.scopes) }}</td>
            <td><code>{{ tk.hint }}</code></td>
            <td>{{ when(tk.createdAt) }} · {{ tk.createdBy }}</td>
            <td>{{ tk.expiresAt ? when(tk.expiresAt) : t('admin.tokens.never') }}</td>
            <td class="last-used">{{ tk.lastUsedAt ? when(tk.lastUsedAt) : t('admin.tokens.notUsed') }}</td>
            <td>
              <span v-if="revoked(tk)" class="badge state">{{ t('admin.tokens.revokedAt', { when: when(tk.revokedAt) }) }}</span>
              <span v-else-if="expired(tk)" class="badge state">{{ t('admin.tokens.expired') }}</span>
              <button v-else type="button" class="link delete revoke" @click="revoke(tk)">{{ t('admin.tokens.revoke') }}</button>
            </td>
          </tr>
          <tr v-if="!tokens.length"><td colspan="7" class="hint">{{ t('admin.tokens.none') }}</td></tr>
        </tbody>
      </table>
      <form class="stack" id="token-form" @submit.prevent="create">
        <h3>{{ t('admin.tokens.new') }}</h3>
        <label>{{ t('admin.name') }} <input name="tokenName" v-model.trim="draft.name" required maxlength="100" :placeholder="t('admin.tokens.namePlaceholder')"></label>
        <fieldset class="scope-grid">
          <legend>{{ t('admin.tokens.scopes') }}</legend>
          <template v-for="f in families" :key="f">
            <span>{{ t('admin.tokens.family.' + f) }}</span>
            <label class="check"><input type="checkbox" :name="'scope-' + f + ':read'" :value="f + ':read'" v-model="draft.scopes"> {{ t('admin.tokens.read') }}</label>
            <label class="check"><input type="checkbox" :name="'scope-' + f + ':write'" :value="f + ':write'" v-model="draft.scopes"> {{ t('admin.tokens.write') }}</label>
          </template>
        </fieldset>
        <label>{{ t('admin.tokens.expiresOptional') }} <input name="tokenExpires" type="date" v-model="draft.expires"></label>
        <span><button class="primary" type="submit" :disabled="!draft.scopes.length">{{ t('admin.tokens.create') }}</button></span>
      </form>
    </div>`,
};
