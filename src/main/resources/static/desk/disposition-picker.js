// The disposition code (服务小结 category) in the desk's close dialog: the codes admins keep, "咨询 > 物流" for a code
// below a category, and a required mark where the chat's group requires one (the server refuses the close without
// it; the desk says so before asking). v-model is the chosen code's id, '' for none.
import { computed, onMounted, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const DispositionPicker = {
  props: {
    modelValue: { type: String, default: '' },
    groupId: { type: String, required: true },
    api: { type: Function, required: true },
  },
  emits: ['update:modelValue', 'required'],
  setup(props, { emit }) {
    const codes = ref([]);
    const required = ref(false);
    const choosable = computed(() => codes.value.filter((c) => c.choosable));

    onMounted(async () => {
      const choice = await props.api('/api/v1/dispositions').catch(() => ({ codes: [], requiredGroupIds: [] }));
      codes.value = choice.codes;
      required.value = choice.requiredGroupIds.includes(props.groupId);
      emit('required', required.value);
    });

    return { choosable, required, emit, t };
  },
  template: `
    <label v-if="choosable.length || required" class="disposition-picker">
      <span>{{ t('desk.disposition') }}<em v-if="required" class="required-mark"> {{ t('desk.dispositionRequiredMark') }}</em></span>
      <select id="disposition" :value="modelValue" @change="emit('update:modelValue', $event.target.value)">
        <option value="">{{ t('desk.dispositionNone') }}</option>
        <option v-for="c in choosable" :key="c.id" :value="c.id">{{ c.label }}</option>
      </select>
    </label>`,
};
