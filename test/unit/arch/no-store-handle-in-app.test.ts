import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Repository } from '../../../src/store/repository';
import type { DocStore } from '../../../src/store/docstore';

/**
 * The use cases (src/app) reach the store only through the repository's stores (cases, jobs,
 * conversations, audit, purges, vtOverrides, reports, postMarks), never through the DocStore under them: no `.db`, and the
 * repository has no public handle to reach it by.
 */
const APP = path.join(__dirname, '../../../src/app');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** `.db` as a property access (also `?.db` and `['db']`), outside comments and string literals. */
export function dbAccesses(source: string): number[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, (m) => (m === "'db'" || m === '"db"' ? m : '""'));
  return code.split('\n').flatMap((line, i) => (/\??\.db\b|\[\s*['"]db['"]\s*\]/.test(line) ? [i + 1] : []));
}

describe('src/app never reaches the DocStore', () => {
  it('the detector finds what it must and ignores what it must', () => {
    expect(dbAccesses('await deps.repo.db.get(x);')).toEqual([1]);
    expect(dbAccesses('const a = 1;\nconst s = deps.repo?.db;')).toEqual([2]);
    expect(dbAccesses("const s = deps.repo['db'];")).toEqual([1]);
    expect(dbAccesses("// deps.repo.db is gone\nconst f = 'zsm.db';\n/* repo.db */")).toEqual([]);
    expect(dbAccesses('deps.repo.dbName; deps.repo.cases.loadBundle(id);')).toEqual([]);
  });

  it.each(tsFiles(APP).map((f) => [path.relative(APP, f), f]))('%s has no `.db`', (_rel, file) => {
    expect(dbAccesses(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the repository offers no DocStore handle (only the stores split by what they hold)', () => {
    const fake = {} as DocStore;
    const repo = new Repository(fake);
    expect(Object.keys(repo).sort()).toEqual(['audit', 'cases', 'conversations', 'jobs', 'postMarks', 'purges', 'reports', 'vtOverrides']);
    expect(Object.values(repo)).not.toContain(fake);
    expect('db' in repo).toBe(false);
  });
});
