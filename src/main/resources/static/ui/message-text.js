// A message's text as this reader sees it. A system line ("Li Na is now serving you") comes as a key of the catalogs
// in ui/i18n.js with its parameters, and is shown in the reader's language; its stored text (English) is the fallback
// for a line this page does not know yet, and for lines stored before they had keys.
import { t, translations } from '/ui/i18n.js';

export function messageText(m) {
  return m.textKey && translations(m.textKey).length ? t(m.textKey, m.textParams || {}) : m.text;
}
