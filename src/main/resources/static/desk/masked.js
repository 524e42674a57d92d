// #15 masking: a message whose card or ID number was masked before it was stored says so. Where the organization
// masks on display, admins and supervisors may reveal the clear text; the server audits every reveal.
import { reactive } from 'vue';
import { t } from '/ui/i18n.js';
import { request } from '/ui/live.js';

const TOKEN = 'kefu.staff.token';

/** Per signed-in token: whether to offer a reveal, asked once; and what was revealed, by message id. */
const state = reactive({ token: null, mayReveal: false, revealed: {}, failed: {} });

function policy() {
  const token = sessionStorage.getItem(TOKEN);
  if (state.token !== token) {
    Object.assign(state, { token, mayReveal: false, revealed: {}, failed: {} });
    if (token) {
      request('/api/v1/privacy/reveal-policy', { token })
        .then((p) => { if (state.token === token) state.mayReveal = p.mayReveal; })
        .catch(() => {});
    }
  }
  return state;
}

export const MaskedMark = {
  props: { m: { type: Object, required: true } },
  setup() {
    return { t, state: policy() };
  },
  methods: {
    async reveal() {
      try {
        const path = `/api/v1/conversations/${this.m.conversationId}/messages/${this.m.id}/reveal`;
        const revealed = await request(path, { method: 'POST', token: state.token });
        state.revealed[this.m.id] = revealed.text;
      }
      catch (e) {
        state.failed[this.m.id] = e.message;
      }
    },
  },
  template: `<span class="masked-mark" data-masked>
      <span class="label" :title="t('desk.masked.title')">{{ t('desk.masked') }}</span>
      <button v-if="state.mayReveal && m.id && state.revealed[m.id] === undefined" type="button" class="link reveal"
              @click="reveal">{{ t('desk.reveal') }}</button>
      <span v-if="state.revealed[m.id] !== undefined" class="revealed" data-revealed>{{ state.revealed[m.id] }}</span>
      <span v-if="state.failed[m.id]" class="error" role="alert">{{ t('desk.revealFailed', { error: state.failed[m.id] }) }}</span>
    </span>`,
};
