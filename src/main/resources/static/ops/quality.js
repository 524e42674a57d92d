// Quality (质检) by role: inspectors work the QA queue, inspectors and admins keep the rubrics, supervisors decide
// appeals, agents read their reviews and may appeal each once, admins set what inspection looks for. Who may do
// what is the server's rule (quality/QualityRoles.java); this only shows each what they can use.
import { computed, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { ReviewQueue } from '/ops/qa-queue.js';
import { RubricEditor } from '/ops/rubrics.js';
import { ReviewList } from '/ops/reviews.js';
import { QaSettings } from '/ops/qa-settings.js';

/** The parts of the tab a staff member's roles open, in the order shown. */
function partsFor(roles) {
  const has = (role) => roles.includes(role);
  const supervises = has('SUPERVISOR') || has('ADMIN');
  return [
    ...(has('QA_INSPECTOR') || supervises ? ['queue'] : []),
    ...(has('QA_INSPECTOR') || has('ADMIN') ? ['rubrics'] : []),
    ...(supervises ? ['appeals'] : []),
    ...(has('AGENT') ? ['mine'] : []),
    ...(has('ADMIN') ? ['settings'] : []),
  ];
}

export const QualityView = {
  components: { ReviewQueue, RubricEditor, ReviewList, QaSettings },
  props: { api: Function, me: Object },
  setup(props) {
    const parts = computed(() => partsFor(props.me.roles));
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
