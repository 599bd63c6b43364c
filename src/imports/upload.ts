import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { invalid } from '../core/errors.js';

/**
 * The folder uploads wait in until their import has read them: `uploads/` inside the data directory,
 * readable by Rapport's user only (0700; each file 0600), since an upload is a file of customers'
 * personal data. Without a data directory (an API mounted in tests) a private folder in the system's
 * temporary directory takes its place.
 */
export function privateUploadDir(dataDir: string | undefined): string {
  const dir = dataDir && fs.existsSync(dataDir) ? path.join(dataDir, 'uploads') : path.join(os.tmpdir(), `rapport-uploads-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode alone, and the umask may have narrowed a new one: set it.
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * Removes uploads left behind by a process that stopped before its import finished (a crash, a kill):
 * run at start-up, before any new upload arrives. Returns how many files were removed.
 */
export function sweepUploads(dataDir: string): number {
  const dir = path.join(dataDir, 'uploads');
  if (!fs.existsSync(dir)) return 0;
  const names = fs.readdirSync(dir);
  for (const name of names) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return names.length;
}

/** A multipart/form-data body as it was received: its text fields, and its file saved to disk. */
export interface ReceivedForm {
  fields: Record<string, string>;
  file: { name: string; path: string; bytes: number } | null;
}

/** Text fields are small (options, a mapping); anything larger is refused rather than held in memory. */
const maxFieldBytes = 64 * 1024;
const maxHeaderBytes = 16 * 1024;

/** The boundary of a multipart/form-data content type, or null when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

interface PartHeaders {
  name: string;
  filename: string | null;
}

function parsePartHeaders(text: string): PartHeaders {
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-disposition') continue;
    const value = line.slice(colon + 1);
    const param = (key: string) => {
      const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(value) ?? new RegExp(`;\\s*${key}=([^;\\s]*)`, 'i').exec(value);
      return m ? m[1].replace(/\\(.)/g, '$1') : null;
    };
    const name = param('name');
    if (name === null) break;
    return { name, filename: param('filename') };
  }
  throw invalid('malformed multipart body', { body: ['a part has no form-data name'] });
}

/**
 * Reads a multipart/form-data body as it streams in: text fields are kept, the one file part
 * (the field named `fileField`) is written straight to `filePath`, so an upload of any size
 * needs only a small buffer. Other file parts are refused.
 */
export async function receiveMultipart(body: AsyncIterable<Uint8Array>, boundary: string, fileField: string, filePath: string): Promise<ReceivedForm> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = Object.create(null);
  let file: ReceivedForm['file'] = null;
  // The body starts with the delimiter without its CRLF; prefixing one makes every delimiter alike.
  let buffer = Buffer.from('\r\n');
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'content' | 'done';
  let part: PartHeaders | null = null;
  let field: Buffer[] = [];
  let fieldBytes = 0;
  let out: fs.WriteStream | null = null;

  const write = async (data: Buffer) => {
    if (data.length === 0) return;
    if (out) {
      file!.bytes += data.length;
      if (!out.write(data)) await once(out, 'drain');
      return;
    }
    fieldBytes += data.length;
    if (fieldBytes > maxFieldBytes) throw invalid(`form field ${part!.name} is too large`, { [part!.name]: [`at most ${maxFieldBytes} bytes`] });
    field.push(data);
  };
  const endPart = async () => {
    if (out) {
      const stream = out;
      out = null;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } else if (part) {
      fields[part.name] = Buffer.concat(field).toString('utf8');
    }
    part = null;
    field = [];
    fieldBytes = 0;
  };
  const step = async (): Promise<boolean> => {
    if (state === 'preamble' || state === 'content') {
      const at = buffer.indexOf(delimiter);
      if (at < 0) {
        // Keep what could be the start of a delimiter; the rest is content (or preamble, dropped).
        const keep = Math.min(buffer.length, delimiter.length - 1);
        if (state === 'content') await write(buffer.subarray(0, buffer.length - keep));
        buffer = buffer.subarray(buffer.length - keep);
        return false;
      }
      if (state === 'content') {
        await write(buffer.subarray(0, at));
        await endPart();
      }
      buffer = buffer.subarray(at + delimiter.length);
      state = 'after-delimiter';
      return true;
    }
    if (state === 'after-delimiter') {
      if (buffer.length < 2) return false;
      if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
        state = 'done';
        return false;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) {
        if (buffer.length > 256) throw invalid('malformed multipart body', { body: ['bad delimiter line'] });
        return false;
      }
      buffer = buffer.subarray(eol + 2);
      state = 'headers';
      return true;
    }
    if (state === 'headers') {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffer.length > maxHeaderBytes) throw invalid('malformed multipart body', { body: ['part headers too large'] });
        return false;
      }
      part = parsePartHeaders(buffer.subarray(0, end).toString('utf8'));
      buffer = buffer.subarray(end + 4);
      if (part.filename !== null) {
        if (part.name !== fileField || file) throw invalid(`only one file, in the "${fileField}" field, can be uploaded`, { [part.name]: ['unexpected file'] });
        file = { name: part.filename, path: filePath, bytes: 0 };
        out = fs.createWriteStream(filePath, { mode: 0o600 });
      }
      state = 'content';
      return true;
    }
    return false;
  };

  try {
    for await (const chunk of body) {
      if (state === 'done') continue;
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : Buffer.from(chunk);
      while (await step());
    }
    if (state !== 'done') throw invalid('the upload ended before the form did', { body: ['incomplete multipart body'] });
  } catch (error) {
    (out as fs.WriteStream | null)?.destroy();
    throw error;
  }
  return { fields, file };
}
