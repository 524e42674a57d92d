// Whether the answer to a left message is e-mailed, said truthfully in the answer box: mailed to the address the
// customer gave (when this server has e-mail configured), or only shown in the chat on the site, and why. Under each
// answer, what became of its mail (sending, sent, retrying after an error, failed).
import { ref } from 'vue';
import { t } from '/ui/i18n.js';

export function ticketMail(api) {
  const delivery = ref(null);
  let loads = 0;
  let recheck = null;

  /** Read again now, and a few times while a mail is still on its way, so "sending" turns into "sent". */
  async function load(ticketId, tries = 5) {
    const round = ++loads;
    clearTimeout(recheck);
    const read = await api(`/api/v1/tickets/${ticketId}/mail`).catch(() => null);
    if (round !== loads) return;
    delivery.value = read;
    if (read?.mails.some((m) => m.status === 'PENDING') && tries > 0) {
      recheck = setTimeout(() => load(ticketId, tries - 1), 3000);
    }
  }

  function placeholder() {
    const d = delivery.value;
    if (!d) return t('desk.answerPlaceholder.widget');
    if (d.emailed) return t('desk.answerPlaceholder.emailed', { address: d.address });
    return t(d.reason === 'mail-not-configured' ? 'desk.answerPlaceholder.noMail' : 'desk.answerPlaceholder.noAddress');
  }

  /** The line under an answer about its mail, or '' when it was not mailed. */
  function of(entryId) {
    const mail = delivery.value?.mails.find((m) => m.key === `ticket-answer:${entryId}`);
    if (!mail) return '';
    if (mail.status === 'SENT') return t('desk.answerMail.SENT', { address: mail.to });
    if (mail.status === 'FAILED') return t('desk.answerMail.FAILED', { address: mail.to, error: mail.lastError || '' });
    return mail.lastError ? t('desk.answerMail.RETRYING', { address: mail.to, error: mail.lastError })
      : t('desk.answerMail.PENDING', { address: mail.to });
  }

  return { load, placeholder, of, clear: () => { delivery.value = null; } };
}
