import { caseAreaSamples } from './samples';
import { contrastRatio, TEAMS_HOSTS, type Fg, type Style } from './host-colours';
import { ofType, type Node } from './walk';

/** Every (text colour, subtle, container style) a card paints, with the style it inherits. */
interface Pair {
  color: Fg;
  subtle: boolean;
  style: Style;
  text: string;
}

const STYLES: readonly string[] = ['default', 'emphasis', 'accent', 'good', 'attention', 'warning'];

function pairs(node: unknown, style: Style, out: Pair[]): Pair[] {
  if (Array.isArray(node)) {
    node.forEach((n) => pairs(n, style, out));
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const n = node as Node;
  let here = style;
  if (typeof n.style === 'string' && (n.type === 'Container' || n.type === 'Column') && STYLES.includes(n.style)) here = n.style as Style;
  // Teams opens an Action.ShowCard's card in the emphasis style (host config actions.showCard.style).
  if (n.type === 'Action.ShowCard') here = 'emphasis';
  if (n.type === 'TextBlock')
    out.push({
      color: (typeof n.color === 'string' ? n.color : 'default') as Fg,
      subtle: n.isSubtle === true,
      style: here,
      text: String(n.text),
    });
  for (const v of Object.values(n)) pairs(v, here, out);
  return out;
}

const AA = 4.5;

describe('contrast: every colour pair of the case-area cards meets WCAG AA in Teams light, dark and high contrast', () => {
  const samples = caseAreaSamples();

  it.each(samples.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const found = pairs(sample.card.body, 'default', []).concat(pairs(sample.card.actions ?? [], 'default', []));
    expect(found.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const host of TEAMS_HOSTS) {
      for (const p of found) {
        const fg = host.foreground(p.style)[p.color];
        const ratio = contrastRatio(p.subtle ? fg.subtle : fg.default, host.background[p.style]);
        if (ratio < AA)
          failures.push(
            `${host.name}: ${p.color}${p.subtle ? ' subtle' : ''} on ${p.style} = ${ratio.toFixed(2)} ("${p.text.slice(0, 40)}")`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('colour is never the only signal: no text carries a colour; styled boxes say what they mean in words', () => {
    for (const s of samples) {
      expect([
        s.name,
        ofType(s.card, 'TextBlock')
          .filter((t) => t.color !== undefined && t.color !== 'default')
          .map((t) => t.text),
      ]).toEqual([s.name, []]);
      for (const box of ofType(s.card, 'Container').filter((c) => c.style === 'attention')) {
        const words = ofType(box, 'TextBlock').map((t) => String(t.text));
        expect(words.join(' ').trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('the check itself fails the pairs Teams gets wrong (it can fail): yellow and green text on white, attention text on dark', () => {
    const light = TEAMS_HOSTS[0];
    const dark = TEAMS_HOSTS[1];
    if (!light || !dark) throw new Error('host configs missing');
    expect(contrastRatio(light.foreground('default').warning.default, light.background.default)).toBeLessThan(AA);
    expect(contrastRatio(light.foreground('default').good.default, light.background.default)).toBeLessThan(AA);
    expect(contrastRatio(dark.foreground('default').attention.default, dark.background.default)).toBeLessThan(AA);
    expect(contrastRatio(light.foreground('default').default.default, light.background.default)).toBeGreaterThan(15);
    // The Teams light pair #252424 on #FFFFFF is 15.5:1 (WCAG's example black/white is 21:1).
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
