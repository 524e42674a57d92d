// The tags and dispositions tab: the organization's tag catalogue (name, colour) that agents apply to chats and
// customers, the disposition codes (服务小结 categories, two levels: "咨询 > 物流") agents choose when they close a
// chat, and the groups that require one. Deleting archives: what carries a tag or code keeps its name in reports.
import { computed, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const TagsTab = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { api: { type: Function, required: true } },
  setup(props) {
    const { api } = props;
    const tags = ref([]);
    const codes = ref([]);
    const groups = ref([]);
    const required = ref([]);
    const saved = ref(false);
    const tagDraft = reactive({ name: '', colour: '#1f8a70' });
    const codeDraft = reactive({ name: '', parentId: '' });
    const categories = computed(() => codes.value.filter((c) => !c.parentId && !c.archived));

    async function load() {
      [tags.value, codes.value, groups.value, required.value] = await Promise.all([
        api('/api/v1/admin/tags'), api('/api/v1/admin/dispositions'), api('/api/v1/admin/groups'),
        api('/api/v1/admin/dispositions/required-groups').then((r) => r.groupIds),
      ]).catch(() => [tags.value, codes.value, groups.value, required.value]);
    }

    async function addTag() {
      await api('/api/v1/admin/tags', { method: 'POST', body: { ...tagDraft } });
      tagDraft.name = '';
      await load();
    }

    async function saveTag(tag, archived) {
      await api(`/api/v1/admin/tags/${tag.id}`, { method: 'PUT', body: { name: tag.name, colour: tag.colour, archived } });
      await load();
    }

    async function addCode() {
      await api('/api/v1/admin/dispositions', { method: 'POST', body: { name: codeDraft.name, parentId: codeDraft.parentId || null } });
      codeDraft.name = '';
      await load();
    }

    async function saveCode(code, archived) {
      await api(`/api/v1/admin/dispositions/${code.id}`, { method: 'PUT', body: { name: code.name, parentId: code.parentId, archived } });
      await load();
    }

    async function saveRequired() {
      saved.value = false;
      required.value = (await api('/api/v1/admin/dispositions/required-groups', { method: 'PUT', body: { groupIds: required.value } })).groupIds;
      saved.value = true;
    }

    load().catch(() => {});
    return { tags, codes, groups, required, saved, tagDraft, codeDraft, categories, addTag, saveTag, addCode, saveCode, saveRequired, t };
  },
  template: `
    <div class="tags-admin">
      <h3>{{ t('admin.tags.title') }}</h3>
      <p class="hint">{{ t('admin.tags.intro') }}</p>
      <table class="grid" id="tag-list">
        <thead><tr><th>{{ t('admin.name') }}</th><th>{{ t('admin.tags.colour') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="tag in tags" :key="tag.id" :data-tag="tag.name" :class="{ gone: tag.archived }">
            <td><span class="tag-swatch" :style="{ background: tag.colour }"></span> {{ tag.name }}</td>
            <td><code>{{ tag.colour }}</code></td>
            <td>
              <button v-if="tag.archived" type="button" class="link" @click="saveTag(tag, false)">{{ t('admin.tags.restore') }}</button>
              <button v-else type="button" class="link delete" @click="saveTag(tag, true)">{{ t('admin.tags.archive') }}</button>
            </td>
          </tr>
          <tr v-if="!tags.length"><td colspan="3" class="hint">{{ t('admin.tags.none') }}</td></tr>
        </tbody>
      </table>
      <!-- No input named tagName: a form's named inputs shadow its own properties (form.tagName), which Vue reads. -->
      <form class="inline" id="tag-form" @submit.prevent="addTag">
        <label>{{ t('admin.name') }} <input name="newTagName" v-model.trim="tagDraft.name" required maxlength="40"></label>
        <label>{{ t('admin.tags.colour') }} <input name="newTagColour" type="color" v-model="tagDraft.colour"></label>
        <button class="primary" type="submit">{{ t('admin.tags.add') }}</button>
      </form>

      <h3>{{ t('admin.dispositions.title') }}</h3>
      <p class="hint">{{ t('admin.dispositions.intro') }}</p>
      <table class="grid" id="disposition-list">
        <thead><tr><th>{{ t('admin.name') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="code in codes" :key="code.id" :data-disposition="code.label" :class="{ gone: code.archived, sub: code.parentId }">
            <td>{{ code.label }}</td>
            <td>
              <button v-if="code.archived" type="button" class="link" @click="saveCode(code, false)">{{ t('admin.tags.restore') }}</button>
              <button v-else type="button" class="link delete" @click="saveCode(code, true)">{{ t('admin.tags.archive') }}</button>
            </td>
          </tr>
          <tr v-if="!codes.length"><td colspan="2" class="hint">{{ t('admin.dispositions.none') }}</td></tr>
        </tbody>
      </table>
      <form class="inline" id="disposition-form" @submit.prevent="addCode">
        <label>{{ t('admin.name') }} <input name="dispositionName" v-model.trim="codeDraft.name" required maxlength="60"></label>
        <label>{{ t('admin.dispositions.parent') }}
          <select name="dispositionParent" v-model="codeDraft.parentId">
            <option value="">{{ t('admin.dispositions.topLevel') }}</option>
            <option v-for="c in categories" :key="c.id" :value="c.id">{{ c.name }}</option>
          </select>
        </label>
        <button class="primary" type="submit">{{ t('admin.dispositions.add') }}</button>
      </form>

      <h3>{{ t('admin.dispositions.required') }}</h3>
      <form class="stack" id="disposition-groups" @submit.prevent="saveRequired">
        <p class="hint">{{ t('admin.dispositions.requiredIntro') }}</p>
        <label v-for="g in groups" :key="g.id" class="check"><input type="checkbox" :name="'require-' + g.name" :value="g.id" v-model="required" @change="saved = false"> {{ g.name }}</label>
        <span><button class="primary" type="submit">{{ t('admin.save') }}</button> <span v-if="saved" role="status">{{ t('admin.dispositions.saved') }}</span></span>
      </form>
    </div>`,
};
