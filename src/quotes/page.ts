/**
 * The public page of a quote, rendered by the server: plain HTML and one style block (the app's CSP
 * allows inline styles, no script), with real forms so it works in any browser and with a keyboard.
 */
import { formatMoney, quoteDay, quoteTitle, taxBreakdown, type PdfQuote } from './pdf.js';
import type { QuoteSettings } from './settings.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (ch) => escapes[ch]);
const lines = (value: string | null) => esc(value ?? '').replace(/\n/g, '<br>');

const style = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f5f6f8;margin:0}
main{max-width:760px;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
header{display:flex;justify-content:space-between;gap:1rem;align-items:flex-start;margin-bottom:1.5rem}
header img{max-width:180px;max-height:80px}
.business{text-align:right;font-size:.9rem;color:#4a5263}
h1{font-size:1.5rem;margin:.2rem 0}
table{width:100%;border-collapse:collapse;margin:1rem 0}
th,td{padding:.4rem .3rem;border-bottom:1px solid #e3e6eb;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
tfoot td{border:none}
tfoot tr.total td{font-weight:700;font-size:1.1rem}
.banner{padding:.8rem 1rem;border-radius:6px;margin:1rem 0;background:#eef4ff}
.banner.ok{background:#e6f6ec}.banner.bad{background:#fdecec}
form{margin:1rem 0;padding:1rem;border:1px solid #e3e6eb;border-radius:6px}
label{display:block;font-weight:600;margin:.4rem 0 .2rem}
input[type=text],textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #9aa3b2;border-radius:4px}
button{margin-top:.8rem;padding:.55rem 1.2rem;font:inherit;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d2330;border-color:#9aa3b2}
button:focus-visible,input:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.muted{color:#4a5263;font-size:.85rem}
code{word-break:break-all}
/* Phones: the page fills the screen and each line stacks its figures under its name, so no column is cut off. */
@media (max-width:600px){
main{margin:0;padding:1.25rem 1rem;border-radius:0;box-shadow:none}
table.lines,table.lines tbody,table.lines tfoot,table.lines caption{display:block}
table.lines thead{display:none}
table.lines tr{display:flex;flex-wrap:wrap;gap:0 1rem;border-bottom:1px solid #e3e6eb;padding:.4rem 0}
table.lines td{border:none;padding:.1rem 0;text-align:left}
table.lines tbody td:first-child{flex-basis:100%;font-weight:600}
table.lines td:last-child{margin-left:auto}
table.lines td[data-label]::before{content:attr(data-label) " ";color:#4a5263}
table.lines td:empty{display:none}
table.lines tfoot tr{border:none;padding:.2rem 0}
}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}

export interface PageQuote extends PdfQuote {
  status: string;
  accepted_at: string | null;
  accepted_by: string | null;
  declined_at: string | null;
  superseded: boolean;
}

export interface PageState {
  token: string;
  pdfSha256: string;
  clientName: string;
  /** A problem with the last submission, shown above the forms. */
  error?: string;
  notice?: string;
}

function banner(q: PageQuote): { text: string; kind: string; open: boolean } {
  if (q.superseded) return { text: 'This version of the quote was replaced by a newer one. Please use the link of the newest version.', kind: 'bad', open: false };
  switch (q.status) {
    case 'accepted':
      return { text: `Accepted${q.accepted_by ? ` by ${q.accepted_by}` : ''} on ${q.accepted_at ? quoteDay(q, q.accepted_at) : ''}. Thank you!`, kind: 'ok', open: false };
    case 'converted':
      return { text: 'This quote was accepted and turned into an order.', kind: 'ok', open: false };
    case 'declined':
      return { text: `Declined on ${q.declined_at ? quoteDay(q, q.declined_at) : ''}.`, kind: 'bad', open: false };
    case 'expired':
      return { text: `This quote expired on ${q.valid_until}. Please ask for a new one.`, kind: 'bad', open: false };
    default:
      return { text: `Valid until ${q.valid_until}.`, kind: '', open: true };
  }
}

export function quotePage(q: PageQuote, settings: QuoteSettings, state: PageState): string {
  const money = (n: number) => esc(formatMoney(n, q.currency));
  const b = banner(q);
  const base = `/q/${encodeURIComponent(state.token)}`;
  const rows = q.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.name)}${l.description ? `<br><span class="muted">${lines(l.description)}</span>` : ''}</td><td data-label="Qty">${esc(l.quantity)}</td><td data-label="Unit price">${money(l.unit_price)}</td><td data-label="Discount">${l.discount_percent ? `${esc(l.discount_percent)}%` : ''}</td><td data-label="Tax">${l.tax_rate ? `${esc(l.tax_rate)}%` : ''}</td><td data-label="Amount">${money(l.net)}</td></tr>`,
    )
    .join('');
  const totals = [
    `<tr><td colspan="5">Subtotal</td><td>${money(q.subtotal)}</td></tr>`,
    q.discount_total ? `<tr><td colspan="5">Discount (${esc(q.discount_percent)}%)</td><td>-${money(q.discount_total)}</td></tr>` : '',
    ...taxBreakdown(q).map((t) => `<tr><td colspan="5">Tax ${esc(t.rate)}% on ${money(t.base)}</td><td>${money(t.tax)}</td></tr>`),
    `<tr class="total"><td colspan="5">Total</td><td>${money(q.total)}</td></tr>`,
  ].join('');
  const forms = b.open
    ? `<form method="post" action="${base}/accept" aria-labelledby="accept-title">
<h2 id="accept-title">Accept this quote</h2>
<input type="hidden" name="pdf_sha256" value="${esc(state.pdfSha256)}">
<label for="accept-name">Type your full name to accept</label>
<input type="text" id="accept-name" name="name" required maxlength="200" autocomplete="name" value="${esc(state.clientName)}">
<button type="submit">Accept quote</button>
</form>
<form method="post" action="${base}/decline" aria-labelledby="decline-title">
<h2 id="decline-title">Decline</h2>
<label for="decline-reason">Reason (optional)</label>
<textarea id="decline-reason" name="reason" rows="3" maxlength="2000"></textarea>
<button type="submit" class="secondary">Decline quote</button>
</form>`
    : '';
  const body = `<header><div>${settings.logo ? `<img src="${esc(settings.logo)}" alt="${esc(settings.business_name ?? 'Logo')}">` : ''}</div>
<div class="business"><strong>${esc(settings.business_name ?? '')}</strong><br>${lines(settings.business_address)}</div></header>
<h1>${esc(quoteTitle(q))}</h1>${q.title ? `<p>${esc(q.title)}</p>` : ''}
<p class="muted">Date ${esc(quoteDay(q, q.created_at))}</p>
<div class="banner ${b.kind}" role="status">${esc(b.text)}</div>
${state.notice ? `<div class="banner ok" role="status">${esc(state.notice)}</div>` : ''}
${state.error ? `<div class="banner bad" role="alert">${esc(state.error)}</div>` : ''}
<table class="lines"><caption class="muted">Lines</caption><thead><tr><th scope="col">Description</th><th scope="col">Qty</th><th scope="col">Unit price</th><th scope="col">Discount</th><th scope="col">Tax</th><th scope="col">Amount</th></tr></thead>
<tbody>${rows}</tbody><tfoot>${totals}</tfoot></table>
${q.terms ? `<h2>Terms</h2><p>${lines(q.terms)}</p>` : ''}
<p><a href="${base}/pdf">Download the PDF</a> <span class="muted">SHA-256 <code>${esc(state.pdfSha256)}</code></span></p>
${forms}`;
  return page(quoteTitle(q), body);
}
