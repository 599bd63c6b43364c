/**
 * The HTML part of a mail, made fit to show: an allow-list of tags and attributes (no script, style
 * sheet, form, frame, object or event handler survives), links that open elsewhere, quoted earlier mail
 * (Gmail's gmail_quote, Apple Mail's and Thunderbird's blockquote, Outlook's header and what follows it) folded into a "Show quoted text"
 * fold, and remote images left out until asked for, so a sender learns nothing from the owner reading.
 * The page is served with its own policy (no script at all, images only from data: until asked) and
 * shown in a sandboxed frame: the sanitiser and the policy each stop what the other might miss.
 */
import sanitizeHtml from 'sanitize-html';
import { wrapOutlookQuote } from './outlook-quote.js';

const allowedTags = [
  'a',
  'abbr',
  'address',
  'b',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
];
const layout = ['align', 'valign', 'width', 'height', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'colspan', 'rowspan'];

/** A fold the quoted part goes into; its summary is added after sanitising. */
const foldClass = 'rapport-quote';

export interface MailHtmlView {
  /** The whole page to serve. */
  document: string;
  /** Whether the mail names images on other servers (left out unless `images` was asked for). */
  remoteImages: boolean;
}

const isRemote = (src: string) => /^\s*(https?:)?\/\//i.test(src);

export function mailHtmlView(html: string, options: { images: boolean }): MailHtmlView {
  let remoteImages = false;
  const quote = (attribs: sanitizeHtml.Attributes) => ({ tagName: 'details', attribs: { class: foldClass, ...(attribs.style ? { style: attribs.style } : {}) } });
  const clean = sanitizeHtml(wrapOutlookQuote(html), {
    allowedTags,
    allowedAttributes: {
      '*': ['style', 'dir', 'lang', 'title', ...layout],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt'],
      font: ['color', 'face', 'size'],
      details: ['class'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: true,
    // The text of these goes too, not only the tags.
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: {
      blockquote: (_tagName, attribs) => quote(attribs),
      div: (tagName, attribs) => (/\bgmail_quote\b/.test(attribs.class ?? '') ? quote(attribs) : { tagName, attribs }),
      // Links leave the frame for a new tab, telling the site nothing about where they came from.
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }),
      img: (tagName, attribs) => {
        if (!isRemote(attribs.src ?? '')) return { tagName, attribs };
        remoteImages = true;
        if (options.images) return { tagName, attribs };
        const { src: _src, ...rest } = attribs;
        return { tagName, attribs: rest };
      },
    },
  });
  const body = clean.replace(new RegExp(`<details class="${foldClass}"([^>]*)>`, 'g'), `<details class="${foldClass}"$1><summary>Show quoted text</summary>`);
  const notice = remoteImages && !options.images ? '<p class="rapport-images">Images from other servers are held back: the sender would see that the mail was read.</p>' : '';
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>
body{margin:0;padding:.5rem;font:14px/1.45 system-ui,sans-serif;color:#1f2328;background:#fff;overflow-wrap:anywhere}
img{max-width:100%;height:auto}
details.${foldClass}{margin:.5rem 0}
details.${foldClass}>summary{cursor:pointer;color:#57606a}
details.${foldClass}[open]{border-left:3px solid #d0d7de;padding-left:.5rem}
.rapport-images{margin:0 0 .5rem;padding:.4rem .6rem;background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;font-size:13px}
</style></head><body>${notice}${body}</body></html>`;
  return { document, remoteImages };
}

/** Whether a mail's HTML names images on other servers (what the view holds back). */
export const hasRemoteImages = (html: string): boolean => mailHtmlView(html, { images: false }).remoteImages;

/** The policy the page is served with: nothing runs, styles only inline, images only from data: until asked for. */
export function mailHtmlPolicy(images: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data:${images ? ' http: https:' : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-popups allow-popups-to-escape-sandbox',
  ].join('; ');
}
