// #15 masking: the privacy tab. How card and ID numbers are masked (at rest, or on display with the clear text
// sealed for an audited reveal), the organization's own patterns, and a box to try a text against them.
import { onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const PrivacyTab = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { api: { type: Function, required: true } },
  setup(props) {
    const { api } = props;
    const settings = reactive({ mode: 'AT_REST', keyConfigured: false });
    const patterns = ref([]);
    const draft = reactive({ name: '', regex: '', replacement: '' });
    const sample = reactive({ text: '', result: null });

    async function load() {
      const [read, list] = await Promise.all([api('/api/v1/admin/privacy/settings'), api('/api/v1/admin/privacy/patterns')])
        .catch(() => [settings, patterns.value]);
      Object.assign(settings, read);
      patterns.value = list;
    }

    async function saveMode(mode) {
      try {
        Object.assign(settings, await api('/api/v1/admin/privacy/settings', { method: 'PUT', body: { mode } }));
      }
      catch {
        await load();
      }
    }

    async function add() {
      await api('/api/v1/admin/privacy/patterns', {
        method: 'POST', body: { name: draft.name, regex: draft.regex, replacement: draft.replacement || null },
      });
      Object.assign(draft, { name: '', regex: '', replacement: '' });
      await load();
    }

    async function remove(pattern) {
      await api(`/api/v1/admin/privacy/patterns/${pattern.id}`, { method: 'DELETE' });
      await load();
    }

    async function test() {
      sample.result = (await api('/api/v1/admin/privacy/test', { method: 'POST', body: { text: sample.text } })).text;
    }

    onMounted(load);
    return { t, settings, patterns, draft, sample, saveMode, add, remove, test };
  },
  template: `
    <div class="privacy-admin">
      <h3>{{ t('admin.tab.privacy') }}</h3>
      <p class="hint">{{ t('admin.privacy.intro') }}</p>
      <fieldset class="stack" id="privacy-mode">
        <legend>{{ t('admin.privacy.mode') }}</legend>
        <label class="check" v-for="mode in ['AT_REST', 'ON_DISPLAY']" :key="mode">
          <input type="radio" name="privacyMode" :value="mode" :checked="settings.mode === mode"
                 :disabled="mode === 'ON_DISPLAY' && !settings.keyConfigured && settings.mode !== mode" @change="saveMode(mode)">
          {{ t('admin.privacy.mode.' + mode) }}</label>
        <p v-if="!settings.keyConfigured" class="hint warn" id="privacy-no-key">{{ t('admin.privacy.noKey') }}</p>
      </fieldset>

      <h3>{{ t('admin.privacy.patterns') }}</h3>
      <p class="hint">{{ t('admin.privacy.patternsHint') }}</p>
      <table class="grid" id="privacy-patterns">
        <thead><tr><th>{{ t('admin.privacy.name') }}</th><th>{{ t('admin.privacy.regex') }}</th><th>{{ t('admin.privacy.replacement') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="p in patterns" :key="p.id" :data-pattern="p.name">
            <td>{{ p.name }}</td><td><code>{{ p.regex }}</code></td><td><code v-if="p.replacement">{{ p.replacement }}</code></td>
            <td><button type="button" class="link delete" @click="remove(p)">{{ t('admin.privacy.remove') }}</button></td>
          </tr>
          <tr v-if="!patterns.length"><td colspan="4" class="hint">{{ t('admin.privacy.none') }}</td></tr>
        </tbody>
      </table>
      <form class="inline" id="privacy-pattern-form" @submit.prevent="add">
        <label>{{ t('admin.privacy.name') }} <input name="patternName" v-model.trim="draft.name" required maxlength="100"></label>
        <label>{{ t('admin.privacy.regex') }} <input name="patternRegex" v-model="draft.regex" required maxlength="500" placeholder="PL\\d{8}"></label>
        <label>{{ t('admin.privacy.replacement') }} <input name="patternReplacement" v-model="draft.replacement" maxlength="100"></label>
        <button class="primary" type="submit">{{ t('admin.privacy.add') }}</button>
      </form>

      <h3>{{ t('admin.privacy.test') }}</h3>
      <form class="stack" id="privacy-test" @submit.prevent="test">
        <textarea name="privacySample" v-model="sample.text" rows="2" maxlength="5000"></textarea>
        <p><button class="primary" type="submit">{{ t('admin.privacy.testButton') }}</button></p>
        <p v-if="sample.result !== null" id="privacy-result">{{ t('admin.privacy.result', { text: sample.result }) }}</p>
      </form>
    </div>`,
};
