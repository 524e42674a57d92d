// An organization's public help center at /help/<slug>: instant search (by words and by meaning), categories,
// articles rendered from Markdown, "did this help?" votes, and a link to ask for a call back (the widget's form).
import { createApp, computed, ref, watch } from 'vue';
import { language, setLanguage, t } from '/ui/i18n.js';
import { request } from '/ui/live.js';
import { markdown, markdownSnippet } from '/ui/markdown.js';

const org = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || 'demo');
const api = `/api/v1/help/${encodeURIComponent(org)}`;

createApp({
  setup() {
    const settings = ref({});
    const query = ref('');
    const results = ref([]);
    const searched = ref(false);
    const categories = ref([]);
    const category = ref(null);
    const articles = ref([]);
    const article = ref(null);
    const voted = ref(false);
    const error = ref('');
    let timer = null;

    const color = computed(() => settings.value.primaryColor || '#1677ff');
    const title = computed(() => settings.value.title || t('help.title'));
    const topCategories = computed(() => categories.value.filter((c) => !c.parentId));

    watch(query, (q) => {
      clearTimeout(timer);
      searched.value = false;
      if (!q.trim()) { results.value = []; return; }
      timer = setTimeout(async () => {
        results.value = await request(`${api}/search?q=${encodeURIComponent(q.trim())}`).catch(() => []);
        searched.value = true;
      }, 150);
    });

    async function load() {
      try {
        settings.value = await request(`/api/v1/widget/${encodeURIComponent(org)}`).catch(() => ({}));
        categories.value = await request(`${api}/categories`);
        await list();
        const id = location.hash.slice(1);
        if (id) await open(id);
      }
      catch (e) {
        error.value = e.status === 404 ? t('help.unknown') : e.message;
      }
    }

    async function list() {
      articles.value = await request(`${api}/articles${category.value ? `?categoryId=${category.value}` : ''}`);
    }

    async function pick(id) {
      category.value = id;
      await list();
    }

    async function open(id) {
      article.value = await request(`${api}/articles/${id}`);
      voted.value = false;
      query.value = '';
      history.replaceState(null, '', `#${id}`);
      window.scrollTo(0, 0);
    }

    function goHome() {
      article.value = null;
      query.value = '';
      history.replaceState(null, '', location.pathname);
    }

    async function vote(helpful) {
      voted.value = true;
      await request(`${api}/articles/${article.value.id}/votes`, { method: 'POST', body: { helpful } }).catch(() => {});
    }

    function switchLanguage() {
      setLanguage(language.value === 'en' ? 'zh-CN' : 'en');
    }

    watch([language, title], () => { document.title = title.value; }, { immediate: true });
    setLanguage(language.value);
    load();

    return {
      query, results, searched, categories, topCategories, category, articles, article, voted, error, color, title,
      home: location.pathname, callbackLink: `/chat/?org=${encodeURIComponent(org)}&callback=1`, t, render: markdown, renderSnippet: markdownSnippet, open, pick, goHome, vote, switchLanguage,
    };
  },
}).mount('#app');
