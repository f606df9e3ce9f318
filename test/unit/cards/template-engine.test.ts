import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Template } from 'adaptivecards-templating';
import { CompiledTemplate, pruneNulls } from '../../../src/cards/template-engine';
import {
  renderTemplate,
  renderTemplateWithLibrary,
  templateJson,
  useTemplateEngine,
  type TemplateFolder,
} from '../../../src/cards/template';
import { buildCaseCard } from '../../../src/cards/case-card';
import { aoPartSamples } from './ao-part-samples';
import { casePartSamples } from './course-part-samples';
import { largeView, typicalView } from './fixtures';
import { partSamples } from './part-samples';
import { caseAreaSamples } from './samples';

/**
 * The compiled template engine (src/cards/template-engine.ts) must bind exactly as
 * adaptivecards-templating does: the library is the reference, run on the same input in the same test.
 */

/** The library's answer, or the fact that it threw (the compiled engine must throw too). */
function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run()) ?? 'undefined';
  } catch {
    return 'threw';
  }
}

/**
 * Both engines on one template (each parsed once); `pruned`: the compiled engine's one-walk pruning
 * (bindTemplate) against `pruneNulls` applied to the library's result.
 */
function engines(template: unknown): (data: unknown) => { library: string; compiled: string; prunedLibrary: string; pruned: string } {
  const library = new Template(template);
  const compiled = new CompiledTemplate(template);
  const compiledPruned = new CompiledTemplate(template, { pruneNulls: true });
  return (data) => ({
    library: outcome(() => library.expand({ $root: data }) as unknown),
    compiled: outcome(() => compiled.expand(data)),
    prunedLibrary: outcome(() => pruneNulls(library.expand({ $root: data }))),
    pruned: outcome(() => compiledPruned.expand(data)),
  });
}

const both = (template: unknown, data: unknown): ReturnType<ReturnType<typeof engines>> => engines(template)(data);

const ROOT = path.resolve(__dirname, '../../..');
const templates: { folder: TemplateFolder; name: string }[] = [
  ...(['cards', 'dialogs'] as const).flatMap((folder) =>
    readdirSync(path.join(ROOT, folder))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ folder, name: f.slice(0, -'.json'.length) })),
  ),
  ...readdirSync(path.join(ROOT, 'cards', 'parts'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ folder: 'cards' as const, name: `parts/${f.slice(0, -'.json'.length)}` })),
];

/** Every name a template's expressions use (paths and function arguments), to build models from. */
function namesIn(template: unknown): string[] {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string')
      for (const m of v.matchAll(/\$\{([^}]*)\}/g)) for (const n of m[1].matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) names.add(n[0]);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(template);
  for (const fn of ['if', 'concat', 'exists', 'count', 'string', 'null', 'true', 'false']) names.delete(fn);
  return [...names];
}

/** Values a view model holds, including the awkward ones (a `${…}` text, a key in another case, NaN). */
function modelArb(names: string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => n.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom('other', '$data', 'length') },
  );
  const leaf = fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, 1, 2, -1, 1.5, NaN, '', 'tekst', '${notice}', '**vet**', 'Ünïcødé ✓'),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -3, max: 3 }),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
    object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
    array: fc.array(tie('value'), { maxLength: 3 }),
  }));
  return fc.oneof(fc.dictionary(key, value, { minKeys: 1, maxKeys: 12 }), value);
}

describe('compiled templates bind exactly as adaptivecards-templating', () => {
  it.each(templates.map((t) => [`${t.folder}/${t.name}`, t] as const))('%s with random models', (_, t) => {
    const template = templateJson(t.folder, t.name);
    const names = namesIn(template);
    expect(names.length).toBeGreaterThan(0);
    const bind = engines(template);
    fc.assert(
      fc.property(modelArb(names), (model) => {
        const r = bind(model);
        expect(r.compiled).toEqual(r.library);
        expect(r.pruned).toEqual(r.prunedLibrary);
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  // Each expression form against each kind of value, in a property, an interpolated string and a $when.
  const VALUES: [string, unknown][] = [
    ['missing', undefined],
    ['null', null],
    ['0', 0],
    ['1', 1],
    ['NaN', NaN],
    ['empty text', ''],
    ['text', 'x'],
    ['template text', '${b}'],
    ['true', true],
    ['false', false],
    ['empty list', []],
    ['list', [1, 'y']],
    ['list of objects', [{ a: 1 }, { a: 2 }]],
    ['empty object', {}],
    ['object', { a: 1, A: 2, c: { d: 'e' } }],
    // Keys that lower-case to ASCII of the same length (the Kelvin sign: "k") or to a longer non-ASCII text (İ).
    ['object with Unicode keys', { '\u212A': 'kelvin', 'A\u0130': 'longer', a: 3 }],
  ];
  const EXPRESSIONS = [
    'a',
    'a.c.d',
    'a.A',
    'a.k',
    'a.ai',
    'A',
    'a[0]',
    'a[1].a',
    '$root.a',
    '$ROOT.a',
    '$data.a',
    '$index',
    '$host',
    'a != null',
    'a == null',
    'a == b',
    'a != b',
    'a == 1',
    "a == 'x'",
    'exists(a)',
    'exists(a.c)',
    'count(a)',
    'count(a) > 0',
    'count(a) == 0',
    'a > b',
    'a > 0',
    '!a',
    'a && b',
    'a || b',
    '!a || b != null',
    "if(a, 'ja', null)",
    "if(a, concat('**', b, '**'), b)",
    'concat(a, b)',
    'concat(a)',
    'string(a)',
    'toUpper(a)',
    "join(a, ', ')",
  ];
  it.each(EXPRESSIONS)('${%s} for every kind of a and b', (expr) => {
    const template = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: `\${${expr}}` },
        { type: 'TextBlock', text: `voor \${${expr}} na \${b}` },
        { type: 'TextBlock', $when: `\${${expr}}`, text: 'gezien' },
        { type: 'Container', $data: `\${${expr}}`, items: [{ type: 'TextBlock', text: '${$index}: ${a}', $when: '${$index != 1}' }] },
      ],
    };
    const bind = engines(template);
    for (const [name, a] of VALUES)
      for (const b of [undefined, null, 'y', 1, [{ a: 3 }], { a: 1 }]) {
        const data: Record<string, unknown> = {};
        if (a !== undefined) data.a = a;
        if (b !== undefined) data.b = b;
        const r = bind(data);
        expect([name, b, r.compiled]).toEqual([name, b, r.library]);
        expect([name, b, r.pruned]).toEqual([name, b, r.prunedLibrary]);
      }
  });

  it('treats the template structure as the library does ($when literals, $data lists with gaps, nested $index, null items)', () => {
    const template = {
      body: [
        { $when: true, text: 'a literal true drops the object' },
        { $when: '', text: 'an empty literal keeps it' },
        { $when: 'no expression', text: 'a text drops it' },
        null,
        '${missing}',
        { $data: '${rows}', text: '${$index}:${name}', inner: { $data: '${cells}', text: '${$index}/${$root.title}/${name}' } },
        { $data: '${one}', text: '${name}' },
        { $data: [{ name: 'literal' }], text: '${name}' },
        { $data: '${none}', text: 'never' },
        ['${rows}', '${title}'],
      ],
      $schema: 'kept',
      $host: 'reserved, left out',
    };
    const data = {
      title: 'T',
      rows: [{ name: 'r0', cells: [{ name: 'c0' }, { name: 'c1' }] }, undefined, { name: 'r2', cells: [] }, null],
      one: { name: 'single' },
      none: [],
    };
    const r = both(template, data);
    expect(r.compiled).toEqual(r.library);
    expect(r.compiled).toContain('literal');
    expect(r.pruned).toEqual(r.prunedLibrary);
  });

  it('throws where the library throws (an interpolated null)', () => {
    const template = { text: 'x ${if(a, null, null)}' };
    expect(both(template, { a: true })).toEqual({ library: 'threw', compiled: 'threw', prunedLibrary: 'threw', pruned: 'threw' });
  });
});

describe('cards are byte-identical under both engines (the golden test: same view, same card)', () => {
  afterEach(() => useTemplateEngine('compiled'));

  const render = (engine: 'compiled' | 'library'): string[] => {
    useTemplateEngine(engine);
    return [
      JSON.stringify(buildCaseCard(typicalView())),
      JSON.stringify(buildCaseCard(largeView())),
      JSON.stringify(buildCaseCard(typicalView({ viewerOrg: undefined }))),
      ...caseAreaSamples().map((s) => `${s.name}\n${JSON.stringify(s.card)}`),
      ...partSamples().map((s) => `${s.name}\n${JSON.stringify(s.card)}`),
      ...casePartSamples().map((s) => `${s.name}\n${JSON.stringify(s.card)}`),
      ...aoPartSamples().map((s) => `${s.name}\n${JSON.stringify(s.card)}`),
    ];
  };

  it('every sample card of the card tests', () => {
    const library = render('library');
    const compiled = render('compiled');
    expect(compiled.length).toBeGreaterThan(50);
    expect(compiled.length).toBe(library.length);
    for (let i = 0; i < compiled.length; i++) expect(compiled[i]).toBe(library[i]);
  });

  it('renderTemplate binds with the compiled engine by default, and the switch reaches the library', () => {
    const model = { title: 'x' };
    const a = renderTemplate('cards', 'parts/notice', { notice: { text: 'x', style: 'good' } });
    useTemplateEngine('library');
    const b = renderTemplate('cards', 'parts/notice', { notice: { text: 'x', style: 'good' } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(renderTemplateWithLibrary('cards', 'parts/notice', model))).toBe(
      JSON.stringify(new Template(templateJson('cards', 'parts/notice')).expand({ $root: model })),
    );
  });
});
