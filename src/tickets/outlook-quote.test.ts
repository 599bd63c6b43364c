import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { mailHtmlView } from './mail-html.js';
import { wrapOutlookQuote } from './outlook-quote.js';

/** The fold and what is left outside it, read back from the page the ticket view serves. */
function folded(html: string): { shown: string; quoted: string | null } {
  const body = mailHtmlView(html, { images: false })
    .document.replace(/^[\s\S]*<body>/, '')
    .replace(/<\/body>[\s\S]*$/, '');
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;|\u00a0/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  const at = body.indexOf('<details class="rapport-quote">');
  if (at < 0) return { shown: text(body), quoted: null };
  return { shown: text(body.slice(0, at)), quoted: text(body.slice(at)).replace(/^Show quoted text /, '') };
}

describe("Outlook's quoted mail, folded", () => {
  it('folds the header and the earlier mail of a real Outlook 2010 reply (talon corpus), keeping the new text outside', async () => {
    const raw = fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/eml/reply-talon-outlook.eml'));
    const mail = await simpleParser(raw);
    const { shown, quoted } = folded(mail.html as string);
    expect(shown).toBe('Allo! Follow up MIME!');
    expect(quoted).toMatch(/^From: xxx@xxx\.mailgun\.org \[mailto:xxx@xxx\.mailgun\.org\] Sent: March-09-12 4:22 PM To: Dan Le Subject: The manager has commented on your Loop/);
    expect(quoted).toContain('Unsubscribe');
  });

  it('folds Outlook on the web (a rule, then the header block) and new Outlook (the header in a bordered div)', () => {
    const web = [
      '<html><body><div dir="ltr">Thanks, that works for me.</div>',
      '<hr style="display:inline-block;width:98%" tabindex="-1">',
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> Studio Hale &lt;hello@hale.example&gt;<br><b>Sent:</b> Friday, December 4, 2026 10:02<br><b>To:</b> Ann Buyer &lt;ann@buyer.example&gt;<br><b>Subject:</b> Your quote Q-0042</font><div>&nbsp;</div></div>',
      '<div>Here is the quote you asked for.</div></body></html>',
    ].join('');
    expect(folded(web)).toEqual({
      shown: 'Thanks, that works for me.',
      quoted: expect.stringMatching(/^From: Studio Hale <hello@hale\.example> Sent: .* Subject: Your quote Q-0042 Here is the quote you asked for\.$/),
    });
    expect(mailHtmlView(web, { images: false }).document).not.toMatch(/<hr[^>]*>\s*<details/);

    const desktop = [
      '<html><body><div class="WordSection1"><p class="MsoNormal">Wir nehmen das Angebot an.</p><p class="MsoNormal">&nbsp;</p>',
      '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Von:</b> Studio Hale<br><b>Gesendet:</b> Freitag, 4. Dezember 2026 10:02<br><b>An:</b> Anna Käufer<br><b>Betreff:</b> Angebot Q-0042</p></div>',
      '<p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Anbei das Angebot.</p></div></body></html>',
    ].join('');
    expect(folded(desktop)).toEqual({
      shown: 'Wir nehmen das Angebot an.',
      quoted: 'Von: Studio Hale Gesendet: Freitag, 4. Dezember 2026 10:02 An: Anna Käufer Betreff: Angebot Q-0042 Anbei das Angebot.',
    });
  });

  it('leaves a forward (nothing before the header), a plain "From:" line and a header Gmail already quoted as they are', () => {
    const forward = '<html><body><div><b>From:</b> Studio Hale<br><b>Sent:</b> Friday<br><b>To:</b> Ann<br><b>Subject:</b> Q-0042</div><p>The quote.</p></body></html>';
    expect(wrapOutlookQuote(forward)).toBe(forward);
    expect(folded(forward).quoted).toBeNull();

    const prose = '<p>Thanks!</p><p>From: the workshop, the lamps are on their way. Sent with care.</p>';
    expect(wrapOutlookQuote(prose)).toBe(prose);

    const gmail = '<div dir="ltr">Yes please.</div><div class="gmail_quote"><p><b>From:</b> Studio Hale<br><b>Sent:</b> Friday<br><b>To:</b> Ann<br><b>Subject:</b> Q-0042</p><p>The quote.</p></div>';
    expect(wrapOutlookQuote(gmail)).toBe(gmail);
    expect(folded(gmail)).toEqual({ shown: 'Yes please.', quoted: 'From: Studio Hale Sent: Friday To: Ann Subject: Q-0042 The quote.' });
  });

  it('keeps the sanitiser in charge: a hostile mail with an Outlook header still loses its scripts and handlers', () => {
    const hostile =
      '<p onclick="steal()">Reply</p><script>steal()</script><p><b>From:</b> x<br><b>Sent:</b> y<br><b>To:</b> z<br><b>Subject:</b> <img src=x onerror="steal()">q</p><p>old<script>steal()</script></p>';
    const { document } = mailHtmlView(hostile, { images: false });
    expect(document).not.toMatch(/steal|<script|onclick|onerror/);
    expect(folded(hostile)).toEqual({ shown: 'Reply', quoted: 'From: x Sent: y To: z Subject: q old' });
  });
});
