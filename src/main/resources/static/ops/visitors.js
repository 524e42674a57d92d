// Visitors on the site: the visits the widget loader reported in the last five minutes, most recently active first,
// with the page each is on, where it came from and its device. Read once for the count, then every 10 s while open.
import { onMounted, onUnmounted, ref } from 'vue';
import { t } from '/ui/i18n.js';
import { duration } from '/ops/format.js';

const REFRESH_MS = 10000;

export const VisitorsPanel = {
  props: { api: Function },
  setup(props) {
    const shown = ref(false);
    const visitors = ref(null);
    const readAt = ref(Date.now());
    const error = ref('');
    let timer = null;

    async function read() {
      try {
        visitors.value = await props.api('/api/v1/supervision/visitors');
        readAt.value = Date.now();
        error.value = '';
      }
      catch (e) {
        error.value = e.message;
      }
    }

    function toggle() {
      shown.value = !shown.value;
      clearInterval(timer);
      timer = null;
      if (shown.value) {
        read();
        timer = setInterval(read, REFRESH_MS);
      }
    }

    /** How long ago, from the server's time, as of the last read. */
    function ago(at) {
      return duration((readAt.value - Date.parse(at)) / 1000);
    }

    function onSite(v) {
      return duration((Date.parse(v.lastSeen) - Date.parse(v.firstSeen)) / 1000);
    }

    // Once on arrival, so the count shows while the list is closed.
    onMounted(read);
    onUnmounted(() => clearInterval(timer));
    return { shown, visitors, error, toggle, ago, onSite, t };
  },
  template: `
    <section class="visitors-online" id="visitors-online">
      <button type="button" class="group-head" :aria-expanded="shown" aria-controls="visitors-list" @click="toggle">
        <strong>{{ t('ops.visitors.title') }}</strong>
        <span v-if="visitors" class="count">{{ visitors.length }}</span>
      </button>
      <div v-if="shown" id="visitors-list">
        <p class="hint">{{ t('ops.visitors.hint') }}</p>
        <p v-if="error" class="error" role="alert">{{ error }}</p>
        <p v-if="visitors && !visitors.length" class="empty">{{ t('ops.visitors.none') }}</p>
        <div v-else-if="visitors" class="table-wrap">
          <table>
            <thead><tr>
              <th>{{ t('ops.visitors.page') }}</th><th>{{ t('ops.visitors.referrer') }}</th>
              <th>{{ t('ops.visitors.device') }}</th><th>{{ t('ops.visitors.language') }}</th>
              <th>{{ t('ops.visitors.pages') }}</th><th>{{ t('ops.visitors.onSite') }}</th><th>{{ t('ops.visitors.lastSeen') }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="v in visitors" :key="v.id" :data-visit="v.id">
                <td class="page"><a :href="v.url" target="_blank" rel="noopener noreferrer" :title="v.url">{{ v.title || v.url }}</a></td>
                <td class="referrer" :title="v.referrer">{{ v.referrer || t('visit.direct') }}</td>
                <td>{{ t('visit.device.' + v.device) }} · {{ t('visit.browser.' + v.browser) }}</td>
                <td>{{ v.language || '–' }}</td>
                <td class="pages">{{ v.pageViews }}</td>
                <td class="clock">{{ onSite(v) }}</td>
                <td class="clock">{{ t('ops.visitors.ago', { time: ago(v.lastSeen) }) }}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
    </section>`,
};
