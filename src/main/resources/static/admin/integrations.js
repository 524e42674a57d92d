// The Integrations tab: how the host site vouches for its signed-in customers (verified identity: the secret, the
// JWKS URL, whether anonymous visitors may chat, with a short how-to), and the CRM lookup whose card the desk shows
// beside a chat (URL, on/off, cache time, the signing secret, a test lookup). docs/integrations.md has the details.
import { computed, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

/** The desk's card rows for a test lookup's answer, or why it failed. */
const CardResult = {
  props: ['card'],
  setup() { return { t }; },
  template: `
    <div class="crm-result" id="crm-test-result" :data-status="card.status">
      <p v-if="card.status === 'unavailable'" class="error">{{ t('crm.unavailable', { reason: card.reason }) }}</p>
      <p v-else-if="card.status === 'not-configured'">{{ t('admin.crm.notConfigured') }}</p>
      <template v-else>
        <dl v-if="card.fields.length"><template v-for="(f, i) in card.fields" :key="i"><dt>{{ f.label }}</dt><dd>{{ f.value }}</dd></template></dl>
        <p v-else>{{ t('crm.nothing') }}</p>
        <ul><li v-for="(l, i) in card.links" :key="i"><a :href="l.url" target="_blank" rel="noopener noreferrer">{{ l.label }}</a> <code>{{ l.url }}</code></li></ul>
      </template>
    </div>`,
};

export const IntegrationsPage = {
  components: { CardResult },
  props: {
    /** The console's api(path, options): a failure is put on screen and rethrown. */
    api: { type: Function, required: true },
  },
  setup(props) {
    const identity = ref(null);
    const identityDraft = reactive({ mode: 'hmac', jwksUrl: '', requireIdentity: false });
    const showIdentitySecret = ref(false);
    const crm = ref(null);
    const crmDraft = reactive({ lookupUrl: '', enabled: false, cacheSeconds: 300 });
    const crmSecret = ref('');
    const sample = reactive({ externalId: 'cust-42', email: '', phone: '' });
    const testResult = ref(null);
    const testing = ref(false);
    const saved = ref('');

    const quiet = (action) => (...args) => action(...args).catch(() => {}); // api() has shown the failure

    function flash(what) {
      saved.value = what;
      setTimeout(() => { if (saved.value === what) saved.value = ''; }, 2500);
    }

    function showIdentity(settings) {
      identity.value = settings;
      identityDraft.jwksUrl = settings.jwksUrl || '';
      identityDraft.requireIdentity = !settings.allowAnonymous;
      if (settings.jwksUrl) identityDraft.mode = 'jwks';
    }

    function showCrm(settings) {
      crm.value = settings;
      Object.assign(crmDraft, { lookupUrl: settings.lookupUrl || '', enabled: settings.enabled, cacheSeconds: settings.cacheSeconds });
      if (settings.secret) crmSecret.value = settings.secret;
    }

    const load = quiet(async () => {
      const [i, c] = await Promise.all([props.api('/api/v1/admin/identity'), props.api('/api/v1/admin/crm')]);
      showIdentity(i);
      showCrm(c);
    });

    const saveIdentity = quiet(async () => {
      showIdentity(await props.api('/api/v1/admin/identity', {
        method: 'PUT', body: { jwksUrl: identityDraft.jwksUrl.trim(), allowAnonymous: !identityDraft.requireIdentity },
      }));
      flash('identity');
    });

    const rotateIdentity = quiet(async () => {
      if (!window.confirm(t('admin.identity.rotateConfirm'))) return;
      showIdentity(await props.api('/api/v1/admin/identity/secret', { method: 'POST' }));
      showIdentitySecret.value = true;
      flash('identity');
    });

    const saveCrm = quiet(async () => {
      showCrm(await props.api('/api/v1/admin/crm', {
        method: 'PUT', body: { lookupUrl: crmDraft.lookupUrl.trim(), enabled: crmDraft.enabled, cacheSeconds: Number(crmDraft.cacheSeconds) },
      }));
      flash('crm');
    });

    const rotateCrm = quiet(async () => {
      if (crm.value?.changedAt && !window.confirm(t('admin.crm.rotateConfirm'))) return;
      showCrm(await props.api('/api/v1/admin/crm/secret', { method: 'POST' }));
    });

    const testCrm = quiet(async () => {
      testing.value = true;
      testResult.value = null;
      try {
        const body = Object.fromEntries(Object.entries(sample).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
        testResult.value = await props.api('/api/v1/admin/crm/test', { method: 'POST', body });
      }
      finally {
        testing.value = false;
      }
    });

    const maskedSecret = computed(() => {
      const s = identity.value?.secret || '';
      return showIdentitySecret.value ? s : `${s.slice(0, 4)}${'•'.repeat(12)}`;
    });

    load();

    return {
      identity, identityDraft, showIdentitySecret, maskedSecret, crm, crmDraft, crmSecret, sample, testResult, testing,
      saved, saveIdentity, rotateIdentity, saveCrm, rotateCrm, testCrm, t,
    };
  },
  template: `
    <div class="integrations">
      <form class="stack" id="identity-form" @submit.prevent="saveIdentity">
        <h2>{{ t('admin.identity.title') }}</h2>
        <p class="hint">{{ t('admin.identity.intro') }}</p>
        <label>{{ t('admin.identity.mode') }}
          <select id="identity-mode" v-model="identityDraft.mode">
            <option value="hmac">{{ t('admin.identity.mode.hmac') }}</option>
            <option value="hs256">{{ t('admin.identity.mode.hs256') }}</option>
            <option value="jwks">{{ t('admin.identity.mode.jwks') }}</option>
          </select>
        </label>
        <div v-if="identityDraft.mode !== 'jwks'" class="secret-row">
          <span>{{ t('admin.identity.secret') }}</span>
          <code id="identity-secret">{{ maskedSecret }}</code>
          <button type="button" class="link" id="show-identity-secret" @click="showIdentitySecret = !showIdentitySecret">{{ showIdentitySecret ? t('admin.identity.hide') : t('admin.identity.show') }}</button>
          <button type="button" class="link" id="rotate-identity-secret" @click="rotateIdentity">{{ t('admin.identity.rotate') }}</button>
        </div>
        <label v-if="identityDraft.mode === 'jwks'">{{ t('admin.identity.jwksUrl') }}
          <input id="jwks-url" type="url" v-model="identityDraft.jwksUrl" placeholder="https://shop.example.com/.well-known/jwks.json" maxlength="2000">
        </label>
        <label class="check"><input type="checkbox" id="require-identity" v-model="identityDraft.requireIdentity"> {{ t('admin.identity.require') }}</label>
        <p class="hint">{{ t('admin.identity.requireHint') }}</p>
        <details class="howto">
          <summary>{{ t('admin.identity.howto') }}</summary>
          <p v-if="identityDraft.mode === 'hmac'">{{ t('admin.identity.howto.hmac') }}</p>
          <pre v-if="identityDraft.mode === 'hmac'">userHash = hex(HMAC-SHA256(secret, userId))
&lt;script&gt;Kefu.identify({ userId: 'cust-42', userHash: '…', name: 'Li Lei' });&lt;/script&gt;</pre>
          <p v-else>{{ t('admin.identity.howto.jwt') }}</p>
          <pre v-if="identityDraft.mode !== 'hmac'">{ "sub": "cust-42", "aud": "&lt;organization slug&gt;", "exp": …, "name": "Li Lei" }
&lt;script&gt;Kefu.identify({ jwt: '…' });&lt;/script&gt;</pre>
          <p>{{ t('admin.identity.howto.docs') }}</p>
        </details>
        <div class="actions">
          <button type="submit" class="primary">{{ t('admin.save') }}</button>
          <span v-if="saved === 'identity'" class="saved" role="status">{{ t('admin.saved') }}</span>
        </div>
      </form>

      <form class="stack" id="crm-form" @submit.prevent="saveCrm">
        <h2>{{ t('admin.crm.title') }}</h2>
        <p class="hint">{{ t('admin.crm.intro') }}</p>
        <label>{{ t('admin.crm.url') }}
          <input id="crm-url" type="url" v-model="crmDraft.lookupUrl" placeholder="https://crm.example.com/kefu/lookup" maxlength="2000">
        </label>
        <label class="check"><input type="checkbox" id="crm-enabled" v-model="crmDraft.enabled"> {{ t('admin.crm.enabled') }}</label>
        <label>{{ t('admin.crm.cache') }}
          <input id="crm-cache" type="number" min="10" max="86400" v-model="crmDraft.cacheSeconds" required>
        </label>
        <div class="secret-row">
          <span>{{ t('admin.crm.secret') }}</span>
          <code v-if="crmSecret" id="crm-secret">{{ crmSecret }}</code>
          <span v-else class="hint">{{ crm?.changedAt ? t('admin.crm.secretHidden') : t('admin.crm.secretAfterSave') }}</span>
          <button v-if="crm?.changedAt" type="button" class="link" id="rotate-crm-secret" @click="rotateCrm">{{ t('admin.crm.rotate') }}</button>
        </div>
        <p v-if="crmSecret" class="hint" role="status">{{ t('admin.crm.secretOnce') }}</p>
        <div class="actions">
          <button type="submit" class="primary">{{ t('admin.save') }}</button>
          <span v-if="saved === 'crm'" class="saved" role="status">{{ t('admin.saved') }}</span>
        </div>
      </form>

      <form v-if="crm?.changedAt" class="stack" id="crm-test" @submit.prevent="testCrm">
        <h3>{{ t('admin.crm.test') }}</h3>
        <p class="hint">{{ t('admin.crm.testHint') }}</p>
        <label>{{ t('admin.crm.sampleExternalId') }} <input v-model="sample.externalId" maxlength="200"></label>
        <label>{{ t('field.email') }} <input v-model="sample.email" maxlength="200"></label>
        <label>{{ t('field.phone') }} <input v-model="sample.phone" maxlength="50"></label>
        <div class="actions"><button type="submit" class="primary" :disabled="testing">{{ testing ? t('crm.loading') : t('admin.crm.test') }}</button></div>
        <card-result v-if="testResult" :card="testResult"></card-result>
      </form>
    </div>`,
};
