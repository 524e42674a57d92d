// How a call-back request's window reads, the same on the widget and on the desk: "as soon as possible", or its day
// and hours in the reader's own time zone.
import { language, t } from '/ui/i18n.js';

/** A window {from, until} (ISO instants; none for as soon as possible) as the reader says it. */
export function windowText(callback) {
  if (!callback?.from) return t('callback.asap');
  const from = new Date(callback.from);
  const until = new Date(callback.until);
  const today = new Date();
  const sameDay = (a, b) => a.toDateString() === b.toDateString();
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  const day = sameDay(from, today) ? t('callback.today') : sameDay(from, tomorrow) ? t('callback.tomorrow')
    : from.toLocaleDateString(language.value);
  const time = (d) => d.toLocaleTimeString(language.value, { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} ${time(from)}–${time(until)}`;
}

