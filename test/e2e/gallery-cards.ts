/**
 * Which card template of `cards/` the gallery (test/e2e/cards-gallery.test.ts) shows, under which
 * screenshot names, and why a template is left out. `test/unit/cards/gallery-coverage.test.ts` lists
 * `cards/*.json` and fails when a template is in neither list; the gallery test fails when it did not
 * shoot every name listed here.
 */
export type GallerySize = 'typical' | 'large';

/** Template name (cards/<name>.json) → the gallery's screenshots of it (name and case sizes). */
export const GALLERY_CARDS: Readonly<Record<string, readonly { shot: string; sizes: readonly GallerySize[] }[]>> = {
  channel: [{ shot: 'case-channel-message', sizes: ['typical', 'large'] }],
  'case-card': [{ shot: 'case-personal-view', sizes: ['typical', 'large'] }],
  verdieping: [{ shot: 'verdieping', sizes: ['typical', 'large'] }],
  actieoverleg: [
    { shot: 'actieoverleg', sizes: ['typical', 'large'] },
    { shot: 'actieoverleg-outcome', sizes: ['typical', 'large'] },
  ],
  'vt-consultation': [{ shot: 'vt-consultation', sizes: ['typical', 'large'] }],
  advice: [{ shot: 'advice', sizes: ['typical', 'large'] }],
  // Typical: the gallery's two open cases. Large: twelve more, with every mark (fourteen on the agenda),
  // and the report from January on.
  agenda: [{ shot: 'agenda', sizes: ['typical', 'large'] }],
  report: [{ shot: 'report', sizes: ['typical', 'large'] }],
  'close-form': [{ shot: 'close-form', sizes: ['typical', 'large'] }],
  'audit-trail': [{ shot: 'audit-trail', sizes: ['typical', 'large'] }],
  // The answer to a vote, shot while the Playground's push of the message update is held (see the gallery).
  'case-card-lean': [{ shot: 'case-card-lean', sizes: ['typical', 'large'] }],
  // Typical: two evening consultations; large: eight (both answered in turn: call-back, known, not known).
  'vt-summary': [{ shot: 'vt-summary', sizes: ['typical', 'large'] }],
  // One size: these cards do not grow with the case.
  'new-case-prompt': [{ shot: 'new-case-prompt', sizes: ['typical'] }],
  'erase-confirm': [{ shot: 'erase-confirm', sizes: ['typical'] }],
  tombstone: [{ shot: 'tombstone', sizes: ['typical'] }],
};

/** Templates the gallery does not show, each with the reason. */
export const GALLERY_EXCLUDED: Readonly<Record<string, string>> = {};
