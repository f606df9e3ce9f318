import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue 12, must-show: "every card and dialog lives as a template in cards/ or dialogs/; no card
 * layout is left in src/". src builds view models; an Adaptive Card element written as an object
 * literal under src/ (`type: 'TextBlock'`, `"type": "Input.Text"`, …) fails here.
 */
const ROOT = path.resolve(__dirname, '../../..');
/** The binding machinery and the card's structural type: they name element types without building layout. */
const ALLOWED = new Set(['src/cards/bind.ts', 'src/cards/template.ts', 'src/cards/parts.ts', 'src/cards/types.ts']);
const ELEMENT_LITERAL =
  /["']?\btype["']?\s*:\s*["'](AdaptiveCard|TextBlock|RichTextBlock|TextRun|Container|ColumnSet|Column|FactSet|ImageSet|Image|Media|Table|TableRow|TableCell|ActionSet|Action\.[A-Za-z]+|Input\.[A-Za-z]+)["']/g;

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|js|json)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** `file:line: literal` for every element literal in `source`. */
function literals(file: string, source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(ELEMENT_LITERAL)) {
    const line = source.slice(0, m.index).split('\n').length;
    out.push(`${file}:${line}: ${m[0]}`);
  }
  return out;
}

describe('no card layout in src/ (the layout lives in cards/ and dialogs/)', () => {
  it('the check recognises element literals in either quoting, and leaves comparisons and models alone', () => {
    expect(literals('x.ts', "{ type: 'TextBlock', text: t }")).toHaveLength(1);
    expect(literals('x.ts', '{ "type": "Input.ChoiceSet" }\n{ type:"Action.Execute" }')).toEqual([
      'x.ts:1: "type": "Input.ChoiceSet"',
      'x.ts:2: type:"Action.Execute"',
    ]);
    expect(literals('x.ts', "return { type: 'Container', items };")).toHaveLength(1);
    expect(literals('x.ts', "e.type === 'Container'; const kind: 'ActionSet' = x; { weight: 'bolder', style: 'attention' }")).toEqual([]);
  });

  it('no file under src/ builds an Adaptive Card element as an object literal', () => {
    const found = files(path.join(ROOT, 'src'))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => literals(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the files allowed to name element types exist (a stale allow-list would hide a move)', () => {
    for (const f of ALLOWED) expect([f, files(path.join(ROOT, path.dirname(f))).some((p) => p.endsWith(f))]).toEqual([f, true]);
  });
});
