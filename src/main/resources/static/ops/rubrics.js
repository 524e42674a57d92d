// The rubrics conversations are scored with: a name and items, each weighted and scored from 0 to its maximum.
// Saving gives every item a new id on the server; reviews keep the items they were scored with.
import { onMounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const NEW_ITEM = () => ({ key: crypto.randomUUID(), name: '', weight: 1, maxPoints: 5 });

export const RubricEditor = {
  props: { api: Function },
  setup(props) {
    const rubrics = ref([]);
    const draft = reactive({ id: null, name: '', items: [NEW_ITEM()] });
    const error = ref('');
    const saved = ref(false);

    async function load() {
      rubrics.value = await props.api('/api/v1/quality/rubrics').catch((e) => { error.value = e.message; return []; });
    }

    function edit(r) {
      Object.assign(draft, { id: r?.id || null, name: r?.name || '',
        items: r ? r.items.map((i) => ({ ...i, key: i.id })) : [NEW_ITEM()] });
      error.value = '';
      saved.value = false;
    }

    async function save() {
      error.value = '';
      saved.value = false;
      const body = { name: draft.name.trim(),
        items: draft.items.map((i) => ({ name: i.name.trim(), weight: Number(i.weight), maxPoints: Number(i.maxPoints) })) };
      try {
        const stored = await props.api(draft.id ? `/api/v1/quality/rubrics/${draft.id}` : '/api/v1/quality/rubrics',
          { method: draft.id ? 'PUT' : 'POST', body });
        await load();
        edit(stored);
        saved.value = true;
      }
      catch (e) {
        error.value = e.message;
      }
    }

    onMounted(load);
    return { rubrics, draft, error, saved, edit, save, NEW_ITEM, t };
  },
  template: `
    <div class="rubrics" id="rubrics">
      <div>
        <ul class="rows" id="rubric-list">
          <li v-for="r in rubrics" :key="r.id" :data-rubric="r.name">
            <button type="button" class="link" @click="edit(r)">{{ r.name }}</button>
            <span class="hint">{{ t('ops.qa.itemCount', { n: r.items.length }) }}</span>
          </li>
          <li v-if="!rubrics.length" class="empty">{{ t('ops.qa.noRubrics') }}</li>
        </ul>
        <button type="button" class="secondary" id="new-rubric" @click="edit(null)">{{ t('ops.qa.newRubric') }}</button>
      </div>
      <form class="stack" id="rubric-form" @submit.prevent="save">
        <h3>{{ draft.id ? t('ops.qa.editRubric') : t('ops.qa.newRubric') }}</h3>
        <label><span>{{ t('admin.name') }}</span><input id="rubric-name" v-model="draft.name" required maxlength="100"></label>
        <table class="grid items">
          <thead><tr><th>{{ t('ops.qa.item') }}</th><th>{{ t('ops.qa.weightCol') }}</th><th>{{ t('ops.qa.maxPoints') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="(item, i) in draft.items" :key="item.key" class="rubric-item">
              <td><input v-model="item.name" required maxlength="100" :aria-label="t('ops.qa.item')" class="item-name"></td>
              <td><input type="number" v-model="item.weight" min="1" max="100" required :aria-label="t('ops.qa.weightCol')" class="item-weight"></td>
              <td><input type="number" v-model="item.maxPoints" min="1" max="100" required :aria-label="t('ops.qa.maxPoints')" class="item-max"></td>
              <td><button type="button" class="link delete" :disabled="draft.items.length === 1" @click="draft.items.splice(i, 1)">{{ t('admin.delete') }}</button></td>
            </tr>
          </tbody>
        </table>
        <button type="button" class="link" id="add-item" @click="draft.items.push(NEW_ITEM())">{{ t('ops.qa.addItem') }}</button>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <p v-if="saved" class="saved banner" role="status">{{ t('admin.saved') }}</p>
        <button type="submit" class="primary" id="save-rubric">{{ t('admin.save') }}</button>
      </form>
    </div>`,
};
