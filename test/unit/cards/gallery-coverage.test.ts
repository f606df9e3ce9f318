import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GALLERY_CARDS, GALLERY_EXCLUDED } from '../../e2e/gallery-cards';

/**
 * Every card template in `cards/` is in the screenshot gallery (test/e2e/cards-gallery.test.ts, which
 * checks that it shot every entry of GALLERY_CARDS), or is excluded with a reason; since the lean answer
 * and VT's morning summary joined the gallery, none is excluded (issue 12: screenshots of every card).
 * The screenshots the gallery lists are in docs/cards/ at both widths.
 */
const ROOT = join(__dirname, '..', '..', '..');
const templates = readdirSync(join(ROOT, 'cards'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('card gallery coverage', () => {
  it('finds the card templates (the listing is not empty)', () => {
    expect(templates).toEqual(expect.arrayContaining(['case-card', 'agenda', 'verdieping', 'report']));
  });

  it.each(templates)('cards/%s.json has a gallery entry or a reason to be left out', (name) => {
    const listed = GALLERY_CARDS[name] !== undefined;
    const excluded = GALLERY_EXCLUDED[name];
    expect({ name, covered: listed || (excluded !== undefined && excluded.length > 20) }).toEqual({ name, covered: true });
    expect(listed && excluded !== undefined).toBe(false);
  });

  it('names no template that does not exist, and shows each listed one at least once', () => {
    for (const name of [...Object.keys(GALLERY_CARDS), ...Object.keys(GALLERY_EXCLUDED)]) expect(templates).toContain(name);
    for (const shots of Object.values(GALLERY_CARDS)) {
      expect(shots.length).toBeGreaterThan(0);
      for (const s of shots) expect(s.sizes.length).toBeGreaterThan(0);
    }
  });

  it('leaves no template out (issue 12: screenshots of every card)', () => {
    expect(Object.keys(GALLERY_EXCLUDED)).toEqual([]);
    expect(Object.keys(GALLERY_CARDS).sort()).toEqual(templates);
  });

  const shots = Object.values(GALLERY_CARDS).flatMap((list) =>
    list.flatMap((s) => s.sizes.flatMap((size) => ['360', 'desktop'].map((width) => `${s.shot}-${size}-${width}.png`))),
  );
  it.each(shots)('docs/cards/%s is there', (file) => {
    expect(existsSync(join(ROOT, 'docs', 'cards', file))).toBe(true);
  });
});
