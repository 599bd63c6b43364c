/**
 * The public faces of a form, rendered as text: the hosted HTML page (no script at all, so it works
 * under Rapport's CSP and without JavaScript), the thank-you page, and the embeddable script that
 * draws the same form into another site's page and posts it back to Rapport.
 */
import type { FieldDef } from '../schema/fields.js';
import type { StoredForm } from './definitions.js';
import { defaultSuccessMessage } from './definitions.js';
import { fillTokenField, honeypotField } from './spam.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Field of the consent checkbox and of the referral code in a submission. */
export const consentField = 'consent';
export const referralField = 'ref';

export interface FieldView {
  name: string;
  label: string;
  required: boolean;
  input: 'text' | 'email' | 'tel' | 'date' | 'number' | 'textarea' | 'select';
  step?: string;
  options?: readonly string[];
}

/** How each asked field is drawn, from its registry definition. */
export function fieldViews(form: StoredForm, defs: Map<string, FieldDef>): FieldView[] {
  return form.fields.flatMap((spec): FieldView[] => {
    const def = defs.get(spec.field);
    if (!def) return [];
    const base = { name: spec.field, label: spec.label, required: spec.required };
    if (def.name === 'phone') return [{ ...base, input: 'tel' as const }];
    switch (def.type) {
      case 'email':
        return [{ ...base, input: 'email' as const }];
      case 'longtext':
        return [{ ...base, input: 'textarea' as const }];
      case 'date':
        return [{ ...base, input: 'date' as const }];
      case 'integer':
        return [{ ...base, input: 'number' as const, step: '1' }];
      case 'number':
        return [{ ...base, input: 'number' as const, step: 'any' }];
      case 'select':
        return [{ ...base, input: 'select' as const, options: def.options ?? [] }];
      default:
        return [{ ...base, input: 'text' as const }];
    }
  });
}

const style = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
label{display:block;margin:.9rem 0 .25rem;font-weight:600}input,textarea,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
textarea{min-height:6rem}.consent{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}.consent input{width:auto;margin-top:.3rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit}
.errors{border:1px solid #b42318;color:#b42318;padding:.5rem 1rem}.req{color:#b42318}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

function inputHtml(f: FieldView, value: string): string {
  const id = `f-${f.name}`;
  const req = f.required ? ' required aria-required="true"' : '';
  const v = escapeHtml(value);
  if (f.input === 'textarea') return `<textarea id="${id}" name="${escapeHtml(f.name)}"${req}>${v}</textarea>`;
  if (f.input === 'select') {
    const options = ['', ...(f.options ?? [])].map((o) => `<option value="${escapeHtml(o)}"${o === value ? ' selected' : ''}>${escapeHtml(o)}</option>`).join('');
    return `<select id="${id}" name="${escapeHtml(f.name)}"${req}>${options}</select>`;
  }
  return `<input id="${id}" name="${escapeHtml(f.name)}" type="${f.input}"${f.step ? ` step="${f.step}"` : ''} value="${v}"${req}>`;
}

export interface PageState {
  values?: Record<string, string>;
  errors?: string[];
  referralCode?: string | null;
}

/** The hosted form page: plain HTML, posted back to the same address. */
export function renderFormPage(form: StoredForm, fields: FieldView[], token: string, state: PageState = {}): string {
  const values = state.values ?? {};
  const errors = state.errors?.length ? `<div class="errors" role="alert"><p>Please check the form:</p><ul>${state.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>` : '';
  const inputs = fields
    .map((f) => `<label for="f-${escapeHtml(f.name)}">${escapeHtml(f.label)}${f.required ? ' <span class="req" aria-hidden="true">*</span>' : ''}</label>${inputHtml(f, values[f.name] ?? '')}`)
    .join('');
  const consent = form.consent_wording
    ? `<label class="consent"><input type="checkbox" name="${consentField}" value="yes"${values[consentField] ? ' checked' : ''}> <span>${escapeHtml(form.consent_wording)}</span></label>`
    : '';
  const ref = state.referralCode ? `<input type="hidden" name="${referralField}" value="${escapeHtml(state.referralCode)}">` : '';
  const honeypot = `<div class="hp" aria-hidden="true"><label for="f-hp">Leave this empty</label><input id="f-hp" name="${honeypotField}" type="text" tabindex="-1" autocomplete="off"></div>`;
  return page(
    form.name,
    `<h1>${escapeHtml(form.name)}</h1>${errors}<form method="post" action="/f/${escapeHtml(form.id)}">${inputs}${consent}${honeypot}${ref}<input type="hidden" name="${fillTokenField}" value="${escapeHtml(token)}"><button type="submit">Send</button></form>`,
  );
}

export function renderThanksPage(form: StoredForm): string {
  return page(form.name, `<h1>${escapeHtml(form.name)}</h1><p role="status">${escapeHtml(form.success_message ?? defaultSuccessMessage)}</p>`);
}

/** JSON for a script body: `<` escaped so the text can never close a script element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The embeddable script. Put `<script src="https://rapport.example/f/{id}/embed.js" async></script>`
 * where the form should appear (or add `<div data-rapport-form="{id}"></div>` to place it). It builds
 * the form with DOM calls (no HTML strings), posts it with fetch to Rapport (CORS, allowed origins
 * only), then shows the success message or goes to the redirect address.
 */
export function renderEmbedScript(form: StoredForm, fields: FieldView[], token: string, action: string): string {
  const config = {
    id: form.id,
    action,
    title: form.name,
    fields,
    consent: form.consent_wording,
    consentField,
    referralField,
    honeypot: honeypotField,
    tokenField: fillTokenField,
    token,
  };
  return `(function () {
  var c = ${scriptJson(config)};
  var me = document.currentScript;
  var host = document.querySelector('[data-rapport-form="' + c.id + '"]');
  if (!host) { host = document.createElement('div'); me && me.parentNode ? me.parentNode.insertBefore(host, me.nextSibling) : document.body.appendChild(host); }
  function el(tag, attrs, text) { var e = document.createElement(tag); for (var k in attrs) e.setAttribute(k, attrs[k]); if (text) e.textContent = text; return e; }
  var form = el('form', { 'class': 'rapport-form', novalidate: '' });
  var status = el('p', { role: 'status', 'aria-live': 'polite' });
  c.fields.forEach(function (f) {
    var id = 'rapport-' + c.id + '-' + f.name;
    form.appendChild(el('label', { 'for': id }, f.label + (f.required ? ' *' : '')));
    var input;
    if (f.input === 'textarea') input = el('textarea', { id: id, name: f.name });
    else if (f.input === 'select') { input = el('select', { id: id, name: f.name }); [''].concat(f.options || []).forEach(function (o) { input.appendChild(el('option', { value: o }, o)); }); }
    else { input = el('input', { id: id, name: f.name, type: f.input }); if (f.step) input.setAttribute('step', f.step); }
    if (f.required) { input.required = true; input.setAttribute('aria-required', 'true'); }
    form.appendChild(input);
  });
  if (c.consent) { var l = el('label', {}); var box = el('input', { type: 'checkbox', name: c.consentField, value: 'yes' }); l.appendChild(box); l.appendChild(document.createTextNode(' ' + c.consent)); form.appendChild(l); }
  var hp = el('div', { 'aria-hidden': 'true' }); hp.style.position = 'absolute'; hp.style.left = '-10000px';
  hp.appendChild(el('input', { name: c.honeypot, type: 'text', tabindex: '-1', autocomplete: 'off' })); form.appendChild(hp);
  form.appendChild(el('input', { type: 'hidden', name: c.tokenField, value: c.token }));
  var ref = new URLSearchParams(window.location.search).get('ref');
  if (ref) form.appendChild(el('input', { type: 'hidden', name: c.referralField, value: ref }));
  var button = el('button', { type: 'submit' }, 'Send'); form.appendChild(button); form.appendChild(status);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!form.reportValidity()) return;
    button.disabled = true;
    fetch(c.action, { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (res.ok && res.body.redirect_url) { window.location.assign(res.body.redirect_url); return; }
        if (res.ok) { form.replaceChildren(el('p', { role: 'status' }, res.body.message)); return; }
        button.disabled = false; status.textContent = (res.body.error && res.body.error.message) || 'Something went wrong; please try again.';
      })
      .catch(function () { button.disabled = false; status.textContent = 'Could not send the form; please try again.'; });
  });
  host.appendChild(form);
})();
`;
}
