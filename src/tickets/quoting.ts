/**
 * Splits a plain-text mail body into what the sender wrote and what the view folds away: the quoted
 * earlier message (Gmail's "On ... wrote:", Outlook's "-----Original Message-----" and From:/Sent:
 * header blocks, Apple Mail's "> " lines, forwarded-message markers) and a signature after "-- ".
 * The full text is always kept; this only decides where the fold starts.
 */

const quoteHeaders: RegExp[] = [
  // Gmail, Apple Mail, Thunderbird: "On Tue, 3 Dec 2024 at 10:00, Ann <a@b.c> wrote:" (may wrap onto two lines)
  /^(On|Le|Am|El|Il|Op|Em)\s.{0,300}?(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu)\s?:\s*$/im,
  // Other clients and languages: a line (or two, wrapped) with a date or an address that ends in "wrote:" (Android: "02.04.2012 14:20 user <a@b> написал:").
  /^[^\n]*(@|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})[^\n]*\n?[^\n]*(wrote|написал|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał)\s?:\s*$/im,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
  /^-{2,}\s*(Forwarded message|Mensaje reenviado|Message transféré|Weitergeleitete Nachricht)\s*-{2,}\s*$/im,
  /^Begin forwarded message:\s*$/im,
  // Outlook: "From: ...\nSent: ..." (or Date:) directly below each other
  /^_{10,}\s*\n\s*From:/im,
  /^\*?From:\*?\s.+\n\*?(Sent|Date):\*?\s/im,
];

export interface SplitBody {
  /** What the sender wrote in this message. */
  visible: string;
  /** The quoted earlier mail and the signature (empty when there is none). */
  folded: string;
}

export function splitQuoted(text: string): SplitBody {
  const normalised = text.replace(/\r\n?/g, '\n');
  // Bottom-posting (Thunderbird's default for some): the quote comes first, the new text after it.
  const top = /^\s*(On\s[^\n]{0,300}?wrote:\s*\n)((?:>[^\n]*\n|\s*\n)+)/i.exec(normalised);
  if (top) {
    const after = splitQuoted(normalised.slice(top[0].length));
    if (after.visible.trim()) return { visible: after.visible, folded: [top[0].trim(), after.folded].filter(Boolean).join('\n\n') };
  }
  let cut = normalised.length;
  for (const re of quoteHeaders) {
    const m = re.exec(normalised);
    if (m && m.index < cut && m.index > 0) cut = m.index;
  }
  // A run of "> " lines that continues to the end (replies that quote at the bottom).
  const lines = normalised.slice(0, cut).split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1].startsWith('>') || lines[end - 1].trim() === '')) end--;
  if (end < lines.length && end > 0 && lines.slice(end).some((l) => l.startsWith('>'))) cut = lines.slice(0, end).join('\n').length;
  // The signature: "-- " alone on a line (RFC 3676), within what is left.
  const head = normalised.slice(0, cut);
  const sig = head.search(/^-- ?$/m);
  if (sig > 0) cut = sig;
  const visible = normalised.slice(0, cut).replace(/\s+$/, '');
  if (!visible.trim()) return { visible: normalised.trim(), folded: '' };
  return { visible, folded: normalised.slice(cut).replace(/^\s+/, '') };
}
