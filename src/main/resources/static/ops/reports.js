// Reports for every staff member, each within what they may see (docs/metrics.md): days from–to, by period, split by
// center, group, agent, channel, disposition code or tag, filtered by a group, a tag or a disposition code. Charts of
// volume, speed and satisfaction per period over the whole selection, a
// table of the split rows with the totals, and the same rows as CSV.
import { nextTick, onMounted, onUnmounted, reactive, ref, watch } from 'vue';
import * as echarts from 'echarts';
import { language, t } from '/ui/i18n.js';
import { duration, number, percent } from '/ops/format.js';

const PERIODS = ['day', 'week', 'month'];
const SPLITS = ['organization', 'center', 'group', 'agent', 'channel', 'disposition', 'tag'];

/** The table's columns: the figure and how it is written. */
const COLUMNS = [
  ['conversations', number], ['offered', number], ['answered', number], ['abandoned', number],
  ['answerRate', percent], ['avgWaitSeconds', duration], ['avgFirstResponseSeconds', duration],
  ['avgHandleSeconds', duration], ['satisfaction', percent], ['avgRating', number], ['tickets', number],
  ['callbacks', number], ['callbacksReached', number], ['qaScore', number],
];

/** The first days of the periods from–to (YYYY-MM-DD): each day, each week's Monday or each month's 1st. */
export function periodsOf(from, to, period) {
  const day = (text) => new Date(`${text}T00:00:00Z`);
  const text = (date) => date.toISOString().slice(0, 10);
  const start = day(from);
  if (period === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (period === 'month') start.setUTCDate(1);
  const periods = [];
  for (const at = start; at <= day(to) && periods.length < 400; ) {
    periods.push(text(at));
    if (period === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
    else at.setUTCDate(at.getUTCDate() + (period === 'week' ? 7 : 1));
  }
  return periods;
}

export const ReportsView = {
  props: { api: Function, token: String, me: Object },
  setup(props) {
    // report.read widens the figures past one's own (to its groups, or the organization): then groups are offered.
    const supervises = (props.me.permissions || []).includes('report.read');
    // Empty dates on the first run: the server fills in its last 7 days in the organization's time zone.
    const filter = reactive({ from: '', to: '', period: 'day', by: 'organization', groupId: '', tagId: '', dispositionId: '' });
    const report = ref(null);
    const overall = ref(null);
    const groups = ref([]);
    const tags = ref([]);
    const dispositions = ref([]);
    const error = ref('');
    const downloaded = ref('');
    const volumeChart = ref(null);
    const speedChart = ref(null);
    const satisfactionChart = ref(null);
    const charts = [];

    function query(by, format = 'json') {
      const q = new URLSearchParams({ period: filter.period, by, format });
      if (filter.from) q.set('from', filter.from);
      if (filter.to) q.set('to', filter.to);
      if (filter.groupId) q.set('groupId', filter.groupId);
      if (filter.tagId) q.set('tagId', filter.tagId);
      if (filter.dispositionId) q.set('dispositionId', filter.dispositionId);
      return `/api/v1/reports/kpis?${q}`;
    }

    let runs = 0;

    /**
     * Show, and each change of the split, asks again, maybe before the last answer is in: only the newest ask's
     * answer is shown.
     */
    async function run() {
      const round = ++runs;
      error.value = '';
      downloaded.value = '';
      try {
        const shown = await props.api(query(filter.by));
        // The charts are per period over the whole selection: ratios of a split cannot be added up here.
        const whole = filter.by === 'organization' ? shown : await props.api(query('organization'));
        if (round !== runs) return;
        report.value = shown;
        overall.value = whole;
        filter.from = report.value.from;
        filter.to = report.value.to;
        await nextTick();
        draw();
      }
      catch (e) {
        if (round === runs) error.value = e.message;
      }
    }

    function draw() {
      charts.splice(0).forEach((c) => c.dispose());
      if (!overall.value) return;
      // Every period of the range on the axis, also those without a finished chat (the API leaves them out).
      const byPeriod = new Map(overall.value.rows.map((r) => [r.period, r]));
      const periods = periodsOf(overall.value.from, overall.value.to, overall.value.period);
      const rows = periods.map((p) => byPeriod.get(p) || { period: p, figures: { offered: 0, answered: 0, abandoned: 0 } });
      const series = (key, type, scale = (v) => v) => ({
        name: t(`ops.kpi.${key}`), type, data: rows.map((r) => (r.figures[key] == null ? null : scale(r.figures[key]))),
        connectNulls: true,
      });
      const base = (unit) => ({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: periods }, yAxis: { type: 'value', name: unit, minInterval: 1 },
      });
      const plot = (el, option) => {
        if (!el) return;
        const chart = echarts.init(el, null, { renderer: 'canvas', locale: language.value === 'zh-CN' ? 'ZH' : 'EN' });
        chart.setOption(option);
        charts.push(chart);
      };
      plot(volumeChart.value, { ...base(''), series: ['offered', 'answered', 'abandoned'].map((k) => series(k, 'bar')) });
      plot(speedChart.value, { ...base(t('ops.unit.seconds')),
        series: ['avgFirstResponseSeconds', 'avgHandleSeconds'].map((k) => series(k, 'line')) });
      plot(satisfactionChart.value, { ...base('%'), yAxis: { type: 'value', name: '%', min: 0, max: 100 },
        series: [series('satisfaction', 'line', (v) => Math.round(v * 100))] });
    }

    /** CSV needs the bearer header, so it is fetched and handed to the browser as a file of its own. */
    async function download() {
      error.value = '';
      try {
        const response = await fetch(query(filter.by, 'csv'), { headers: { authorization: `Bearer ${props.token}` } });
        if (!response.ok) {
          const problem = await response.json().catch(() => null);
          throw new Error(problem?.detail || `HTTP ${response.status}`);
        }
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '')?.[1] || 'kefu-kpis.csv';
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: name });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        downloaded.value = name;
      }
      catch (e) {
        error.value = e.message;
      }
    }

    const resize = () => charts.forEach((c) => c.resize());
    onMounted(async () => {
      window.addEventListener('resize', resize);
      if (supervises) {
        const live = await props.api('/api/v1/supervision/overview').catch(() => null);
        groups.value = (live?.centers || []).flatMap((c) => c.groups.map((g) => ({ id: g.id, name: `${c.name} · ${g.name}` })));
      }
      // Tags and disposition codes to filter by; a report without them still runs if they do not load.
      const [tagList, choice] = await Promise.all([props.api('/api/v1/tags').catch(() => []),
        props.api('/api/v1/dispositions').catch(() => ({ codes: [] }))]);
      tags.value = tagList;
      dispositions.value = choice.codes;
      run();
    });
    onUnmounted(() => {
      window.removeEventListener('resize', resize);
      charts.splice(0).forEach((c) => c.dispose());
    });
    watch(language, () => nextTick(draw));

    return {
      filter, report, groups, tags, dispositions, error, downloaded, supervises, volumeChart, speedChart, satisfactionChart, run, download,
      PERIODS, SPLITS, COLUMNS, t,
    };
  },
  template: `
    <section class="panel reports" id="reports">
      <form class="inline filters" id="report-filter" @submit.prevent="run">
        <label><span>{{ t('ops.reports.from') }}</span><input type="date" id="report-from" v-model="filter.from" required></label>
        <label><span>{{ t('ops.reports.to') }}</span><input type="date" id="report-to" v-model="filter.to" required></label>
        <label><span>{{ t('ops.reports.period') }}</span>
          <select id="report-period" v-model="filter.period"><option v-for="p in PERIODS" :key="p" :value="p">{{ t('ops.period.' + p) }}</option></select>
        </label>
        <label><span>{{ t('ops.reports.by') }}</span>
          <select id="report-by" v-model="filter.by" @change="run"><option v-for="s in SPLITS" :key="s" :value="s">{{ t('ops.by.' + s) }}</option></select>
        </label>
        <label v-if="supervises"><span>{{ t('ops.reports.group') }}</span>
          <select id="report-group" v-model="filter.groupId">
            <option value="">{{ t('ops.reports.allGroups') }}</option>
            <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
          </select>
        </label>
        <label v-if="tags.length"><span>{{ t('ops.reports.tag') }}</span>
          <select id="report-tag" v-model="filter.tagId">
            <option value="">{{ t('ops.reports.anyTag') }}</option>
            <option v-for="tg in tags" :key="tg.id" :value="tg.id">{{ tg.name }}</option>
          </select>
        </label>
        <label v-if="dispositions.length"><span>{{ t('ops.reports.disposition') }}</span>
          <select id="report-disposition" v-model="filter.dispositionId">
            <option value="">{{ t('ops.reports.anyDisposition') }}</option>
            <option v-for="d in dispositions" :key="d.id" :value="d.id">{{ d.label }}</option>
          </select>
        </label>
        <button type="submit" class="primary">{{ t('ops.reports.show') }}</button>
        <button type="button" class="secondary" id="download-csv" @click="download">{{ t('ops.reports.csv') }}</button>
        <span v-if="downloaded" class="hint" role="status" id="downloaded">{{ t('ops.reports.downloaded', { name: downloaded }) }}</span>
      </form>
      <p v-if="error" class="error" role="alert">{{ error }}</p>
      <p v-if="report" class="hint">{{ t('ops.reports.zone', { zone: report.timeZone }) }}</p>
      <div class="charts">
        <figure><figcaption>{{ t('ops.chart.volume') }}</figcaption><div ref="volumeChart" class="chart" id="chart-volume"></div></figure>
        <figure><figcaption>{{ t('ops.chart.speed') }}</figcaption><div ref="speedChart" class="chart" id="chart-speed"></div></figure>
        <figure><figcaption>{{ t('ops.chart.satisfaction') }}</figcaption><div ref="satisfactionChart" class="chart" id="chart-satisfaction"></div></figure>
      </div>
      <div class="table-wrap">
        <table class="grid kpis" id="kpi-table">
          <thead>
            <tr><th scope="col">{{ t('ops.reports.periodCol') }}</th><th scope="col">{{ t('ops.by.' + (report?.by || filter.by)) }}</th>
              <th v-for="[key] in COLUMNS" :key="key" scope="col" class="num">{{ t('ops.kpi.' + key) }}</th></tr>
          </thead>
          <tbody>
            <tr v-for="r in report?.rows || []" :key="r.period + (r.key || '')" class="row">
              <td>{{ r.period }}</td><td>{{ r.label }}</td>
              <td v-for="[key, show] in COLUMNS" :key="key" class="num" :data-figure="key">{{ show(r.figures[key]) }}</td>
            </tr>
            <tr v-if="report && !report.rows.length"><td :colspan="COLUMNS.length + 2" class="empty">{{ t('ops.reports.none') }}</td></tr>
          </tbody>
          <tfoot v-if="report">
            <tr class="totals"><th scope="row" colspan="2">{{ t('ops.reports.totals') }}</th>
              <td v-for="[key, show] in COLUMNS" :key="key" class="num" :data-figure="key">{{ show(report.totals[key]) }}</td></tr>
          </tfoot>
        </table>
      </div>
    </section>`,
};
