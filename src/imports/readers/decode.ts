type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export class BinaryFileError extends Error {
  constructor() {
    super('The file looks binary (it contains NUL bytes), not text. Export it as CSV and try again.');
    this.name = 'BinaryFileError';
  }
}

interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
}

/** Guesses the encoding from the first bytes of a file. */
function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (head.includes(0)) throw new BinaryFileError();
  return { encoding: isValidUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

// ASCII text in UTF-16 has a zero in every other byte: the high byte.
function utf16ByNulPattern(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a byte stream to text chunks. The encoding is chosen from the first 64 KiB;
 * later invalid UTF-8 sequences become U+FFFD rather than failing the whole import.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = Buffer.concat(head);
  const { encoding, bomLength } = detectEncoding(headBytes);
  const checkNul = encoding === 'utf-8' || encoding === 'windows-1252';
  const decoder = new TextDecoder(encoding);
  yield decoder.decode(headBytes.subarray(bomLength), { stream: true });
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    if (checkNul && next.value.includes(0)) throw new BinaryFileError();
    yield decoder.decode(next.value, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Decodes a whole buffer with the same detection rules. */
export function decodeBuffer(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength));
}
