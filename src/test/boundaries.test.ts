/**
 * The module boundaries, checked on the source like the access matrix is checked on the routes:
 * - core imports no domain module (it is what every module builds on);
 * - a module uses another only through that module's public face: `index.ts` (its services) and
 *   `read-model.ts` (tables and queries it lets others read, never write);
 * - in a domain module, SQL lives in `queries.ts` (tables in `schema.ts`): no other file builds or
 *   runs a query, and routes reach it only through the services;
 * - the tables a read model lends are written only by their own module.
 * Tests, fixtures and the tools around the app (src/test, src/e2e, src/cli) may reach further.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MODULES } from '../modules.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = MODULES.map((m) => m.name).filter((n) => n !== 'core');
/** A module's files that other modules may import. */
const PUBLIC_FACE = new Set(['index.ts', 'read-model.ts']);
/** Outside the app: free to reach into any module for fixtures and tooling. */
const TOOLING = ['test', 'e2e', 'cli'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `src/aduan/reads.ts` → ['aduan', 'reads.ts']; a file directly under src has no module. */
const placeOf = (file: string): { top: string; rest: string } => {
  const [top, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? { top: top!, rest: rest.join('/') } : { top: '', rest: top! };
};

/** Relative imports of a file (static and dynamic), resolved to .ts files under src. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(SRC);

it('core imports no domain module', () => {
  const bad = files
    .filter((f) => placeOf(f).top === 'core')
    .flatMap((f) => importsOf(f).filter((i) => !placeOf(i).top.startsWith('core') && placeOf(i).rest !== 'config.ts').map((i) => `${path.relative(SRC, f)} imports ${path.relative(SRC, i)}`));
  expect(bad).toEqual([]);
});

it('a module uses another only through its index.ts and read-model.ts', () => {
  const bad: string[] = [];
  for (const f of files) {
    const from = placeOf(f);
    if (TOOLING.includes(from.top)) continue;
    for (const i of importsOf(f)) {
      const to = placeOf(i);
      if (!DOMAIN.includes(to.top) || to.top === from.top) continue;
      // The module list itself names each module's registration.
      const allowed = PUBLIC_FACE.has(to.rest) || (to.rest === 'module.ts' && from.top === '' && from.rest === 'modules.ts');
      if (!allowed) bad.push(`${path.relative(SRC, f)} imports ${path.relative(SRC, i)}`);
    }
  }
  expect(bad).toEqual([]);
});

it('in a domain module, SQL lives in queries.ts', () => {
  const SQL_USE = /from 'drizzle-orm'|\b(?:db|tx|ctx\.db|s\.tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(/;
  const bad = files
    .filter((f) => DOMAIN.includes(placeOf(f).top) && !['queries.ts', 'schema.ts'].includes(path.basename(f)))
    // Type-only imports build no query.
    .filter((f) => SQL_USE.test(fs.readFileSync(f, 'utf8').replace(/^import type .*$/gm, '')))
    .map((f) => path.relative(SRC, f));
  expect(bad).toEqual([]);
});

it('routes call services, not queries', () => {
  const bad = files
    .filter((f) => DOMAIN.includes(placeOf(f).top) && /(^|-)routes\.ts$/.test(path.basename(f)))
    .filter((f) => importsOf(f).some((i) => path.basename(i) === 'queries.ts'))
    .map((f) => path.relative(SRC, f));
  expect(bad).toEqual([]);
});

it('a table lent through a read model is written only by its own module', () => {
  const bad: string[] = [];
  for (const name of DOMAIN) {
    const readModel = path.join(SRC, name, 'read-model.ts');
    if (!fs.existsSync(readModel)) continue;
    const source = fs.readFileSync(readModel, 'utf8');
    // A read model of counts only (kemiskinan's, ppid's) lends no table: nothing to guard.
    if (!source.includes("'./schema.js'")) continue;
    const lent = /export \{([^}]*)\} from '\.\/schema\.js'/.exec(source)?.[1]?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
    expect(lent.length, readModel).toBeGreaterThan(0);
    const write = new RegExp(`\\.(?:insert|update|delete)\\(\\s*(?:\\w+\\.)?(?:${lent.join('|')})\\s*\\)`);
    for (const f of files.filter((x) => placeOf(x).top !== name && write.test(fs.readFileSync(x, 'utf8')))) bad.push(`${path.relative(SRC, f)} writes a table of ${name}`);
  }
  expect(bad).toEqual([]);
});

it('the checks see the modules', () => {
  expect(DOMAIN).toEqual(expect.arrayContaining(['aduan', 'kemiskinan', 'dashboard', 'open311']));
  expect(files.filter((f) => placeOf(f).top === 'aduan').length).toBeGreaterThan(10);
  expect(importsOf(path.join(SRC, 'app.ts'))).toContain(path.join(SRC, 'modules.ts'));
});
