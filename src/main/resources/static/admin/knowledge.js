// The knowledge base tab: list and search articles and FAQ entries, write them with a Markdown preview, compare and
// restore versions, import and export FAQ files, and answer the questions the assistant could not (gaps).
import { computed, reactive, watch } from 'vue';
import { language, t } from '/ui/i18n.js';
import { markdown } from '/ui/markdown.js';
import { request, upload } from '/ui/live.js';

const KB = '/api/v1/knowledge';
const PAGE = 50;
const GAP_PHRASINGS = 10;
const STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const KINDS = ['FAQ', 'ARTICLE'];
const DIFF_CLASS = { '=': 'same', '-': 'removed', '+': 'added' };
const NEW_ARTICLE = { id: null, version: null, kind: 'FAQ', title: '', body: '', phrasings: '', categoryId: null, tags: '',
  status: 'DRAFT', reviewBy: '' };

// Phrasings are edited one per line, tags comma separated (the Chinese comma too): both are sent as lists.
const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const commas = (text) => text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
const today = () => new Date().toLocaleDateString('sv'); // 'sv' formats as YYYY-MM-DD, the API's dates
/** For handlers the page calls: api() has already put a failure on screen, so it must not also reject. */
const quiet = (action) => (...args) => action(...args).catch(() => {});

/**
 * The tab's state and actions. {api, guard, change} are the console's: api() for JSON, guard() puts any other
 * call's failure on screen, change(action, reload) shows "saved" and reloads.
 */
export function knowledgeBase({ api, guard, change, token }) {
  const kb = reactive({
    statuses: STATUSES, kinds: KINDS, diffClass: DIFF_CLASS,
    articles: [], more: false, filter: { status: '', reviewDue: false }, query: '', hits: null,
    categories: [], newCategory: { name: '', parentId: null }, draft: { ...NEW_ARTICLE }, stale: false,
    versions: [], compareFrom: null, compareTo: null, comparison: null,
    importStatus: 'DRAFT', importFile: null, importRound: 0, report: null, gaps: [], gapsError: '',
  });
  kb.preview = computed(() => markdown(kb.draft.body));
  kb.categoryPaths = computed(() => categoryPaths(kb.categories));

  /** What the tab shows; called after each change. */
  kb.load = quiet(() => Promise.all([list(), loadCategories(), search()]));

  /** When the tab opens, the gaps as well: grouping questions by meaning is costly, so not after every save. */
  kb.tabOpened = () => Promise.all([kb.load(), kb.loadGaps()]);

  let lists = 0;

  async function list(append = false) {
    const round = ++lists;
    const offset = append ? kb.articles.length : 0;
    const params = new URLSearchParams({ status: kb.filter.status, reviewDue: kb.filter.reviewDue, limit: PAGE + 1, offset });
    const page = await api(`${KB}/articles?${params}`);
    // Saves and filters ask again before an answer is in: a late answer to an older ask must not win.
    if (round !== lists) return;
    // One more than a page was asked for, so "more" shows only when there is more.
    kb.more = page.length > PAGE;
    kb.articles = [...(append ? kb.articles : []), ...page.slice(0, PAGE)];
  }

  kb.list = quiet(list);
  kb.refilter = quiet(() => Promise.all([list(), search()]));

  async function loadCategories() {
    kb.categories = await api(`${KB}/categories`);
  }

  /** A failure here is shown in the gaps' own place: it must not hide what the editor is working on. */
  kb.loadGaps = async () => {
    kb.gapsError = '';
    try {
      kb.gaps = await request('/api/v1/assistant/gaps?days=30', { token: token.value });
    }
    catch (e) {
      kb.gaps = [];
      kb.gapsError = t('admin.kb.gapsFailed', { reason: e.message });
    }
  };

  /** Search by words and meaning; an empty box goes back to the list. */
  async function search() {
    const q = kb.query.trim();
    if (!q) { kb.hits = null; return; }
    const params = new URLSearchParams({ q });
    if (kb.filter.status) params.set('status', kb.filter.status);
    const hits = await api(`${KB}/search?${params}`);
    if (kb.query.trim() === q) kb.hits = hits; // an answer to an older query, typed over meanwhile, is dropped
  }

  // Searches as the editor types, once they pause.
  let typing = null;
  watch(() => kb.query, () => { clearTimeout(typing); typing = setTimeout(quiet(search), 300); });

  kb.clearSearch = () => { kb.query = ''; kb.hits = null; };

  kb.isDue = (article) => Boolean(article.reviewBy) && article.status !== 'ARCHIVED' && article.reviewBy < today();

  kb.categoryName = (id) => kb.categoryPaths.find((c) => c.id === id)?.path || '';

  kb.when = (instant) => new Date(instant).toLocaleString(language.value);

  /** A compared field's value as an editor reads it: names, not ids; lists one after another. */
  kb.fieldText = (field, value) => {
    if (field === 'categoryId') return value ? kb.categoryName(value) : t('admin.kb.noCategory');
    if (field === 'status') return t('admin.kb.status.' + value);
    return Array.isArray(value) ? value.join(' · ') : String(value ?? '');
  };

  kb.edit = (article) => {
    Object.assign(kb.draft, { ...NEW_ARTICLE }, article ? fromArticle(article) : {});
    Object.assign(kb, { stale: false, versions: [], comparison: null });
    if (article) quiet(loadVersions)();
  };

  kb.show = quiet(async (id) => kb.edit(await api(`${KB}/articles/${id}`)));

  /** A gap becomes a new FAQ entry: its most typical question as the title, how else it was asked as phrasings. */
  kb.answerGap = (gap) => {
    kb.edit(null);
    const others = [...new Set(gap.texts.filter((text) => text !== gap.example))].slice(0, GAP_PHRASINGS);
    Object.assign(kb.draft, { kind: 'FAQ', title: gap.example, phrasings: others.join('\n') });
  };

  /** Creates, or saves over the version that was loaded: someone else's save in between is refused, not lost. */
  kb.save = () => change(async () => {
    const { id, version } = kb.draft;
    const body = toRequest(kb.draft);
    const saved = await api(id ? `${KB}/articles/${id}` : `${KB}/articles`,
      { method: id ? 'PUT' : 'POST', body: id ? { ...body, expectedVersion: version } : body })
      .catch((e) => { kb.stale = e.code === 'stale-version'; throw e; });
    kb.edit(saved);
  }, kb.load);

  /** After a refused save: the article as it is now, the editor's unsaved change given up. */
  kb.reload = () => kb.show(kb.draft.id);

  async function loadVersions() {
    const id = kb.draft.id;
    const versions = await api(`${KB}/articles/${id}/versions`);
    if (kb.draft.id !== id) return; // another article was opened meanwhile
    kb.versions = versions;
    kb.compareTo = versions[0]?.version ?? null;
    kb.compareFrom = versions[1]?.version ?? kb.compareTo;
  }

  kb.compare = quiet(async () => {
    kb.comparison = await api(`${KB}/articles/${kb.draft.id}/compare?from=${kb.compareFrom}&to=${kb.compareTo}`);
  });

  /** Restoring saves the old content as a new version; the history stays as it was. */
  kb.restore = (v) => change(async () => {
    kb.edit(await api(`${KB}/articles/${kb.draft.id}/versions/${v.version}/restore`, { method: 'POST' }));
  }, kb.load);

  kb.addCategory = () => change(async () => {
    const created = await api(`${KB}/categories`, { method: 'POST', body: { ...kb.newCategory } });
    Object.assign(kb.newCategory, { name: '', parentId: null });
    kb.draft.categoryId = created.id;
  }, loadCategories);

  kb.pickFile = (event) => { kb.importFile = event.target.files[0] || null; };

  kb.importFaq = () => change(async () => {
    kb.report = null;
    kb.report = await guard(() => upload(`${KB}/import?status=${kb.importStatus}`, kb.importFile, { token: token.value }));
    // A new file input, empty: a second click on "import" must not load the same entries twice.
    Object.assign(kb, { importFile: null, importRound: kb.importRound + 1 });
  }, kb.load);

  /** The export needs the bearer token, so it is fetched and handed to the browser as a file. */
  kb.download = quiet((format) => guard(async () => {
    const response = await fetch(`${KB}/export${format === 'csv' ? '?format=csv' : ''}`,
      { headers: { authorization: `Bearer ${token.value}` } });
    if (!response.ok) throw await problem(response);
    saveAs(await response.blob(), `faq.${format}`);
  }));

  return kb;
}

function fromArticle(a) {
  return { id: a.id, version: a.version, kind: a.kind, title: a.title, body: a.body, phrasings: a.phrasings.join('\n'),
    categoryId: a.categoryId ?? null, tags: a.tags.join(', '), status: a.status, reviewBy: a.reviewBy || '' };
}

function toRequest(d) {
  return { kind: d.kind, title: d.title, body: d.body, categoryId: d.categoryId || null, tags: commas(d.tags),
    phrasings: d.kind === 'FAQ' ? lines(d.phrasings) : [], status: d.status, reviewBy: d.reviewBy || null };
}

/** Every category with its path from the root ("Payments / Cards"), in path order, for the select. */
function categoryPaths(categories) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path = (c, seen = new Set()) => (c.parentId && byId.has(c.parentId) && !seen.has(c.id)
    ? `${path(byId.get(c.parentId), seen.add(c.id))} / ${c.name}` : c.name);
  return categories.map((c) => ({ id: c.id, path: path(c) })).sort((a, b) => a.path.localeCompare(b.path));
}

async function problem(response) {
  const data = await response.json().catch(() => null);
  return Object.assign(new Error(data?.detail || `HTTP ${response.status}`), { status: response.status, code: data?.code });
}

function saveAs(blob, name) {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
