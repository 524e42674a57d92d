// The customer's visit, as the widget's loader hands it over (kefu:visit: the pages of this visit, the referrer and
// the browser's language), reported to Kefu for the agent's desk while a chat is going: when it starts, and on every
// later page (the loader makes a hidden frame on each page while a chat is going). Nothing is sent without a chat.
// A proactive invitation the visitor clicked (kefu:invitation) is the greeting the chat opens with.
import { ref } from 'vue';
import { request } from '/ui/live.js';

/**
 * token(): the visitor's token; chatting(): the id of the conversation going on now, or null. Call send() when that
 * changes; the loader's messages send by themselves. invitation: the greeting of the invitation that opened the chat.
 */
export function visitReporter(token, chatting) {
  const invitation = ref('');
  let latest = null;
  let sent = '';

  async function send() {
    const id = chatting();
    if (!latest || !id) return;
    const body = JSON.stringify(latest);
    if (sent === `${id} ${body}`) return;
    sent = `${id} ${body}`;
    await request(`/api/v1/visitor/conversations/${id}/visit`, { method: 'PUT', token: token(), body: latest })
      .catch((e) => { sent = ''; console.warn('Kefu could not report the visit', e.code || e.message); });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    if (event.data?.type === 'kefu:invitation' && typeof event.data.greeting === 'string') {
      invitation.value = event.data.greeting.slice(0, 500);
    }
    if (event.data?.type !== 'kefu:visit' || !event.data.visit) return;
    const { pages, referrer, language } = event.data.visit;
    latest = { pages, referrer, language };
    send();
  });

  return { send, invitation };
}
