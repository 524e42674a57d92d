// The QA queue and reviewing one conversation: why it was picked, its transcript with what inspection found marked on
// the messages, a score per rubric item, remarks on single messages (click one), a summary.
import { computed, onMounted, onUnmounted, reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { duration } from '/ops/format.js';
import { Transcript } from '/ops/transcript.js';
import { marksOf, messagesOf, ruleName, staffNames } from '/ops/qa-common.js';

export const ReviewQueue = {
  components: { Transcript },
  props: { api: Function, me: Object },
  setup(props) {
    const tasks = ref([]);
    const names = ref({ names: {}, groups: {} });
    const error = ref('');
    const done = ref('');
    const now = ref(Date.now());
    const task = ref(null);
    /** Which channel the chat under review came through. */
    const channel = ref('web');
    const findings = ref([]);
    const messages = ref([]);
    const rubrics = ref([]);
    const rubricId = ref('');
    const points = reactive({});
    const comments = ref([]);
    const commentSeq = ref(null);
    const commentText = ref('');
    const summary = ref('');
    const timer = setInterval(() => { now.value = Date.now(); }, 1000);

    const rubric = computed(() => rubrics.value.find((r) => r.id === rubricId.value) || null);
    const marks = computed(() => marksOf(findings.value, comments.value));
    const wholeChat = computed(() => findings.value.filter((f) => !f.seq));

    function age(task) {
      return duration((now.value - Date.parse(task.createdAt)) / 1000);
    }

    async function load() {
      try {
        [tasks.value, names.value] = await Promise.all([props.api('/api/v1/quality/queue'), staffNames(props.api)]);
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function open(id) {
      error.value = '';
      done.value = '';
      try {
        const detail = await props.api(`/api/v1/quality/tasks/${id}`);
        [messages.value, rubrics.value] = await Promise.all([
          messagesOf(props.api, detail.task.conversationId), props.api('/api/v1/quality/rubrics')]);
        findings.value = detail.findings;
        channel.value = detail.channel;
        task.value = detail.task;
        comments.value = [];
        summary.value = '';
        commentSeq.value = null;
        chooseRubric(rubrics.value[0]?.id || '');
      }
      catch (e) {
        error.value = e.message;
      }
    }

    /** Every item starts at its maximum: the inspector takes off what was missing. */
    function chooseRubric(id) {
      rubricId.value = id;
      Object.keys(points).forEach((k) => delete points[k]);
      rubric.value?.items.forEach((item) => { points[item.id] = item.maxPoints; });
    }

    function pick(m) {
      commentSeq.value = m.seq;
      commentText.value = '';
    }

    function addComment() {
      const text = commentText.value.trim();
      if (!text) return;
      comments.value = [...comments.value, { id: crypto.randomUUID(), seq: commentSeq.value, text }];
      commentSeq.value = null;
      commentText.value = '';
    }

    function removeComment(c) {
      comments.value = comments.value.filter((x) => x !== c);
    }

    async function submit() {
      error.value = '';
      try {
        const review = await props.api(`/api/v1/quality/tasks/${task.value.id}/review`, {
          method: 'POST',
          body: {
            rubricId: rubricId.value,
            scores: rubric.value.items.map((item) => ({ itemId: item.id, points: Number(points[item.id]) })),
            comments: comments.value.map((c) => ({ seq: c.seq, text: c.text })),
            summary: summary.value.trim() || null,
          },
        });
        done.value = t('ops.qa.reviewed', { score: review.score });
        task.value = null;
        await load();
      }
      catch (e) {
        error.value = e.message;
      }
    }

    onMounted(load);
    onUnmounted(() => clearInterval(timer));

    return {
      tasks, names, error, done, task, channel, findings, wholeChat, messages, rubrics, rubricId, rubric, points, comments,
      commentSeq, commentText, summary, marks, age, open, chooseRubric, pick, addComment, removeComment, submit,
      ruleName, t,
    };
  },
  template: `
    <div class="qa-queue">
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <p v-if="done" class="saved banner" role="status" id="review-done">{{ done }}</p>
      <template v-if="!task">
        <table class="grid" id="qa-queue">
          <thead><tr><th>{{ t('ops.qa.reasons') }}</th><th>{{ t('ops.live.agent') }}</th><th>{{ t('ops.reports.group') }}</th><th>{{ t('ops.qa.age') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="k in tasks" :key="k.id" :data-task="k.id" :data-conversation="k.conversationId">
              <td><span v-for="r in k.reasons" :key="r" class="tag">{{ t('ops.reason.' + r) }}</span></td>
              <td>{{ names.names[k.agentId] || '–' }}</td>
              <td>{{ names.groups[k.groupId] || '–' }}</td>
              <td>{{ age(k) }}</td>
              <td><button type="button" class="link" data-action="open-task" @click="open(k.id)">{{ t('ops.qa.review') }}</button></td>
            </tr>
            <tr v-if="!tasks.length"><td colspan="5" class="empty">{{ t('ops.qa.queueEmpty') }}</td></tr>
          </tbody>
        </table>
      </template>

      <div v-else class="review-task" id="review-task">
        <div class="review-chat">
          <header class="conv-head">
            <strong>{{ names.names[task.agentId] || '–' }}</strong>
            <span class="tag" id="task-channel" :data-channel="channel">{{ channel === 'web' ? t('desk.channel.web') : channel === 'api' ? t('desk.channel.api') : channel }}</span>
            <span class="state">{{ names.groups[task.groupId] || '' }} · {{ task.reasons.map((r) => t('ops.reason.' + r)).join(', ') }}</span>
            <button type="button" class="link" @click="task = null">{{ t('ops.back') }}</button>
          </header>
          <ul v-if="wholeChat.length" class="findings-whole" id="whole-chat-findings">
            <li v-for="f in wholeChat" :key="f.id"><strong>{{ ruleName(f.rule) }}</strong>: {{ f.detail }}</li>
          </ul>
          <p class="hint">{{ t('ops.qa.clickToComment') }}</p>
          <transcript :messages="messages" :marks="marks" pickable :picked="commentSeq" @pick="pick"></transcript>
        </div>
        <form class="stack score-form" id="score-form" @submit.prevent="submit">
          <div v-if="commentSeq" class="comment-box" id="comment-box">
            <label><span>{{ t('ops.qa.commentOn', { seq: commentSeq }) }}</span>
              <textarea id="comment-text" v-model="commentText" rows="2"></textarea></label>
            <span class="inline">
              <button type="button" class="secondary" id="add-comment" @click="addComment">{{ t('ops.qa.addComment') }}</button>
              <button type="button" class="link" @click="commentSeq = null">{{ t('desk.cancel') }}</button>
            </span>
          </div>
          <ul v-if="comments.length" class="rows" id="comments">
            <li v-for="c in comments" :key="c.id">#{{ c.seq }} · {{ c.text }}
              <button type="button" class="link delete" @click="removeComment(c)">{{ t('admin.delete') }}</button></li>
          </ul>
          <label><span>{{ t('ops.qa.rubric') }}</span>
            <select id="rubric" :value="rubricId" @change="chooseRubric($event.target.value)" required>
              <option v-for="r in rubrics" :key="r.id" :value="r.id">{{ r.name }}</option>
            </select>
          </label>
          <p v-if="!rubrics.length" class="hint">{{ t('ops.qa.noRubrics') }}</p>
          <fieldset v-if="rubric" id="scores">
            <legend>{{ t('ops.qa.scores') }}</legend>
            <label v-for="item in rubric.items" :key="item.id" class="score" :data-item="item.name">
              <span>{{ item.name }} <span class="hint">{{ t('ops.qa.weight', { weight: item.weight }) }}</span></span>
              <span><input type="number" min="0" :max="item.maxPoints" step="1" v-model="points[item.id]" required> / {{ item.maxPoints }}</span>
            </label>
          </fieldset>
          <label><span>{{ t('ops.qa.summary') }}</span><textarea id="review-summary" v-model="summary" rows="3"></textarea></label>
          <button type="submit" class="primary" id="submit-review" :disabled="!rubric">{{ t('ops.qa.submit') }}</button>
        </form>
      </div>
    </div>`,
};
