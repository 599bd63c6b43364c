/**
 * The chat widget that runs on the owner's website: plain DOM code, no framework, no dependency.
 * `chatWidget` is compiled with the rest of Rapport and served as its own source text
 * (`/chat/widget.js?key=...`, see public.ts), so it must not use anything outside its own body.
 *
 * It stores nothing and sets no cookie until the visitor starts a chat; then it keeps the chat's
 * token in localStorage (requests are sent without credentials). Messages arrive over Server-Sent
 * Events and are sent with POST; the widget reconnects from the last message it saw.
 */
export interface WidgetConfig {
  key: string;
  greeting: string | null;
  maxChars: number;
}

export function chatWidget(config: WidgetConfig): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script ? new URL(script.src).origin : location.origin;
  const api = `${base}/chat/${encodeURIComponent(config.key)}`;
  const storeKey = `rapport-chat:${config.key}`;
  type Msg = { id: string; direction: string; kind: string; body: string; created_at: string };
  let token: string | null = null;
  try {
    token = localStorage.getItem(storeKey);
  } catch {
    token = null;
  }
  let lastId = '';
  let source: EventSource | null = null;
  const seen = new Set<string>();

  const host = document.createElement('div');
  host.setAttribute('data-rapport-chat', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = [
    ':host{all:initial}',
    '*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}',
    '.open{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1f2328;color:#fff;cursor:pointer}',
    '.panel{position:fixed;right:16px;bottom:72px;z-index:2147483000;width:320px;max-width:calc(100vw - 32px);height:440px;max-height:calc(100vh - 96px);display:flex;flex-direction:column;background:#fff;color:#1f2328;border:1px solid #d0d7de;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.18)}',
    '.panel[hidden]{display:none}',
    'header{padding:10px 12px;border-bottom:1px solid #d0d7de;font-weight:600;display:flex;justify-content:space-between}',
    'header button{border:0;background:none;cursor:pointer;font-size:16px}',
    '.log{flex:1;overflow:auto;padding:10px;display:flex;flex-direction:column;gap:6px}',
    '.m{max-width:85%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}',
    '.in{align-self:flex-end;background:#1f2328;color:#fff}',
    '.out{align-self:flex-start;background:#eaeef2}',
    '.system{align-self:center;color:#57606a;font-size:12px;text-align:center}',
    '.rate{display:flex;gap:4px;justify-content:center}',
    '.rate button{min-width:32px;padding:4px;border:1px solid #1f2328;border-radius:6px;background:#fff;cursor:pointer}',
    'form{display:flex;flex-direction:column;gap:6px;padding:10px;border-top:1px solid #d0d7de}',
    'input,textarea{width:100%;padding:6px;border:1px solid #8c959f;border-radius:6px}',
    'textarea{resize:none;height:56px}',
    'form button{align-self:flex-end;border:0;border-radius:6px;padding:6px 14px;background:#1f2328;color:#fff;cursor:pointer}',
    '.error{color:#b42318;font-size:12px}',
  ].join('');
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const openButton = el('button', { class: 'open', type: 'button', 'aria-expanded': 'false' }, 'Chat with us');
  const panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': 'Chat' });
  panel.hidden = true;
  const header = el('header', {}, '');
  header.append(el('span', {}, 'Chat'));
  const close = el('button', { type: 'button', 'aria-label': 'Close chat' }, '×');
  header.append(close);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  const form = el('form', {});
  const name = el('input', { name: 'name', placeholder: 'Your name (optional)', autocomplete: 'name', maxlength: '200', 'aria-label': 'Your name' });
  const email = el('input', { name: 'email', type: 'email', placeholder: 'Your email', autocomplete: 'email', maxlength: '254', 'aria-label': 'Your email' });
  const text = el('textarea', { name: 'message', placeholder: 'Write a message…', maxlength: String(config.maxChars), 'aria-label': 'Message', required: '' });
  const error = el('div', { class: 'error', role: 'alert' });
  const send = el('button', { type: 'submit' }, 'Send');
  form.append(name, email, text, error, send);
  panel.append(header, log, form);
  root.append(style, openButton, panel);

  const show = (m: Msg) => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    if (m.id > lastId) lastId = m.id;
    if (m.kind === 'csat') {
      const box = el('div', { class: 'm system' });
      box.append(el('div', {}, m.body));
      const row = el('div', { class: 'rate' });
      for (let s = 1; s <= 5; s++) {
        const b = el('button', { type: 'button', 'aria-label': `Rate ${s} of 5` }, String(s));
        b.addEventListener('click', () => {
          void post('/rating', { score: s }).then((ok) => {
            if (ok) row.remove();
          });
        });
        row.append(b);
      }
      box.append(row);
      log.append(box);
    } else {
      log.append(el('div', { class: `m ${m.direction === 'in' ? 'in' : m.direction === 'out' ? 'out' : 'system'}` }, m.body));
    }
    log.scrollTop = log.scrollHeight;
  };

  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'content-type': 'application/json' };
    if (token) h['x-chat-token'] = token;
    return h;
  };
  const post = async (path: string, body: unknown): Promise<Record<string, unknown> | null> => {
    error.textContent = '';
    try {
      const res = await fetch(api + path, { method: 'POST', headers: headers(), body: JSON.stringify(body), credentials: 'omit', mode: 'cors' });
      const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) {
        const e = data.error as { message?: string } | undefined;
        error.textContent = e?.message ?? `Could not send (${res.status}).`;
        return null;
      }
      return data;
    } catch {
      error.textContent = 'Could not reach the chat. Please try again.';
      return null;
    }
  };

  const listen = () => {
    if (!token || source) return;
    source = new EventSource(`${api}/events?token=${encodeURIComponent(token)}&after=${encodeURIComponent(lastId)}`);
    source.addEventListener('message', (e) => {
      const data = JSON.parse((e as MessageEvent).data as string) as { message?: Msg };
      if (data.message) show(data.message);
    });
    source.addEventListener('error', () => {
      // The browser reconnects by itself; when it gave up, ask whether the chat still exists (an erased
      // chat's token opens nothing: forget it), else listen again from the last message seen.
      if (!source || source.readyState !== EventSource.CLOSED) return;
      source = null;
      void fetch(`${api}/messages`, { headers: headers(), credentials: 'omit', mode: 'cors' }).then(
        (res) => {
          if (res.status !== 404) return void setTimeout(listen, 3000);
          token = null;
          try {
            localStorage.removeItem(storeKey);
          } catch {
            // storage unavailable: nothing kept
          }
          started(false);
        },
        () => void setTimeout(listen, 3000),
      );
    });
  };

  const started = (yes: boolean) => {
    name.hidden = yes;
    email.hidden = yes;
  };

  const status = async () => {
    try {
      const res = await fetch(`${api}/status`, { credentials: 'omit', mode: 'cors' });
      const s = (await res.json()) as { online: boolean; greeting: string | null };
      if (!token) {
        log.textContent = '';
        log.append(el('div', { class: 'm system' }, s.greeting ?? config.greeting ?? 'Hello! How can we help?'));
        if (!s.online) {
          log.append(el('div', { class: 'm system' }, 'Nobody is online right now. Leave your email and we will answer there.'));
          email.required = true;
        }
      }
    } catch {
      error.textContent = 'The chat is not available right now.';
    }
  };

  openButton.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    openButton.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      if (token) listen();
      else void status();
      text.focus();
    }
  });
  close.addEventListener('click', () => {
    panel.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = text.value.trim();
    if (!body) return;
    send.disabled = true;
    const done = () => {
      send.disabled = false;
    };
    if (!token) {
      const payload: Record<string, string> = { message: body };
      if (name.value.trim()) payload.name = name.value.trim();
      if (email.value.trim()) payload.email = email.value.trim();
      void post('/conversations', payload).then((data) => {
        done();
        if (!data) return;
        token = data.token as string;
        try {
          localStorage.setItem(storeKey, token);
        } catch {
          // storage unavailable: the chat lasts as long as the page
        }
        text.value = '';
        started(true);
        log.textContent = '';
        for (const m of data.messages as Msg[]) show(m);
        listen();
      });
    } else {
      void post('/messages', { body }).then((data) => {
        done();
        if (!data) return;
        text.value = '';
        show(data as unknown as Msg);
      });
    }
  });
  started(!!token);
  (document.body ?? document.documentElement).append(host);
}
