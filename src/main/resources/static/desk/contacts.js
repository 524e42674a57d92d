// The contacts view (issue 14), a CRM list on the desk: contacts found by name, e-mail, phone or the site's user id,
// newest activity first; a contact's profile, conversations (each opens its transcript, as search does) and left
// messages; and, for supervisors and admins, merging another contact into this one after a side-by-side preview.
// The server decides what survives (docs/protocol.md, "Contacts"); the preview shows the same rule.
import { computed, ref } from 'vue';
import { language, t } from '/ui/i18n.js';
import { Transcript } from '/ops/transcript.js';
import { ContactRights } from '/desk/contact-rights.js';

const FIELDS = ['name', 'email', 'phone', 'externalId'];

/** What the survivor will hold: its own fields, and the other's where it has none; its attributes win. */
function merged(keep, gone) {
  const result = {};
  FIELDS.forEach((f) => { result[f] = keep[f] || gone[f] || null; });
  result.attributes = { ...gone.attributes, ...keep.attributes };
  return result;
}

export const ContactsView = {
  components: { Transcript, ContactRights },
  props: {
    /** The app's api(path, options) for JSON calls with the staff member's login. */
    api: { type: Function, required: true },
    /** The signed-in staff member ({roles, permissions}); contact.merge merges. */
    me: { type: Object, default: null },
  },
  setup(props) {
    const q = ref('');
    const results = ref(null);
    const error = ref('');
    const busy = ref(false);
    const detail = ref(null);
    const transcript = ref(null);
    const merging = ref(null);
    const notice = ref('');
    const canMerge = computed(() => (props.me?.permissions || []).includes('contact.merge'));

    async function search(page = 0) {
      const query = new URLSearchParams();
      if (q.value.trim()) query.set('q', q.value.trim());
      if (page) query.set('page', page);
      busy.value = true;
      error.value = '';
      try {
        results.value = await props.api(`/api/v1/contacts?${query}`);
      }
      catch (e) {
        error.value = e.message;
        results.value = null;
      }
      finally {
        busy.value = false;
      }
    }

    async function open(id) {
      transcript.value = null;
      merging.value = null;
      notice.value = '';
      try {
        detail.value = await props.api(`/api/v1/contacts/${id}/history`);
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function openConversation(c) {
      transcript.value = { conversation: c, messages: null, notes: [] };
      try {
        const [read, notes] = await Promise.all([
          props.api(`/api/v1/conversations/${c.id}/transcript`),
          props.api(`/api/v1/conversations/${c.id}/notes`).catch(() => []),
        ]);
        if (transcript.value?.conversation === c) transcript.value = { conversation: c, messages: read.messages, notes };
      }
      catch (e) {
        if (transcript.value?.conversation === c) transcript.value = { conversation: c, messages: [], notes: [], error: e.message };
      }
    }

    function startMerge() {
      merging.value = { q: '', candidates: null, other: null, error: '', busy: false };
    }

    async function findOther() {
      const m = merging.value;
      const query = new URLSearchParams({ size: '10' });
      if (m.q.trim()) query.set('q', m.q.trim());
      try {
        const page = await props.api(`/api/v1/contacts?${query}`);
        m.candidates = page.items.filter((c) => c.id !== detail.value.contact.id);
      }
      catch (e) {
        m.error = e.message;
      }
    }

    /** The contact picked to be merged into the open one, with what the open one would become. */
    function pick(other) {
      merging.value.other = other;
      merging.value.result = merged(detail.value.contact, other);
      merging.value.error = '';
    }

    async function confirmMerge() {
      const m = merging.value;
      m.busy = true;
      try {
        const survivor = await props.api(`/api/v1/contacts/${detail.value.contact.id}/merge`,
          { method: 'POST', body: { from: m.other.id } });
        merging.value = null;
        await Promise.all([open(survivor.id), search(results.value?.page || 0)]);
        notice.value = t('contacts.merged', { name: label(m.other) });
      }
      catch (e) {
        m.error = e.code === 'verified-identities-differ' ? t('contacts.verifiedDiffer') : e.message;
      }
      finally {
        m.busy = false;
      }
    }

    function label(c) {
      return c.name || c.email || c.phone || t('contacts.visitor', { id: c.id.slice(-6) });
    }

    function when(instant) {
      return instant ? new Date(instant).toLocaleString(language.value, { dateStyle: 'medium', timeStyle: 'short' }) : '';
    }

    search();

    return { q, results, error, busy, detail, transcript, merging, notice, canMerge, fields: FIELDS, search, open,
      openConversation, startMerge, findOther, pick, confirmMerge, label, when, t };
  },
  template: `
    <section class="contacts-view" id="contacts-view">
      <form class="search-form" id="contacts-form" role="search" @submit.prevent="search()">
        <input id="contacts-q" v-model="q" type="search" maxlength="200" :placeholder="t('contacts.placeholder')" :aria-label="t('contacts.placeholder')">
        <button type="submit" class="primary" id="contacts-go" :disabled="busy">{{ t('search.go') }}</button>
      </form>
      <p v-if="error" class="error" id="contacts-error" role="alert">{{ error }}</p>
      <div class="search-panes">
        <nav class="list search-results" id="contacts-list" :aria-label="t('contacts.tab')" :aria-busy="busy">
          <p v-if="results && !results.items.length" class="empty">{{ t('contacts.nothing') }}</p>
          <button v-for="c in results?.items || []" :key="c.id" type="button"
                  :class="['search-hit', 'contact-item', { selected: c.id === detail?.contact.id }]" :data-contact="c.id" @click="open(c.id)">
            <span class="name">{{ label(c) }}<span v-if="c.verified" class="verified" :title="t('contacts.verified')"> ✓</span></span>
            <time class="when" :datetime="c.lastSeenAt">{{ when(c.lastSeenAt) }}</time>
            <span class="facts">{{ [c.email, c.phone, c.externalId].filter(Boolean).join(' · ') }}</span>
          </button>
          <p class="pages" v-if="results && (results.page > 0 || results.hasMore)">
            <button type="button" class="link" id="contacts-previous" :disabled="results.page === 0" @click="search(results.page - 1)">{{ t('search.previous') }}</button>
            <span>{{ t('search.page', { page: results.page + 1 }) }}</span>
            <button type="button" class="link" id="contacts-next" :disabled="!results.hasMore" @click="search(results.page + 1)">{{ t('search.next') }}</button>
          </p>
        </nav>
        <main v-if="detail" class="conversation contact-detail" id="contact-detail">
          <header class="conv-head">
            <button type="button" class="link back" id="contacts-back" @click="detail = null">{{ t('contacts.back') }}</button>
            <strong id="contact-name">{{ label(detail.contact) }}</strong>
            <button v-if="canMerge && !merging" type="button" class="link" id="contact-merge" @click="startMerge">{{ t('contacts.merge') }}</button>
          </header>
          <contact-rights :key="detail.contact.id" :api="api" :me="me" :contact="detail.contact" @erased="open(detail.contact.id)"></contact-rights>
          <p v-if="notice" class="notice" id="contact-notice" role="status">{{ notice }}</p>

          <div v-if="merging" class="merge-panel" id="merge-panel">
            <p>{{ t('contacts.mergeIntro', { name: label(detail.contact) }) }}</p>
            <form class="search-form" @submit.prevent="findOther">
              <input id="merge-q" v-model="merging.q" type="search" maxlength="200" :placeholder="t('contacts.placeholder')" :aria-label="t('contacts.mergeFind')">
              <button type="submit" id="merge-find">{{ t('contacts.mergeFind') }}</button>
              <button type="button" class="link" id="merge-cancel" @click="merging = null">{{ t('contacts.cancel') }}</button>
            </form>
            <p v-if="merging.candidates && !merging.candidates.length" class="empty">{{ t('contacts.nothing') }}</p>
            <button v-for="c in merging.candidates || []" :key="c.id" type="button"
                    :class="['search-hit', 'merge-candidate', { selected: c.id === merging.other?.id }]" :data-contact="c.id" @click="pick(c)">
              <span class="name">{{ label(c) }}</span>
              <span class="facts">{{ [c.email, c.phone, c.externalId].filter(Boolean).join(' · ') }}</span>
            </button>
            <template v-if="merging.other">
              <table class="merge-preview" id="merge-preview">
                <thead><tr><th></th><th>{{ t('contacts.keeps') }}</th><th>{{ t('contacts.mergedIn') }}</th><th>{{ t('contacts.result') }}</th></tr></thead>
                <tbody>
                  <tr v-for="f in fields" :key="f" :data-field="f">
                    <th>{{ t('contacts.field.' + f) }}</th>
                    <td class="keep">{{ detail.contact[f] || '—' }}</td>
                    <td class="gone">{{ merging.other[f] || '—' }}</td>
                    <td class="result">{{ merging.result[f] || '—' }}</td>
                  </tr>
                  <tr v-if="Object.keys(merging.result.attributes).length" data-field="attributes">
                    <th>{{ t('contacts.attributes') }}</th>
                    <td class="keep"><span v-for="(v, k) in detail.contact.attributes" :key="k">{{ k }}: {{ v }}<br></span></td>
                    <td class="gone"><span v-for="(v, k) in merging.other.attributes" :key="k">{{ k }}: {{ v }}<br></span></td>
                    <td class="result"><span v-for="(v, k) in merging.result.attributes" :key="k">{{ k }}: {{ v }}<br></span></td>
                  </tr>
                </tbody>
              </table>
              <p class="hint">{{ t('contacts.mergeHint', { name: label(merging.other) }) }}</p>
              <button type="button" class="primary" id="merge-confirm" :disabled="merging.busy" @click="confirmMerge">{{ t('contacts.mergeConfirm') }}</button>
            </template>
            <p v-if="merging.error" class="error" id="merge-error" role="alert">{{ merging.error }}</p>
          </div>

          <dl class="contact-profile" id="contact-profile">
            <template v-for="f in fields" :key="f"><template v-if="detail.contact[f]">
              <dt>{{ t('contacts.field.' + f) }}</dt><dd :data-field="f">{{ detail.contact[f] }}</dd>
            </template></template>
            <template v-for="(v, k) in detail.contact.attributes" :key="k"><dt>{{ k }}</dt><dd :data-attribute="k">{{ v }}</dd></template>
            <dt>{{ t('contacts.firstSeen') }}</dt><dd>{{ when(detail.contact.createdAt) }}</dd>
            <dt>{{ t('contacts.lastSeen') }}</dt><dd>{{ when(detail.contact.lastSeenAt) }}</dd>
          </dl>

          <h3>{{ t('contacts.conversations') }}</h3>
          <p v-if="!detail.conversations?.length" class="empty">{{ t('contacts.noConversations') }}</p>
          <ul class="contact-history" id="contact-conversations">
            <li v-for="c in detail.conversations || []" :key="c.id">
              <button type="button" class="link contact-conversation" :data-conversation="c.id" @click="openConversation(c)">
                {{ when(c.createdAt) }} · {{ t('desk.state.' + c.state) }}<template v-if="c.lastMessagePreview"> · {{ c.lastMessagePreview }}</template>
              </button>
            </li>
          </ul>
          <div v-if="transcript" class="contact-transcript" id="contact-transcript">
            <p v-if="transcript.error" class="error" role="alert">{{ transcript.error }}</p>
            <transcript v-if="transcript.messages" :messages="transcript.messages" :notes="transcript.notes"></transcript>
          </div>

          <h3>{{ t('contacts.tickets') }}</h3>
          <p v-if="!detail.tickets?.length" class="empty">{{ t('contacts.noTickets') }}</p>
          <ul class="contact-history" id="contact-tickets">
            <li v-for="ticket in detail.tickets || []" :key="ticket.id" :data-ticket="ticket.id">
              {{ when(ticket.createdAt) }} · <strong>{{ ticket.subject }}</strong> · {{ t('leave.state.' + ticket.state) }}
            </li>
          </ul>
        </main>
        <main v-else class="conversation empty"><p>{{ t('contacts.pick') }}</p></main>
      </div>
    </section>`,
};
