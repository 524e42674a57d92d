// What automatic inspection looks for and which chats it hands to inspectors, per organization (admins change it):
// the sampling rules, the silence limit, and the greeting, closing and forbidden phrases, one a line.
import { onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const LISTS = ['greetings', 'closings', 'forbidden'];

export const QaSettings = {
  props: { api: Function },
  setup(props) {
    const form = reactive({ samplePercent: 5, includeFindings: true, includeLowRatings: true, silenceLimitSeconds: 120,
      greetings: '', closings: '', forbidden: '' });
    const error = ref('');
    const saved = ref(false);

    function fill(settings) {
      Object.assign(form, settings, Object.fromEntries(LISTS.map((list) => [list, settings[list].join('\n')])));
    }

    function phrases(text) {
      return text.split('\n').map((line) => line.trim()).filter(Boolean);
    }

    async function save() {
      error.value = '';
      saved.value = false;
      const body = { ...form, samplePercent: Number(form.samplePercent), silenceLimitSeconds: Number(form.silenceLimitSeconds),
        ...Object.fromEntries(LISTS.map((list) => [list, phrases(form[list])])) };
      try {
        fill(await props.api('/api/v1/quality/settings', { method: 'PUT', body }));
        saved.value = true;
      }
      catch (e) {
        error.value = e.message;
      }
    }

    onMounted(async () => {
      try {
        fill(await props.api('/api/v1/quality/settings'));
      }
      catch (e) {
        error.value = e.message;
      }
    });
    return { form, error, saved, save, LISTS, t };
  },
  template: `
    <form class="stack qa-settings" id="qa-settings-form" @submit.prevent="save">
      <fieldset>
        <legend>{{ t('ops.qa.sampling') }}</legend>
        <label><span>{{ t('ops.qa.samplePercent') }}</span>
          <input type="number" name="samplePercent" v-model="form.samplePercent" min="0" max="100" required></label>
        <label class="check"><input type="checkbox" name="includeFindings" v-model="form.includeFindings">
          {{ t('ops.qa.includeFindings') }}</label>
        <label class="check"><input type="checkbox" name="includeLowRatings" v-model="form.includeLowRatings">
          {{ t('ops.qa.includeLowRatings') }}</label>
      </fieldset>
      <label><span>{{ t('ops.qa.silenceLimit') }}</span>
        <input type="number" name="silenceLimitSeconds" v-model="form.silenceLimitSeconds" min="10" max="86400" required></label>
      <label v-for="list in LISTS" :key="list"><span>{{ t('ops.qa.phrases.' + list) }}</span>
        <textarea :name="list" v-model="form[list]" rows="4" spellcheck="false"></textarea></label>
      <p class="hint">{{ t('ops.qa.phrasesHint') }}</p>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <p v-if="saved" class="saved banner" role="status">{{ t('admin.saved') }}</p>
      <button type="submit" class="primary" id="save-qa-settings">{{ t('admin.save') }}</button>
    </form>`,
};
