// A small, safe Markdown renderer for knowledge-base articles: everything is HTML-escaped first, then headings,
// lists, paragraphs, **bold**, *italics*, `code`, links and images are turned into tags. Links and images only
// with http(s) or site-relative addresses, so an article can never carry a script.

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const safeUrl = (url) => (/^(https?:\/\/|\/)/i.test(url) ? url : '#');

function inline(text) {
  return text
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (m, alt, url) => `<img src="${safeUrl(url)}" alt="${alt}">`)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label, url) => `<a href="${safeUrl(url)}" target="_blank" rel="noopener">${label}</a>`)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

export function markdown(source) {
  const html = [];
  let list = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) html.push(`<p>${inline(paragraph.join('<br>'))}</p>`);
    paragraph = [];
    if (list) html.push(`</${list}>`);
    list = null;
  };
  for (const raw of escape(source || '').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) { flush(); html.push(`<h${heading[1].length + 1}>${inline(heading[2])}</h${heading[1].length + 1}>`); }
    else if (item) {
      const kind = item[1] ? 'ul' : 'ol';
      if (paragraph.length || list !== kind) flush();
      if (!list) { list = kind; html.push(`<${kind}>`); }
      html.push(`<li>${inline(item[3])}</li>`);
    }
    else { if (list) flush(); paragraph.push(line); }
  }
  flush();
  return html.join('');
}

/**
 * A search snippet (already HTML-escaped by the server, with the matched words in <mark>…</mark>) with its Markdown
 * shown as formatting: bold, italics and code; heading marks, link targets and markers cut off by the snippet's
 * edges are dropped. Any tag other than <mark> is escaped again, so the result stays safe as HTML.
 */
export function markdownSnippet(snippet) {
  return (snippet || '')
    .replace(/<(?!\/?mark>)/g, '&lt;')
    .replace(/(^|\n)\s*#{1,4}\s+/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*\n]+)\*/g, '<em>$1</em>')
    .replace(/\*+/g, '')
    .replace(/\n+/g, ' ');
}
