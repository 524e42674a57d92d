// Completed reviews, two ways: an agent's own ("My reviews": score, findings, remarks on their messages, an appeal
// once) and the appeals waiting for a supervisor (uphold, or revise with new points per item and a comment).
import { computed, onMounted, reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';
import { Transcript } from '/ops/transcript.js';
import { marksOf, messagesOf, ruleName, staffNames } from '/ops/qa-common.js';

export const ReviewList = {
  components: { Transcript },
  props: { api: Function, me: Object, mode: { type: String, required: true } },
  setup(props) {
    const reviews = ref([]);
    const names = ref({ names: {}, groups: {} });
    const review = ref(null);
    const messages = ref([]);
    const error = ref('');
    const done = ref('');
    const reason = ref('');
    const decision = reactive({ kind: 'UPHELD', comment: '', points: {} });
    const marks = computed(() => marksOf(review.value?.findings, review.value?.comments));
    const wholeChat = computed(() => (review.value?.findings || []).filter((f) => !f.seq));

    async function load() {
      const path = props.mode === 'appeals' ? '/api/v1/quality/reviews?appeal=open' : `/api/v1/quality/reviews?agentId=${props.me.id}`;
      try {
        [reviews.value, names.value] = await Promise.all([props.api(path), staffNames(props.api)]);
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function open(id) {
      error.value = '';
      done.value = '';
      try {
        const detail = await props.api(`/api/v1/quality/reviews/${id}`);
        messages.value = await messagesOf(props.api, detail.conversationId);
        review.value = detail;
        reason.value = '';
        Object.assign(decision, { kind: 'UPHELD', comment: '',
          points: Object.fromEntries(detail.items.map((i) => [i.itemId, i.revisedPoints ?? i.points])) });
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function appeal() {
      await act(`/api/v1/quality/reviews/${review.value.id}/appeal`, { reason: reason.value.trim() }, t('ops.qa.appealed'));
    }

    async function decide() {
      const body = { decision: decision.kind, comment: decision.comment.trim() };
      if (decision.kind === 'REVISED') {
        body.scores = review.value.items.map((i) => ({ itemId: i.itemId, points: Number(decision.points[i.itemId]) }));
      }
      if (await act(`/api/v1/quality/reviews/${review.value.id}/decision`, body, t('ops.qa.decided'))) {
        review.value = null;
      }
    }

    async function act(path, body, message) {
      error.value = '';
      try {
        const updated = await props.api(path, { method: 'POST', body });
        if (review.value) review.value = { ...updated, findings: review.value.findings };
        done.value = message;
        await load();
        return true;
      }
      catch (e) {
        error.value = e.message;
        return false;
      }
    }

    function when(instant) {
      return new Date(instant).toLocaleString(language.value);
    }

    onMounted(load);
    return { reviews, names, review, messages, error, done, reason, decision, marks, wholeChat, open, appeal, decide,
      when, ruleName, t };
  },
  template: `
    <div class="reviews" :id="mode === 'appeals' ? 'appeals' : 'my-reviews'">
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <p v-if="done" class="saved banner" role="status">{{ done }}</p>
      <table v-if="!review" class="grid review-list">
        <thead><tr><th>{{ t('ops.qa.completedAt') }}</th><th v-if="mode === 'appeals'">{{ t('ops.live.agent') }}</th>
          <th>{{ t('ops.qa.rubric') }}</th><th class="num">{{ t('ops.qa.score') }}</th><th>{{ t('ops.qa.appeal') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="r in reviews" :key="r.id" :data-review="r.id">
            <td>{{ when(r.completedAt) }}</td>
            <td v-if="mode === 'appeals'">{{ names.names[r.agentId] || '–' }}</td>
            <td>{{ r.rubricName }}</td>
            <td class="num score">{{ r.score }}</td>
            <td>{{ r.appeal ? t(r.appeal.decision ? 'ops.qa.decision.' + r.appeal.decision : 'ops.qa.appealOpen') : '–' }}</td>
            <td><button type="button" class="link" data-action="open-review" @click="open(r.id)">{{ t('ops.qa.open') }}</button></td>
          </tr>
          <tr v-if="!reviews.length"><td colspan="6" class="empty">{{ mode === 'appeals' ? t('ops.qa.noAppeals') : t('ops.qa.noReviews') }}</td></tr>
        </tbody>
      </table>

      <div v-else class="review-task" id="review-detail">
        <div class="review-chat">
          <header class="conv-head">
            <strong>{{ review.rubricName }} · <span class="score" id="review-score">{{ review.score }}</span></strong>
            <span class="state">{{ when(review.completedAt) }}</span>
            <button type="button" class="link" @click="review = null">{{ t('ops.back') }}</button>
          </header>
          <ul v-if="wholeChat.length" class="findings-whole">
            <li v-for="f in wholeChat" :key="f.id"><strong>{{ ruleName(f.rule) }}</strong>: {{ f.detail }}</li>
          </ul>
          <transcript :messages="messages" :marks="marks"></transcript>
        </div>
        <div class="stack">
          <table class="grid">
            <thead><tr><th>{{ t('ops.qa.item') }}</th><th class="num">{{ t('ops.qa.points') }}</th></tr></thead>
            <tbody>
              <tr v-for="i in review.items" :key="i.itemId" :data-item="i.name">
                <td>{{ i.name }} <span class="hint">{{ t('ops.qa.weight', { weight: i.weight }) }}</span></td>
                <td class="num">{{ i.revisedPoints ?? i.points }} / {{ i.maxPoints }}<span v-if="i.revisedPoints != null" class="hint"> ({{ i.points }})</span></td>
              </tr>
            </tbody>
          </table>
          <p v-if="review.originalScore !== review.score" class="hint">{{ t('ops.qa.originalScore', { score: review.originalScore }) }}</p>
          <p v-if="review.summary"><strong>{{ t('ops.qa.summary') }}:</strong> {{ review.summary }}</p>
          <div v-if="review.appeal" class="appeal" id="appeal">
            <p><strong>{{ t('ops.qa.appeal') }}:</strong> {{ review.appeal.reason }}</p>
            <p v-if="review.appeal.decision"><strong>{{ t('ops.qa.decision.' + review.appeal.decision) }}:</strong> {{ review.appeal.decisionComment }}</p>
          </div>

          <form v-if="mode === 'mine' && !review.appeal && review.agentId === me.id" class="stack" id="appeal-form" @submit.prevent="appeal">
            <label><span>{{ t('ops.qa.appealReason') }}</span><textarea id="appeal-reason" v-model="reason" rows="3" required></textarea></label>
            <button type="submit" class="primary">{{ t('ops.qa.sendAppeal') }}</button>
          </form>

          <form v-if="mode === 'appeals' && review.appeal && !review.appeal.decision" class="stack" id="decision-form" @submit.prevent="decide">
            <fieldset>
              <legend>{{ t('ops.qa.decide') }}</legend>
              <label class="check"><input type="radio" value="UPHELD" v-model="decision.kind"> {{ t('ops.qa.uphold') }}</label>
              <label class="check"><input type="radio" value="REVISED" v-model="decision.kind"> {{ t('ops.qa.revise') }}</label>
            </fieldset>
            <template v-if="decision.kind === 'REVISED'">
              <label v-for="i in review.items" :key="i.itemId" class="score">
                <span>{{ i.name }}</span>
                <span><input type="number" min="0" :max="i.maxPoints" v-model="decision.points[i.itemId]" required> / {{ i.maxPoints }}</span>
              </label>
            </template>
            <label><span>{{ t('ops.qa.decisionComment') }}</span><textarea id="decision-comment" v-model="decision.comment" rows="3" required></textarea></label>
            <button type="submit" class="primary">{{ t('ops.qa.submitDecision') }}</button>
          </form>
        </div>
      </div>
    </div>`,
};
