import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder of public reference files (see test/fixtures/README.md). */
const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

/** Path of a reference file under test/fixtures, whatever the working directory. */
export function fixturePath(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}
