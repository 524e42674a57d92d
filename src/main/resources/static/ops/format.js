// How the staff app writes times and shares, the same on every tab.

/** Seconds as m:ss, or h:mm:ss from an hour on; a dash for nothing measured. */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(seconds)) return '–';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** A share from 0 to 1 as a whole percentage. */
export function percent(share) {
  return share == null ? '–' : `${Math.round(share * 100)}%`;
}

/** A plain number with at most one decimal. */
export function number(value) {
  return value == null ? '–' : String(Math.round(value * 10) / 10);
}

/** A calendar day as the API takes it (YYYY-MM-DD), in the browser's time zone. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
