// The customer's card from the organization's CRM (docs/integrations.md, "CRM card") in the desk's customer panel:
// the CRM's fields and links, "loading" while the lookup is under way, and why the card is missing when the CRM is
// slow or down. It holds nothing else up: the chat works whatever the CRM does. Everything is shown as text; links
// are only http(s) (the server drops the rest; checked here again) and open in a new tab without a referrer.
import { computed, onUnmounted, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

/** While the server says "loading", ask again this often, this many times. */
const POLL_MS = 1000;
const POLLS = 10;

export const CrmCard = {
  props: {
    contactId: { type: String, required: true },
    /** The desk's api(path, options) for JSON calls with the agent's login. */
    api: { type: Function, required: true },
  },
  setup(props) {
    const card = ref(null);
    const failed = ref('');
    let round = 0;
    let timer = null;

    async function load(refresh = false) {
      clearTimeout(timer);
      const mine = ++round;
      failed.value = '';
      if (refresh) card.value = { status: 'loading', fields: [], links: [] };
      await ask(mine, refresh, 0);
    }

    async function ask(mine, refresh, polls) {
      let answer;
      try {
        answer = await props.api(`/api/v1/contacts/${props.contactId}/card${refresh ? '?refresh=true' : ''}`);
      }
      catch (e) {
        if (mine === round) failed.value = e.message;
        return;
      }
      if (mine !== round) return; // another contact, or a refresh, asked since
      card.value = answer;
      if (answer.status === 'loading' && polls < POLLS) timer = setTimeout(() => ask(mine, false, polls + 1), POLL_MS);
    }

    const links = computed(() => (card.value?.links || []).filter((l) => /^https?:\/\//i.test(l.url)));

    /** The server's reason is English; Chinese gets the translation of its code when there is one. */
    const reason = computed(() => {
      const c = card.value;
      if (language.value === 'en' || !c?.reasonCode) return c?.reason || failed.value;
      const key = `crm.reason.${c.reasonCode}`;
      return t(key) === key ? c.reason : t(key);
    });

    onUnmounted(() => { round++; clearTimeout(timer); });
    load();

    return { card, failed, links, reason, load, t };
  },
  template: `
    <section v-if="failed || (card && card.status !== 'not-configured')" class="crm-card" id="crm-card" :data-status="card?.status">
      <h2>{{ t('crm.title') }}
        <button type="button" class="link" id="crm-refresh" :title="t('crm.refresh')" @click="load(true)">{{ t('crm.refresh') }}</button>
      </h2>
      <p v-if="card?.status === 'loading'" class="crm-loading" role="status">{{ t('crm.loading') }}</p>
      <p v-else-if="failed || card?.status === 'unavailable'" class="crm-down" role="status" :title="card?.reason || failed">{{ t('crm.unavailable', { reason }) }}</p>
      <template v-else>
        <dl v-if="card.fields.length" class="crm-fields">
          <template v-for="(f, i) in card.fields" :key="i"><dt>{{ f.label }}</dt><dd>{{ f.value }}</dd></template>
        </dl>
        <p v-else class="empty">{{ t('crm.nothing') }}</p>
        <ul v-if="links.length" class="crm-links">
          <li v-for="(l, i) in links" :key="i"><a :href="l.url" target="_blank" rel="noopener noreferrer">{{ l.label }}</a></li>
        </ul>
      </template>
    </section>`,
};
