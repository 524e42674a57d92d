// The channels tab: the organization's channels (the web widget's, API channels, e-mail), a form for a new one rendered
// from its provider's configuration schema, the secret shown once (on creation and rotation), enabling and deleting,
// and "Test connection" (the settings in the form, or a saved channel's) for providers that reach a server.
import { computed, onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const INPUT_TYPES = { URL: 'url', INTEGER: 'number', STRING: 'text' };

/** A translation where the console has one; a provider added later speaks for itself (its own name and labels). */
const translated = (key, fallback) => (t(key) === key ? fallback : t(key));

export const ChannelsTab = {
  props: {
    /** The console's api(): JSON calls whose failures it puts on screen. */
    api: { type: Function, required: true },
    /** The console's change(action, reload): shows "saved" and reloads. */
    change: { type: Function, required: true },
  },
  setup(props) {
    const channels = ref([]);
    const providers = ref([]);
    const secret = ref(null);
    const groups = ref([]);
    const draft = reactive({ provider: '', name: '', configuration: {} });
    const creatable = computed(() => providers.value.filter((p) => !p.implicit));
    const schema = computed(() => providers.value.find((p) => p.id === draft.provider)?.configuration || []);

    async function load() {
      [channels.value, providers.value, groups.value] = await Promise.all([props.api('/api/v1/admin/channels'),
        props.api('/api/v1/admin/channel-providers'), props.api('/api/v1/admin/groups')]);
      if (!draft.provider && creatable.value.length) draft.provider = creatable.value[0].id;
    }

    function providerName(id) {
      return translated(`admin.channels.kind.${id}`, providers.value.find((p) => p.id === id)?.displayName || id);
    }

    function settingLabel(p) {
      return translated(`admin.channels.setting.${draft.provider}.${p.name}`, p.label);
    }

    function signed(c) {
      return providers.value.find((p) => p.id === c.provider)?.signed === true;
    }

    /** The settings as the schema types them: numbers as numbers, blanks left out. */
    function configuration() {
      const typed = {};
      for (const p of schema.value) {
        const value = draft.configuration[p.name];
        // A checkbox says what is sent: unticked is false, not "the provider's default".
        if (p.type === 'BOOLEAN') { typed[p.name] = value === true; continue; }
        if (value === undefined || value === '' || value === null) continue;
        typed[p.name] = p.type === 'INTEGER' ? Number(value) : value;
      }
      return typed;
    }

    const create = () => props.change(async () => {
      const made = await props.api('/api/v1/admin/channels', { method: 'POST',
        body: { provider: draft.provider, name: draft.name, configuration: configuration() } });
      secret.value = made.secret ? { name: made.name, value: made.secret } : null;
      Object.assign(draft, { name: '', configuration: {} });
    }, load);

    const update = (c, body) => props.change(() => props.api(`/api/v1/admin/channels/${c.id}`, { method: 'PUT', body }), load);

    const rotate = (c) => props.change(async () => {
      const rotated = await props.api(`/api/v1/admin/channels/${c.id}/rotate-secret`, { method: 'POST' });
      secret.value = { name: rotated.name, value: rotated.secret };
    }, load);

    // "Test the connection": the settings typed (not saved yet), or a saved channel's; the answer says what failed.
    const checked = ref(null);
    async function check(c) {
      checked.value = { ok: null, detail: t('admin.channels.checking'), channel: c?.id || null };
      const body = c ? { id: c.id } : { provider: draft.provider, configuration: configuration() };
      const found = await props.api('/api/v1/admin/channel-checks', { method: 'POST', body }).catch(() => null);
      checked.value = found ? { ...found, channel: c?.id || null } : null;
    }

    const remove = (c) => props.change(() => props.api(`/api/v1/admin/channels/${c.id}`, { method: 'DELETE' }), load);

    onMounted(() => load().catch(() => {}));

    return { channels, providers, creatable, schema, draft, secret, INPUT_TYPES, t, providerName, settingLabel, signed,
      create, update, rotate, remove, check, checked, groups };
  },
  template: `
    <div class="channels">
      <h2>{{ t('admin.channels.title') }}</h2>
      <p class="hint">{{ t('admin.channels.hint') }}</p>
      <table class="grid" id="channel-list">
        <thead><tr><th>{{ t('admin.name') }}</th><th>{{ t('admin.channels.provider') }}</th>
          <th>{{ t('admin.channels.inbound') }}</th><th>{{ t('admin.channels.enabled') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="c in channels" :key="c.id" :data-channel="c.id" :data-provider="c.provider">
            <td><input :value="c.name" :aria-label="t('admin.name')" @change="update(c, { name: $event.target.value.trim() })"></td>
            <td>{{ providerName(c.provider) }}</td>
            <td><code>{{ c.inboundPath }}</code>
              <span v-if="c.provider === 'email' && c.configuration.address" class="hint">{{ c.configuration.address }}</span>
              <span v-if="c.configuration.callbackUrl" class="hint"><br>{{ t('admin.channels.callback') }}: {{ c.configuration.callbackUrl }}</span>
              <span v-if="c.callbackFailing" class="error"><br>{{ c.callbackFailing }}</span></td>
            <td><input type="checkbox" :checked="c.enabled" :aria-label="t('admin.channels.enabled')"
                       @change="update(c, { enabled: $event.target.checked })"></td>
            <td>
              <button v-if="!c.implicit" type="button" class="link" data-action="check" @click="check(c)">{{ t('admin.channels.check') }}</button>
              <button v-if="signed(c)" type="button" class="link" data-action="rotate" @click="rotate(c)">{{ t('admin.channels.rotate') }}</button>
              <button v-if="!c.implicit" type="button" class="link delete" data-action="delete" @click="remove(c)">{{ t('admin.delete') }}</button>
            </td>
          </tr>
        </tbody>
      </table>
      <p v-if="checked && checked.channel" :class="['banner', checked.ok === false ? 'error' : 'saved']" id="channel-check-saved" role="status">
        {{ checked.ok === null ? checked.detail : t(checked.ok ? 'admin.channels.checkOk' : 'admin.channels.checkFailed', { detail: checked.detail }) }}</p>
      <p v-if="secret" class="saved banner" id="channel-secret" role="status">
        {{ t('admin.channels.secretOnce', { name: secret.name }) }} <code>{{ secret.value }}</code></p>
      <h2>{{ t('admin.channels.add') }}</h2>
      <form class="stack" id="new-channel" @submit.prevent="create">
        <label><span>{{ t('admin.channels.provider') }}</span>
          <select name="provider" v-model="draft.provider" @change="draft.configuration = {}">
            <option v-for="p in creatable" :key="p.id" :value="p.id">{{ providerName(p.id) }}</option>
          </select></label>
        <label><span>{{ t('admin.name') }}</span><input name="name" v-model.trim="draft.name" required maxlength="100"></label>
        <label v-for="p in schema" :key="draft.provider + p.name" :data-setting="p.name"><span>{{ settingLabel(p) }}</span>
          <input v-if="p.type === 'BOOLEAN'" type="checkbox" :name="p.name" v-model="draft.configuration[p.name]">
          <!-- A setting naming a group is chosen from the organization's groups, not typed as an id. -->
          <select v-else-if="p.name === 'groupId'" :name="p.name" v-model="draft.configuration[p.name]">
            <option value="">{{ t('admin.channels.defaultGroup') }}</option>
            <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
          </select>
          <input v-else :type="p.secret ? 'password' : INPUT_TYPES[p.type]" :name="p.name" :required="p.required"
                 v-model.trim="draft.configuration[p.name]">
        </label>
        <p v-if="checked && !checked.channel" :class="['banner', checked.ok === false ? 'error' : 'saved']" id="channel-check" role="status">
          {{ checked.ok === null ? checked.detail : t(checked.ok ? 'admin.channels.checkOk' : 'admin.channels.checkFailed', { detail: checked.detail }) }}</p>
        <div class="actions">
          <button type="button" data-action="check-draft" @click="check(null)">{{ t('admin.channels.check') }}</button>
          <button class="primary" type="submit">{{ t('admin.add') }}</button>
        </div>
      </form>
    </div>`,
};
