// The customer's visit in the desk's customer panel (issue #14): the page they are on, where they came from, their
// device, browser and language, and the pages they viewed, newest first. The widget reports it while the chat is
// going; a small "visit" frame (dispatched by the desk as the window event kefu:visit) says when to read it again.
// Addresses are shown as text and linked only when http(s), opened without a referrer.
import { onUnmounted, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

export const VisitCard = {
  props: {
    conversationId: { type: String, required: true },
    /** The desk's api(path, options) for JSON calls with the agent's login. */
    api: { type: Function, required: true },
  },
  setup(props) {
    const visit = ref(null);
    let round = 0;

    async function load() {
      const mine = ++round;
      const answer = await props.api(`/api/v1/conversations/${props.conversationId}/visit`).catch(() => null);
      if (mine === round) visit.value = answer;
    }

    function changed(event) {
      if (event.detail?.conversationId === props.conversationId) load();
    }

    const safe = (url) => (/^https?:\/\//i.test(url || '') ? url : null);
    const time = (at) => new Date(at).toLocaleTimeString(language.value, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const label = (kind, value) => {
      const key = `visit.${kind}.${value}`;
      return t(key) === key ? value : t(key);
    };

    window.addEventListener('kefu:visit', changed);
    onUnmounted(() => { round++; window.removeEventListener('kefu:visit', changed); });
    load();

    return { visit, safe, time, label, t };
  },
  template: `
    <section v-if="visit" class="visit-card" id="visit-card">
      <h2>{{ t('visit.title') }}</h2>
      <dl class="visit-facts">
        <dt>{{ t('visit.page') }}</dt>
        <dd id="visit-page"><a v-if="safe(visit.url)" :href="visit.url" target="_blank" rel="noopener noreferrer" :title="visit.url">{{ visit.title || visit.url }}</a>
          <span class="visit-url">{{ visit.url }}</span></dd>
        <dt>{{ t('visit.referrer') }}</dt><dd id="visit-referrer">{{ visit.referrer || t('visit.direct') }}</dd>
        <dt>{{ t('visit.device') }}</dt><dd id="visit-device">{{ label('device', visit.device) }}</dd>
        <dt>{{ t('visit.browser') }}</dt><dd id="visit-browser">{{ label('browser', visit.browser) }}</dd>
        <dt>{{ t('visit.language') }}</dt><dd id="visit-language">{{ visit.language || '–' }}</dd>
      </dl>
      <h3>{{ t('visit.pages', { n: visit.pages.length }) }}</h3>
      <ol class="visit-pages" id="visit-pages" reversed>
        <li v-for="(p, i) in visit.pages.slice().reverse()" :key="i">
          <time>{{ time(p.at) }}</time>
          <a v-if="safe(p.url)" :href="p.url" target="_blank" rel="noopener noreferrer" :title="p.url">{{ p.title || p.url }}</a>
          <span v-else>{{ p.title || p.url }}</span>
        </li>
      </ol>
    </section>`,
};
