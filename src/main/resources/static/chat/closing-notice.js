// "We reopen Monday 09:00": when a closed service opens next (the widget settings' nextOpening), told in the
// visitor's language and in the service's own time zone, which is named when the visitor's clock differs from it.
import { computed } from 'vue';
import { language, t } from '/ui/i18n.js';

// Chinese customers say 北京时间, not the name Intl gives the zone (中国标准时间).
const BEIJING = ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC'];
const WEEK = 7 * 24 * 3600 * 1000;

/** The offset in minutes that an ISO time like 2026-03-09T09:00:00+08:00 carries (Z or none: 0). */
function offsetOf(iso) {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function zoneName(timeZone, at, lang) {
  if (BEIJING.includes(timeZone)) return t('closing.beijingTime');
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'long' }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : timeZone;
  } catch {
    return timeZone;
  }
}

/** Monday 09:00, or with the date when it is a week or more away; in the service's zone. */
export function reopening(nextOpening, timeZone, lang, now = new Date()) {
  const at = new Date(nextOpening);
  const zone = { timeZone, hourCycle: 'h23' };
  const weekday = new Intl.DateTimeFormat(lang, { ...zone, weekday: lang === 'zh-CN' ? 'short' : 'long' }).format(at);
  const time = new Intl.DateTimeFormat(lang, { ...zone, hour: '2-digit', minute: '2-digit' }).format(at);
  const date = at - now >= WEEK - 3600 * 1000
    ? new Intl.DateTimeFormat(lang, { ...zone, month: 'long', day: 'numeric' }).format(at) : '';
  const when = lang === 'zh-CN' ? [date, weekday, time] : [weekday + (date ? ',' : ''), date, time];
  const differs = -at.getTimezoneOffset() !== offsetOf(nextOpening);
  const text = when.filter(Boolean).join(' ');
  return differs ? t('closing.reopensIn', { when: text, zone: zoneName(timeZone, at, lang) })
    : t('closing.reopens', { when: text });
}

export const ClosingNotice = {
  props: { settings: { type: Object, required: true } },
  setup(props) {
    const text = computed(() => (props.settings.nextOpening && props.settings.timeZone
      ? reopening(props.settings.nextOpening, props.settings.timeZone, language.value) : ''));
    return { text };
  },
  template: `<p v-if="text" class="closing-notice" id="closing-notice">{{ text }}</p>`,
};
