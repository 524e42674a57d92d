// Canned responses on the desk and in the admin console: grouped by folder, and the variables a response may hold,
// filled in from the chat at hand when the agent inserts it. A variable the desk does not know stays as typed (so the agent
// sees it before sending); a known one without a value (no e-mail on file) becomes empty, and both are pointed out.
import { t } from '/ui/i18n.js';

/** The variables an author may write, and where the desk finds their values. */
export const VARIABLES = {
  'contact.name': ({ contact }) => contact?.name,
  'contact.email': ({ contact }) => contact?.email,
  'contact.phone': ({ contact }) => contact?.phone,
  'agent.name': ({ agent }) => agent?.displayName,
  'conversation.id': ({ conversation }) => conversation?.id,
};

const VARIABLE = /\{([a-z]+\.[a-zA-Z]+)\}/g;

/**
 * The response's text with its variables filled from {contact, agent, conversation}, and a note for the agent
 * naming the variables left as typed (unknown) and those left empty (no value); '' when all were filled.
 */
export function fillVariables(text, context) {
  const unknown = new Set();
  const empty = new Set();
  const filled = text.replace(VARIABLE, (whole, name) => {
    const value = Object.hasOwn(VARIABLES, name) ? VARIABLES[name](context) : undefined;
    if (!Object.hasOwn(VARIABLES, name)) {
      unknown.add(whole);
      return whole;
    }
    if (value == null || value === '') {
      empty.add(whole);
      return '';
    }
    return String(value);
  });
  const notes = [];
  if (unknown.size) notes.push(t('desk.canned.unknown', { names: [...unknown].join(' ') }));
  if (empty.size) notes.push(t('desk.canned.empty', { names: [...empty].join(' ') }));
  return { text: filled, note: notes.join(' ') };
}

/**
 * Responses grouped by folder, each folder where its first response was (so the best match stays on top), the order
 * kept within each; the first of a named folder carries its name as folderHeader.
 */
export function byFolder(responses) {
  const folders = [...new Set(responses.map((r) => r.folder || ''))];
  return folders.flatMap((folder) => responses.filter((r) => (r.folder || '') === folder)
    .map((r, i) => ({ ...r, folderHeader: i === 0 && folder ? folder : null })));
}
