/**
 * Outlook quotes an earlier mail without a wrapper: its reply puts a header block ("From: … Sent: …
 * To: … Subject: …", in the writer's language) after the new text, and the earlier mail follows as
 * siblings of that block, sometimes after a rule (`<hr>`). Gmail's `gmail_quote` and the blockquotes
 * of Apple Mail and Thunderbird hold their quote in one element; this gathers Outlook's header and
 * everything after it into a `<blockquote>`, which the sanitiser then folds like theirs.
 */
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import render from 'dom-serializer';
import { DomUtils, parseDocument } from 'htmlparser2';

/** The header's first field and the fields that must follow it, in the languages Outlook writes. */
const headers: { from: string; then: RegExp }[] = [
  { from: 'From:', then: /\b(Sent|Date):[\s\S]*\b(To|Subject):/ },
  { from: 'Von:', then: /\b(Gesendet|Datum):[\s\S]*\b(An|Betreff):/ },
  { from: 'De :', then: /(Envoyé|Date) :[\s\S]*(À|Objet) :/ },
  { from: 'De:', then: /\b(Enviado|Fecha|Data|Enviada)\b[^:]*:[\s\S]*\b(Para|Asunto|Assunto):/ },
  { from: 'Van:', then: /\b(Verzonden|Datum):[\s\S]*\b(Aan|Onderwerp):/ },
];

/** A cheap test before any parsing: most mails have no Outlook header at all. */
const mayHaveHeader = (html: string) => headers.some((h) => html.includes(h.from.slice(0, -1)));

const unseen = new Set(['head', 'style', 'script', 'title']);

/**
 * The start of the text a reader sees, a line break or element edge read as a space ("x<br>Sent:" is
 * "x Sent:"). Only the first `limit` characters are gathered, so testing every element of a long mail
 * stays cheap.
 */
function textOf(node: ChildNode | ParentNode, limit = 800): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (n: ChildNode | ParentNode) => {
    if (length > limit) return;
    if (n instanceof Text) {
      parts.push(n.data);
      length += n.data.trim().length;
    } else if (n instanceof Element) {
      if (unseen.has(n.name)) return;
      parts.push(' ');
      for (const child of n.children) walk(child);
      parts.push(' ');
    } else if ('children' in n) for (const child of n.children) walk(child);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function isHeader(text: string): boolean {
  // The header block is short: the four fields and their values, not a whole mail that starts with "From:".
  const head = text.slice(0, 600);
  return headers.some((h) => head.startsWith(h.from) && h.then.test(head));
}

/**
 * The header: found from the text nodes that start with a header's first field (few in any mail), each
 * widened to the element that holds the whole header, then to the outermost element that starts with it
 * (Outlook wraps it in a bordered div). Testing every element of a long mail instead would be slow.
 */
function findHeader(nodes: ChildNode[]): Element | null {
  const starts = DomUtils.filter((n) => n instanceof Text && headers.some((h) => n.data.trimStart().startsWith(h.from)), nodes, true, 50);
  for (const start of starts) {
    const word = (start as Text).data.trim().slice(0, 5);
    let found: Element | null = null;
    for (let at = start.parent; at instanceof Element && !['body', 'html'].includes(at.name); at = at.parent) {
      const text = textOf(at);
      if (!text.startsWith(word)) break;
      if (isHeader(text)) {
        found = at;
        break;
      }
    }
    if (!found) continue;
    let header: Element = found;
    const begins = textOf(found).slice(0, 40);
    while (header.parent instanceof Element && !['body', 'html'].includes(header.parent.name) && textOf(header.parent).startsWith(begins)) header = header.parent;
    return header;
  }
  return null;
}

/** Whether anything readable (text or an image) comes before `node` in the document. */
function somethingBefore(node: ChildNode): boolean {
  for (let at: ChildNode | null = node; at; at = at.parent as ChildNode | null) {
    for (let prev = at.prev; prev; prev = prev.prev) {
      if (prev instanceof Element && unseen.has(prev.name)) continue;
      if (textOf(prev, 1) !== '') return true;
      if (prev instanceof Element && (prev.name === 'img' || DomUtils.findOne((el) => el.name === 'img', prev.children, true))) return true;
    }
  }
  return false;
}

/** A header in (or being) a quote another mail program already marked (Gmail quoting an Outlook mail) stays as it is. */
function isInQuote(node: ParentNode | null): boolean {
  for (let at = node; at instanceof Element; at = at.parent) if (at.name === 'blockquote' || /\bgmail_quote\b/.test(at.attribs.class ?? '')) return true;
  return false;
}

const isBlank = (node: ChildNode) => node instanceof Text && node.data.trim() === '';

/** The mail's HTML with Outlook's quoted part inside a blockquote; unchanged when there is none, or nothing before it (a forward). */
export function wrapOutlookQuote(html: string): string {
  if (!mayHaveHeader(html)) return html;
  const document = parseDocument(html);
  const header = findHeader(document.children);
  if (!header || isInQuote(header) || !somethingBefore(header)) return html;
  const parent = header.parent as ParentNode;
  let first: ChildNode = header;
  // The rule Outlook draws above the header belongs to the quote.
  let prev = header.prev;
  while (prev && isBlank(prev)) prev = prev.prev;
  if (prev instanceof Element && prev.name === 'hr') first = prev;
  const start = parent.children.indexOf(first);
  const quoted = parent.children.slice(start);
  const quote = new Element('blockquote', {}, []);
  for (const node of quoted) DomUtils.removeElement(node);
  for (const node of quoted) DomUtils.appendChild(quote, node);
  DomUtils.appendChild(parent, quote);
  return render(document, { encodeEntities: 'utf8' });
}
