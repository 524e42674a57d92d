// Conversation search (issue 14), on the desk and in /ops/: words over messages and notes, with filters; results
// newest first with the hit marked; the chosen chat's transcript beside them. The server decides what each person may
// find (docs/decisions/0010-conversation-search.md). Snippets arrive as plain-text parts and are shown as text, never
// as HTML, so a customer's markup cannot get into the page.
import { reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';
import { Transcript } from '/ops/transcript.js';

const STATES = ['BOT', 'QUEUED', 'ASSIGNED', 'CLOSED', 'ABANDONED'];
const EMPTY = { q: '', from: '', to: '', agent: '', group: '', channel: '', state: '', rating: '', tag: '' };

export const ConversationSearch = {
  components: { Transcript },
  props: {
    /** The app's api(path, options) for JSON calls with the staff member's login. */
    api: { type: Function, required: true },
  },
  setup(props) {
    const filters = reactive({ ...EMPTY });
    const groups = ref([]);
    const agents = ref([]);
    const channels = ref(['web']);
    const tags = ref([]);
    const results = ref(null);
    const error = ref('');
    const busy = ref(false);
    const opened = ref(null);

    /** The choices for the filters: groups with their agents, and the channels in use. */
    async function loadChoices() {
      const [found, named, tagList] = await Promise.all([
        props.api('/api/v1/groups').catch(() => []),
        props.api('/api/v1/channels').catch(() => []),
        props.api('/api/v1/tags').catch(() => []),
      ]);
      tags.value = tagList;
      groups.value = found.map((g) => ({ id: g.id, name: g.name }));
      const byId = new Map();
      found.forEach((g) => g.agents.forEach((a) => byId.set(a.staffId, a.displayName)));
      agents.value = [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
      channels.value = [...new Set(['web', ...named.map((c) => c.provider)])];
    }

    async function search(page = 0) {
      const query = new URLSearchParams();
      Object.entries(filters).forEach(([name, value]) => {
        if (String(value).trim()) query.set(name, String(value).trim());
      });
      if (page) query.set('page', page);
      busy.value = true;
      error.value = '';
      try {
        results.value = await props.api(`/api/v1/conversations/search?${query}`);
      }
      catch (e) {
        error.value = e.message;
        results.value = null;
      }
      finally {
        busy.value = false;
      }
    }

    function reset() {
      Object.assign(filters, EMPTY);
      search();
    }

    async function open(hit) {
      opened.value = { hit, messages: null, notes: [] };
      try {
        const [transcript, notes] = await Promise.all([
          props.api(`/api/v1/conversations/${hit.conversationId}/transcript`),
          props.api(`/api/v1/conversations/${hit.conversationId}/notes`).catch(() => []),
        ]);
        if (opened.value?.hit === hit) opened.value = { hit, messages: transcript.messages, notes };
      }
      catch (e) {
        if (opened.value?.hit === hit) opened.value = { hit, messages: [], notes: [], error: e.message };
      }
    }

    function when(instant) {
      return instant ? new Date(instant).toLocaleString(language.value, { dateStyle: 'medium', timeStyle: 'short' }) : '';
    }

    function channelLabel(channel) {
      const key = `desk.channel.${channel}`;
      return t(key) === key ? channel : t(key);
    }

    loadChoices();
    search();

    return { filters, groups, agents, channels, tags, states: STATES, results, error, busy, opened, search, reset, open,
      when, channelLabel, t };
  },
  template: `
    <section class="search-view" id="search-view">
      <form class="search-form" id="search-form" role="search" @submit.prevent="search()">
        <input id="search-q" v-model="filters.q" type="search" maxlength="200" :placeholder="t('search.placeholder')" :aria-label="t('search.words')">
        <label>{{ t('search.from') }} <input id="search-from" v-model="filters.from" type="date"></label>
        <label>{{ t('search.to') }} <input id="search-to" v-model="filters.to" type="date"></label>
        <select id="search-agent" v-model="filters.agent" :aria-label="t('search.agent')">
          <option value="">{{ t('search.anyAgent') }}</option>
          <option v-for="a in agents" :key="a.id" :value="a.id">{{ a.name }}</option>
        </select>
        <select id="search-group" v-model="filters.group" :aria-label="t('search.group')">
          <option value="">{{ t('search.anyGroup') }}</option>
          <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
        </select>
        <select id="search-channel" v-model="filters.channel" :aria-label="t('search.channel')">
          <option value="">{{ t('search.anyChannel') }}</option>
          <option v-for="c in channels" :key="c" :value="c">{{ channelLabel(c) }}</option>
        </select>
        <select id="search-state" v-model="filters.state" :aria-label="t('search.state')">
          <option value="">{{ t('search.anyState') }}</option>
          <option v-for="s in states" :key="s" :value="s">{{ t('desk.state.' + s) }}</option>
        </select>
        <select v-if="tags.length" id="search-tag" v-model="filters.tag" :aria-label="t('search.tag')">
          <option value="">{{ t('search.anyTag') }}</option>
          <option v-for="tag in tags" :key="tag.id" :value="tag.id">{{ tag.name }}</option>
        </select>
        <select id="search-rating" v-model="filters.rating" :aria-label="t('search.rating')">
          <option value="">{{ t('search.anyRating') }}</option>
          <option v-for="r in [5, 4, 3, 2, 1]" :key="r" :value="String(r)">{{ t('search.stars', { rating: r }) }}</option>
        </select>
        <button type="submit" class="primary" id="search-go" :disabled="busy">{{ t('search.go') }}</button>
        <button type="button" class="link" id="search-reset" @click="reset">{{ t('search.reset') }}</button>
      </form>
      <p v-if="error" class="error" id="search-error" role="alert">{{ error }}</p>
      <div class="search-panes">
        <nav class="list search-results" id="search-results" :aria-label="t('search.results')" :aria-busy="busy">
          <p v-if="results && !results.items.length" class="empty">{{ t('search.nothing') }}</p>
          <button v-for="r in results?.items || []" :key="r.conversationId" type="button"
                  :class="['search-hit', { selected: r.conversationId === opened?.hit.conversationId }]"
                  :data-conversation="r.conversationId" @click="open(r)">
            <span class="name">{{ r.contactLabel || t('desk.visitor') }}</span>
            <time class="when" :datetime="r.createdAt">{{ when(r.createdAt) }}</time>
            <span class="facts">
              <span class="agent">{{ r.agentName || t('search.noAgent') }}</span> · <span class="group">{{ r.groupName }}</span>
              · <span class="channel" :data-channel="r.channel">{{ channelLabel(r.channel) }}</span>
              · <span class="state">{{ t('desk.state.' + r.state) }}</span>
              <span v-if="r.rating" class="rating" :title="t('search.rating')"> · {{ t('search.stars', { rating: r.rating }) }}</span>
            </span>
            <span :class="['snippet', r.snippet.source]"><span v-if="r.snippet.source === 'note'" class="source">{{ t('desk.note') }}: </span><template
              v-for="(p, i) in r.snippet.parts" :key="i"><mark v-if="p.hit">{{ p.text }}</mark><template v-else>{{ p.text }}</template></template></span>
          </button>
          <p class="pages" v-if="results && (results.page > 0 || results.hasMore)">
            <button type="button" class="link" id="search-previous" :disabled="results.page === 0" @click="search(results.page - 1)">{{ t('search.previous') }}</button>
            <span>{{ t('search.page', { page: results.page + 1 }) }}</span>
            <button type="button" class="link" id="search-next" :disabled="!results.hasMore" @click="search(results.page + 1)">{{ t('search.next') }}</button>
          </p>
        </nav>
        <main class="conversation search-transcript" id="search-transcript" v-if="opened">
          <header class="conv-head">
            <button type="button" class="link back" id="search-back" @click="opened = null">{{ t('search.back') }}</button>
            <strong>{{ opened.hit.contactLabel || t('desk.visitor') }}</strong>
            <span class="state">{{ when(opened.hit.createdAt) }} · {{ t('desk.state.' + opened.hit.state) }}</span>
          </header>
          <p v-if="opened.error" class="error" role="alert">{{ opened.error }}</p>
          <transcript v-if="opened.messages" :messages="opened.messages" :notes="opened.notes"></transcript>
        </main>
        <main v-else class="conversation empty search-transcript"><p>{{ t('search.pick') }}</p></main>
      </div>
    </section>`,
};
