// A chat read by someone who is not in it: the supervisor watching live, the inspector scoring it, the agent reading
// their review. Messages by seq with internal notes (whispers set apart) in time order, and per message what
// inspection found and what the reviewer remarked.
import { computed } from 'vue';
import { t } from '/ui/i18n.js';
import { markdown } from '/ui/markdown.js';
import { messageText } from '/ui/message-text.js';
import { MessageTime } from '/ui/times.js';

export const Transcript = {
  props: {
    messages: { type: Array, required: true },
    notes: { type: Array, default: () => [] },
    /** seq → [{kind: 'finding' | 'comment', text}] */
    marks: { type: Object, default: () => ({}) },
    /** Messages can be picked (to remark on one). */
    pickable: { type: Boolean, default: false },
    picked: { type: Number, default: null },
  },
  components: { MessageTime },
  emits: ['pick'],
  setup(props, { emit }) {
    const items = computed(() => props.messages
      .map((m) => ({ ...m, key: m.id, side: side(m), at: m.createdAt }))
      .concat(props.notes.map((n) => ({ ...n, key: n.id, side: n.whisper ? 'whisper' : 'note', at: n.createdAt })))
      .sort((a, b) => a.at.localeCompare(b.at) || (a.seq ?? 0) - (b.seq ?? 0)));

    function side(m) {
      if (m.sender.type === 'CONTACT') return 'contact';
      if (m.sender.type === 'SYSTEM') return 'system';
      return m.sender.type === 'BOT' ? 'bot' : 'agent';
    }

    function who(m) {
      if (m.side === 'whisper') return t('desk.whisper', { name: m.authorName });
      if (m.side === 'note') return `${t('desk.note')} · ${m.authorName}`;
      return m.sender?.name || (m.side === 'contact' ? t('desk.visitor') : '');
    }

    function pick(m) {
      if (props.pickable && m.seq) emit('pick', m);
    }

    return { items, who, pick, t, render: markdown, messageText };
  },
  template: `
    <ol class="timeline transcript">
      <li v-if="!items.length" class="empty">{{ t('ops.noMessages') }}</li>
      <li v-for="m in items" :key="m.key" :data-seq="m.seq"
          :class="['msg', m.side, { flagged: marks[m.seq]?.some((x) => x.kind === 'finding'), pickable: pickable && m.seq, picked: m.seq && m.seq === picked }]"
          :tabindex="pickable && m.seq ? 0 : null" :role="pickable && m.seq ? 'button' : null"
          @click="pick(m)" @keydown.enter="pick(m)">
        <span class="who" v-if="m.side !== 'system'">{{ who(m) }}</span>
        <!-- the assistant's answers are Markdown; markdown() escapes everything before adding its own tags -->
        <div class="text rich" v-if="m.text && m.side === 'bot' && m.meta?.kind === 'answer'" v-html="render(m.text)"></div>
        <span class="text" v-else-if="m.text">{{ messageText(m) }}</span>
        <span v-for="a in m.attachments || []" :key="a.id" class="attachment">
          <a :href="a.url" target="_blank" rel="noopener">{{ a.name }}</a>
        </span>
        <message-time :at="m.at"></message-time>
        <span v-for="(x, i) in marks[m.seq] || []" :key="i" :class="['mark-note', x.kind]">{{ x.text }}</span>
      </li>
    </ol>`,
};
