// Tags on a conversation or a contact (desk), chosen from the organization's catalogue that admins keep (no free
// tags, so reports split by a short, agreed list). Putting a tag on and taking it off are separate calls, so two
// agents tagging the same chat at once both keep what they did.
import { computed, onMounted, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const TagBar = {
  props: {
    /** The tags resource, e.g. /api/v1/conversations/{id}/tags. */
    path: { type: String, required: true },
    /** The desk's api(path, options) for JSON calls with the agent's login. */
    api: { type: Function, required: true },
  },
  setup(props) {
    const tags = ref([]);
    const catalogue = ref([]);
    const error = ref('');
    const available = computed(() => catalogue.value.filter((c) => !tags.value.some((tag) => tag.id === c.id)));

    async function call(work) {
      error.value = '';
      try {
        await work();
      }
      catch (e) {
        error.value = e.message;
      }
    }

    function add(event) {
      const id = event.target.value;
      event.target.value = '';
      if (id) call(async () => { tags.value = await props.api(`${props.path}/${id}`, { method: 'PUT' }); });
    }

    function remove(tag) {
      call(async () => { tags.value = await props.api(`${props.path}/${tag.id}`, { method: 'DELETE' }); });
    }

    onMounted(() => call(async () => {
      [tags.value, catalogue.value] = await Promise.all([props.api(props.path), props.api('/api/v1/tags')]);
    }));

    return { tags, available, error, add, remove, t };
  },
  template: `
    <div class="tag-bar">
      <span v-for="tag in tags" :key="tag.id" class="tag-chip" :data-tag="tag.name" :style="{ '--tag': tag.colour }">
        {{ tag.name }}<button type="button" class="link" :aria-label="t('tags.remove', { name: tag.name })" @click="remove(tag)">×</button>
      </span>
      <select v-if="available.length" class="tag-add" :aria-label="t('tags.add')" @change="add">
        <option value="">{{ t('tags.add') }}</option>
        <option v-for="c in available" :key="c.id" :value="c.id">{{ c.name }}</option>
      </select>
      <span v-if="error" class="error" role="alert">{{ error }}</span>
    </div>`,
};
