/**
 * How many SMS a text costs (pure). A text written only with the GSM 03.38 alphabet is sent in GSM-7:
 * 160 characters in one message, 153 per part once it is split (the rest carries the concatenation
 * header); the extension table's characters (^ { } \ [ ~ ] | € and form feed) take two, an escape and
 * the character, and the two are never split across parts. Any other character makes the whole text
 * UCS-2: 70 UTF-16 code units in one message, 67 per part, a character outside the BMP (most emoji)
 * taking two units that are never split either.
 */

type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units one segment holds for this text: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units left in the last segment before another is needed. */
  remaining: number;
  /** The characters that forced UCS-2 (each once, in order of appearance), so a writer can replace them. */
  nonGsmCharacters: string[];
}

// GSM 03.38 basic character set (as JavaScript characters), the escape (0x1B) left out.
const basic = new Set(['@£$¥èéùìòÇ\nØø\rÅå', 'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ', ' !"#¤%&\'()*+,-./', '0123456789:;<=>?', '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§', '¿abcdefghijklmnopqrstuvwxyzäöñüà'].join('').split(''));
// The extension table: each is sent as the escape plus one septet.
const extension = new Set(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);

/** Whether every character of the text is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extension.has(ch)) return false;
  return true;
}

/** Packs items of the given sizes into segments of `capacity` without splitting an item; returns the number of segments and the room left in the last. */
function pack(sizes: number[], capacity: number): { segments: number; remaining: number } {
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { segments, remaining: capacity - used };
}

export function countSegments(text: string): SegmentCount {
  const chars = [...text];
  if (isGsm7(text)) {
    const sizes = chars.map((ch) => (extension.has(ch) ? 2 : 1));
    const units = sizes.reduce((a, b) => a + b, 0);
    if (units <= 160) return { encoding: 'GSM-7', units, segments: 1, perSegment: 160, remaining: 160 - units, nonGsmCharacters: [] };
    return { encoding: 'GSM-7', units, perSegment: 153, ...pack(sizes, 153), nonGsmCharacters: [] };
  }
  const sizes = chars.map((ch) => ch.length);
  const units = text.length;
  const nonGsmCharacters = [...new Set(chars.filter((ch) => !basic.has(ch) && !extension.has(ch)))];
  if (units <= 70) return { encoding: 'UCS-2', units, segments: 1, perSegment: 70, remaining: 70 - units, nonGsmCharacters };
  return { encoding: 'UCS-2', units, perSegment: 67, ...pack(sizes, 67), nonGsmCharacters };
}
