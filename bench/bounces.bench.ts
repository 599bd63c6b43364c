import fs from 'node:fs';
import PostalMime from 'postal-mime';
import { classifyInboundMail } from '../src/mail/inbound-classify.js';
import { fixturePath } from '../src/test/fixtures.js';

/**
 * `npm run bench -- bounces`: classifying inbound mail (bounce, complaint, automatic reply or normal)
 * over the 227 public samples of test/fixtures/eml, in alternating rounds against the baseline of
 * parsing the same mails with postal-mime alone (what any inbound path pays anyway). Figures: mails per
 * second for each and their ratio, from the same run.
 */
const rounds = Number(process.env.BENCH_BOUNCE_ROUNDS ?? 10);

export async function run(log: (line: string) => void) {
  const dir = fixturePath('eml');
  const mails = fs
    .readdirSync(dir)
    .filter((f) => /^(bounce|autoreply|arf|notbounce)-.*\.eml$/.test(f))
    .map((f) => fs.readFileSync(`${dir}/${f}`));
  const bytes = mails.reduce((n, m) => n + m.length, 0);
  log(`\n== bounces: classifying ${mails.length} real inbound mails (${(bytes / 1024).toFixed(0)} KB), ${rounds} rounds each, alternating with postal-mime alone`);
  // Warm-up.
  for (const m of mails) await classifyInboundMail(m);
  let classifyMs = 0;
  let parseMs = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (const m of mails) await PostalMime.parse(new Uint8Array(m.buffer, m.byteOffset, m.byteLength));
    parseMs += performance.now() - t;
    t = performance.now();
    for (const m of mails) await classifyInboundMail(m);
    classifyMs += performance.now() - t;
  }
  const n = mails.length * rounds;
  const classifyRate = n / (classifyMs / 1000);
  const parseRate = n / (parseMs / 1000);
  log(`   postal-mime parse only: ${parseRate.toFixed(0)} mails/s`);
  log(`   classifyInboundMail:    ${classifyRate.toFixed(0)} mails/s (${(classifyRate / parseRate).toFixed(2)}x the parse alone; ${((classifyMs / n) * 1000).toFixed(0)} µs a mail)`);
}
