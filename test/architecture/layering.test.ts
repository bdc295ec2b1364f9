import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules of docs/architecture.md, checked on the import statements themselves (an in-repo
// equivalent of dependency-cruiser: the rules are few, and a test names the offending file).
// Where today's code still breaks a rule, the file is listed below as known debt: the test fails
// when a new file breaks the rule, and when a listed file no longer does (take it off the list),
// so the lists only shrink.
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Domain modules that still see the Prisma client type (issue 13, item 3). Empty since every store
 * moved behind a port; a module that breaks the rule again fails the test, it is not listed here.
 */
const prismaInDomainDebt: readonly string[] = [];
/**
 * Folders of src/ still caught in an import cycle (each group sorted, joined by " ~ "). The last one
 * (complaints ~ privacy ~ staff ~ storage ~ warnings) ran through the Prisma imports above and went
 * with them.
 */
const folderCycleDebt: readonly string[] = [];
/**
 * Console and web route files that still reach the Prisma client (issue 13, item 4: routes receive
 * services, never db). Empty since the last staff routes moved behind ports.
 */
const prismaInRoutesDebt: readonly string[] = [];
/** Scripts that drive the fake platforms of the tests (the chaos and load tools). */
const scriptsUsingTestSupport = ['scripts/bench-broadcast.ts', 'scripts/chaos.ts', 'scripts/load-channels.ts'];

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [rel] : [];
  });
}

/** Each relative import of a file, resolved to a path from the repository root. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]!).map((spec) => (spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec));
}

const src = files('src');
const domain = src.filter((f) => !f.startsWith('src/storage/'));

describe('layering (docs/architecture.md)', () => {
  it('keeps the core free of channels, web, scripts and tests', () => {
    const outward = src.flatMap((f) => imports(f).filter((i) => /^(bot|scripts|test)\//.test(i) || /^(grammy|hono|@hono|@grammyjs)/.test(i)).map((i) => `${f} -> ${i}`));
    expect(outward).toEqual([]);
  });

  it('lets only src/storage reach Prisma, apart from the listed debt', () => {
    const prisma = (i: string) => i.startsWith('generated/') || i.startsWith('@prisma/') || i.startsWith('src/storage/');
    const offenders = domain.filter((f) => imports(f).some(prisma)).sort();
    expect(offenders.filter((f) => !prismaInDomainDebt.includes(f)), 'new domain files importing storage or Prisma').toEqual([]);
    expect(prismaInDomainDebt.filter((f) => !offenders.includes(f)), 'listed as debt but clean now: take off the list').toEqual([]);
  });

  it('keeps the Prisma client out of the console and web routes, apart from the listed debt', () => {
    // An import of the generated client, of @prisma/*, or of the Db type; or a query on a `db` handle
    // (`deps.db.complaint.findMany`, `db.$transaction`): the route would run SQL itself.
    const client = (i: string) => i.startsWith('generated/') || i.startsWith('@prisma/') || i === 'src/storage/database.ts';
    const query = /\bdb\s*\.\s*[$\w]+|\$(?:transaction|queryRaw|executeRaw)/;
    const routes = [...files('bot/staff'), ...files('bot/web')];
    const offenders = routes.filter((f) => imports(f).some(client) || query.test(readFileSync(path.join(root, f), 'utf8'))).sort();
    expect(offenders.filter((f) => !prismaInRoutesDebt.includes(f)), 'route files reaching the Prisma client').toEqual([]);
    expect(prismaInRoutesDebt.filter((f) => !offenders.includes(f)), 'listed as debt but clean now: take off the list').toEqual([]);
  });

  it('has no import cycle between folders of src/, apart from the listed debt', () => {
    const folder = (f: string) => f.split('/')[1]!;
    const edges = new Map<string, Set<string>>();
    for (const f of src) {
      for (const i of imports(f).filter((x) => x.startsWith('src/'))) {
        if (folder(i) === folder(f)) continue;
        if (!edges.has(folder(f))) edges.set(folder(f), new Set());
        edges.get(folder(f))!.add(folder(i));
      }
    }
    // Strongly connected components (Tarjan): the folders of one component import each other in a cycle.
    let index = 0;
    const stack: string[] = [];
    const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
    const components: string[][] = [];
    const visit = (v: string) => {
      meta.set(v, { index, low: index, onStack: true });
      index += 1;
      stack.push(v);
      for (const w of edges.get(v) ?? []) {
        if (!meta.has(w)) {
          visit(w);
          meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.low);
        } else if (meta.get(w)!.onStack) meta.get(v)!.low = Math.min(meta.get(v)!.low, meta.get(w)!.index);
      }
      if (meta.get(v)!.low === meta.get(v)!.index) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          meta.get(w)!.onStack = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) components.push(component.sort());
      }
    };
    for (const v of edges.keys()) if (!meta.has(v)) visit(v);
    const groups = components.map((c) => c.join(' ~ ')).sort();
    expect(groups.filter((g) => !folderCycleDebt.includes(g)), 'new folder cycles').toEqual([]);
    expect(folderCycleDebt.filter((g) => !groups.includes(g)), 'listed as debt but gone: take off the list').toEqual([]);
  });

  it('keeps test helpers out of the product: bot/ never, scripts/ only the listed tools', () => {
    const fromTests = (f: string) => imports(f).some((i) => i.startsWith('test/'));
    expect(files('bot').filter(fromTests)).toEqual([]);
    expect(files('scripts').filter(fromTests).sort()).toEqual(scriptsUsingTestSupport);
  });
});
