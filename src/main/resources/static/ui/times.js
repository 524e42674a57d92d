// When a message was written, the same in the widget, the desk and transcripts: the time alone for today, the date
// as well for older ones, in the reader's language and time zone; the full date and time on hover.
import { language } from '/ui/i18n.js';

const formats = new Map();

function format(lang, options) {
  const key = `${lang}|${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(lang, options));
  return formats.get(key);
}

const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "14:05" today, "3 Mar 14:05" this year, "3 Mar 2024 14:05" before; an empty string for no time. */
export function shortTime(at, lang = language.value, now = new Date()) {
  if (!at) return '';
  const when = new Date(at);
  if (when.toDateString() === now.toDateString()) return format(lang, CLOCK).format(when);
  const year = when.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' };
  return format(lang, { month: 'short', day: 'numeric', ...year, ...CLOCK }).format(when);
}

/** The whole timestamp, with weekday and seconds, for the tooltip. */
export function fullTime(at, lang = language.value) {
  if (!at) return '';
  return format(lang, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(at));
}

/** <message-time :at="m.createdAt">: a <time> element with the short form shown and the full one on hover. */
export const MessageTime = {
  props: { at: { type: String, default: '' } },
  setup(props) {
    return { shortTime, fullTime, props };
  },
  template: `<time v-if="at" class="at" :datetime="at" :title="fullTime(at)">{{ shortTime(at) }}</time>`,
};
