// Quality (质检) by role: inspectors work the QA queue, inspectors and admins keep the rubrics, supervisors decide
// appeals, agents read their reviews and may appeal each once, admins set what inspection looks for. Who may do
// what is the server's rule (quality/QualityRoles.java); this only shows each what they can use.
import { computed, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { ReviewQueue } from '/ops/qa-queue.js';
import { RubricEditor } from '/ops/rubrics.js';
import { ReviewList } from '/ops/reviews.js';
import { QaSettings } from '/ops/qa-settings.js';

/**
 * The parts of the tab a staff member's permissions open, in the order shown. "My reviews" is an agent's: the preset
 * agent role, or a custom role that works the desk.
 */
function partsFor(me) {
  const may = (permission) => (me.permissions || []).includes(permission);
  const agent = me.roles.includes('AGENT') || (!me.roles.length && may('conversation.handle'));
  return [
    ...(may('qa.review') ? ['queue'] : []),
    ...(may('qa.rubrics') ? ['rubrics'] : []),
    ...(may('qa.appeals') ? ['appeals'] : []),
    ...(agent ? ['mine'] : []),
    ...(may('settings.manage') ? ['settings'] : []),
  ];
}

export const QualityView = {
  components: { ReviewQueue, RubricEditor, ReviewList, QaSettings },
  props: { api: Function, me: Object },
  setup(props) {
    const parts = computed(() => partsFor(props.me));
    const part = ref(parts.value[0] || '');
    return { parts, part, t };
  },
  template: `
    <section class="panel quality" id="quality">
      <nav class="subtabs" role="tablist" :aria-label="t('ops.tab.quality')">
        <button v-for="p in parts" :key="p" type="button" role="tab" :id="'tab-qa-' + p" :aria-selected="part === p"
                :class="{ on: part === p }" @click="part = p">{{ t('ops.qa.' + p) }}</button>
      </nav>
      <p v-if="!parts.length" class="empty">{{ t('ops.qa.nothing') }}</p>
      <review-queue v-if="part === 'queue'" :api="api" :me="me"></review-queue>
      <rubric-editor v-else-if="part === 'rubrics'" :api="api"></rubric-editor>
      <review-list v-else-if="part === 'appeals'" :api="api" :me="me" mode="appeals"></review-list>
      <review-list v-else-if="part === 'mine'" :api="api" :me="me" mode="mine"></review-list>
      <qa-settings v-else-if="part === 'settings'" :api="api"></qa-settings>
    </section>`,
};
