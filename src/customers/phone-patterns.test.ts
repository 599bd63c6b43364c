import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

const script = path.resolve(import.meta.dirname, '../../scripts/cache-phone-patterns.mjs');
const installed = path.dirname(createRequire(import.meta.url).resolve('libphonenumber-js/package.json'));
const run = (root: string) => execFileSync(process.execPath, [script, root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('phone patterns compiled once (scripts/cache-phone-patterns.mjs, run after npm install)', () => {
  it('has replaced the installed helper in both builds, and a second run changes nothing', () => {
    for (const file of ['es6/helpers/matchesEntirely.js', 'build/helpers/matchesEntirely.js']) {
      expect(fs.readFileSync(path.join(installed, file), 'utf8')).toContain('Each pattern compiled once');
    }
    const before = fs.readFileSync(path.join(installed, 'es6/helpers/matchesEntirely.js'), 'utf8');
    run(installed);
    expect(fs.readFileSync(path.join(installed, 'es6/helpers/matchesEntirely.js'), 'utf8')).toBe(before);
  });

  it('leaves a helper it does not know as it is', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-phone-patterns-'));
    fs.mkdirSync(path.join(root, 'es6/helpers'), { recursive: true });
    const other = 'export default function matchesEntirely() { return true }\n';
    fs.writeFileSync(path.join(root, 'es6/helpers/matchesEntirely.js'), other);
    run(root);
    expect(fs.readFileSync(path.join(root, 'es6/helpers/matchesEntirely.js'), 'utf8')).toBe(other);
  });

  it('gives the same answers, however often a pattern is used', () => {
    // Every country's example mobile number, twice over: a kept pattern that carried state between calls, or a
    // pattern kept under the wrong text, would fail here.
    for (let round = 0; round < 2; round++) {
      for (const country of getCountries()) {
        const example = getExampleNumber(country, examples);
        if (!example) continue;
        const parsed = parsePhoneNumberFromString(example.formatNational(), country);
        expect(parsed?.isValid(), `${country} ${example.number}`).toBe(true);
        expect(['MOBILE', 'FIXED_LINE_OR_MOBILE'], `${country} ${example.number}`).toContain(parsed?.getType());
        expect(parsed?.number).toBe(example.number);
      }
      expect(parsePhoneNumberFromString('+44 20 7946 000', 'GB')?.isValid()).toBe(false);
      expect(parsePhoneNumberFromString('020 7946 0001', 'GB')?.getType()).toBe('FIXED_LINE');
      expect(parsePhoneNumberFromString('+44 1481 256789')?.country).toBe('GG');
    }
  });
});
