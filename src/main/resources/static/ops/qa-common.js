// What the quality screens share: finding rules in words, marks on a transcript, staff names, a whole transcript.
import { t } from '/ui/i18n.js';

/** A finding's rule in words ('first-response-late' → ops.rule.firstResponseLate), or as the server named it. */
export function ruleName(rule) {
  const key = `ops.rule.${rule.replace(/-(\w)/g, (_, c) => c.toUpperCase())}`;
  const name = t(key);
  return name === key ? rule : name;
}

/** seq → the marks a transcript shows on that message: findings, then the reviewer's comments. */
export function marksOf(findings = [], comments = []) {
  const marks = {};
  const add = (seq, mark) => { (marks[seq] ||= []).push(mark); };
  findings.filter((f) => f.seq).forEach((f) => add(f.seq, { kind: 'finding', text: `${ruleName(f.rule)}: ${f.detail}` }));
  comments.forEach((c) => add(c.seq, { kind: 'comment', text: c.text }));
  return marks;
}

/** Staff names by id, from the groups' agent lists (the one staff directory every role may read). */
export async function staffNames(api) {
  const groups = await api('/api/v1/groups').catch(() => []);
  const names = {};
  groups.forEach((g) => g.agents.forEach((a) => { names[a.staffId] = a.displayName; }));
  return { names, groups: Object.fromEntries(groups.map((g) => [g.id, g.name])) };
}

/** All of a conversation's messages, in pages of the API's largest size. */
export async function messagesOf(api, conversationId) {
  const all = [];
  for (;;) {
    const after = all.length ? all[all.length - 1].seq : 0;
    const page = await api(`/api/v1/conversations/${conversationId}/messages?after=${after}&limit=500`);
    all.push(...page);
    if (page.length < 500) return all;
  }
}
