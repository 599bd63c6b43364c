/**
 * The house rules of the source tree, checked on every `npm test`: engine differences live in
 * src/core/, migrations stand on src/core/ alone, only the entry points import the HTTP app, and
 * no two top-level folders of src/ import each other, directly or round a loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

/** Every TypeScript source file under src/ (tests and test helpers left out), as `src/...` paths. */
function sources(dir = src): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.filter((f) => !f.startsWith('src/test/'));
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Relative module specifiers a file imports or re-exports (static and dynamic). */
function relativeImports(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) specs.push(m[1]);
  return specs;
}

const resolveFrom = (file: string, spec: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));

/**
 * A comparison with an engine's name: `dialect === 'mysql'`, `engineOf(db) !== 'sqlite'`,
 * `database.dialect === ...`, or a switch over a dialect.
 */
const dialectBranch = /\b(?:dialect|engineOf\([^)]*\))\s*[!=]==|[!=]==\s*[\w.]*\bdialect\b|\bswitch\s*\([^)]*\b(?:dialect|engineOf)\b/;

/**
 * Engine branches added this release in code that has not moved onto src/core/dialect.ts yet. Each
 * entry is removed when its file moves (the test fails on an entry that no longer branches).
 */
const pendingAdapterMoves = new Set<string>([]);

/** Folder cycles not broken yet, each shown as the imports that close it (`a -> b | c -> d`). */
const knownCycles = new Set<string>([]);

/** Module cycles inside one folder that are older than this test; new ones fail it. */
const knownModuleCycles = new Set<string>([]);

describe('source tree rules', () => {
  const files = sources();

  it('keeps engine branches in src/core/ (the dialect adapter) and out of domain code', () => {
    const branching = files.filter(
      (f) =>
        !f.startsWith('src/core/') &&
        read(f)
          .split('\n')
          .some((line) => dialectBranch.test(line)),
    );
    expect(branching.filter((f) => !pendingAdapterMoves.has(f))).toEqual([]);
    expect([...pendingAdapterMoves].filter((f) => !branching.includes(f))).toEqual([]);
  });

  it('sees a dialect branch where there is one', () => {
    expect(dialectBranch.test(`if (dialect === 'mysql') x();`)).toBe(true);
    expect(dialectBranch.test(`if (engineOf(trx) !== 'sqlite') x();`)).toBe(true);
    expect(dialectBranch.test(`const x = 'sqlite' === database.dialect;`)).toBe(true);
    expect(dialectBranch.test(`switch (database.dialect) {`)).toBe(true);
    expect(dialectBranch.test(`if (format === 'sqlite') x();`)).toBe(false);
    expect(dialectBranch.test(`const { maxParams } = traitsOf(database.dialect);`)).toBe(false);
  });

  it('lets migrations import nothing outside src/core/', () => {
    const migrations = files.filter((f) => f.startsWith('src/core/migrations/'));
    expect(migrations.length).toBeGreaterThan(10);
    const outside = migrations.flatMap((f) => relativeImports(read(f)).map((spec) => ({ file: f, target: resolveFrom(f, spec) }))).filter((i) => !i.target.startsWith('src/core/'));
    expect(outside).toEqual([]);
  });

  it('lets only the entry points (src/api, src/cli, src/server.ts, src/cli.ts) import the HTTP app', () => {
    const entry = (f: string) => f.startsWith('src/api/') || f.startsWith('src/cli/') || f === 'src/server.ts' || f === 'src/cli.ts';
    const offenders = files
      .filter((f) => !entry(f))
      .flatMap((f) => relativeImports(read(f)).map((spec) => ({ file: f, target: resolveFrom(f, spec) })))
      .filter((i) => i.target.startsWith('src/api/'));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between the folders of src/, and no new one between modules (dependency-cruiser, type-only imports included)', async () => {
    const result = await cruise(
      ['src'],
      { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, exclude: { path: '(\\.test\\.ts$|^src/test/)' }, baseDir: root },
      {},
      { tsConfig: extractTSConfig(path.join(root, 'tsconfig.json')) },
    );
    const output = result.output as { modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[] };
    // core/ and schema/ are one base layer: the registry names core's id kinds, the outbox types its events by the catalogue.
    const folderOf = (file: string) =>
      file.startsWith('src/')
        ? file
            .split('/')
            .slice(0, 2)
            .join('/')
            .replace(/\.ts$/, '')
            .replace(/^src\/schema$/, 'src/core')
        : null;
    const edges = new Map<string, Map<string, string>>();
    for (const m of output.modules) {
      const from = folderOf(m.source);
      if (!from) continue;
      for (const d of m.dependencies) {
        const to = folderOf(d.resolved);
        if (!to || to === from || d.dependencyTypes.some((t) => t.startsWith('npm') || t === 'core')) continue;
        if (!edges.has(from)) edges.set(from, new Map());
        if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${m.source} -> ${d.resolved}`);
      }
    }
    // Within folders too: a module never imports itself round a loop (a few older ones are listed).
    const moduleEdges = new Map<string, Map<string, string>>();
    for (const m of output.modules) {
      if (!m.source.startsWith('src/')) continue;
      const targets = new Map<string, string>();
      for (const d of m.dependencies) if (d.resolved.startsWith('src/')) targets.set(d.resolved, `${m.source} -> ${d.resolved}`);
      moduleEdges.set(m.source, targets);
    }
    const moduleCycles = folderCycles(moduleEdges).map((cycle) => cycle.join(' | '));
    expect(moduleCycles.filter((cycle) => !knownModuleCycles.has(cycle))).toEqual([]);
    expect([...knownModuleCycles].filter((known) => !moduleCycles.includes(known))).toEqual([]);
    expect(edges.size).toBeGreaterThan(10);
    expect(folderCycles(edges).filter((cycle) => !knownCycles.has(cycle.join(' | ')))).toEqual([]);
    // A known cycle that is gone comes off the list.
    expect([...knownCycles].filter((known) => !folderCycles(edges).some((cycle) => cycle.join(' | ') === known))).toEqual([]);
  }, 180_000);
});

/** Each strongly connected set of nodes (folders or modules; Tarjan), shown with one import per edge inside it. */
function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    if (members.length > 1) {
      const inside = new Set(members);
      cycles.push(members.flatMap((a) => [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([, example]) => example)).sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
