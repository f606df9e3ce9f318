import { buildCaseCard, CASE_CARD_LIMITS } from '../../../src/cards/case-card';
import { buildVerdiepingCard } from '../../../src/cards/verdieping-view-card';
import type { CaseCardView } from '../../../src/cards/view';
import type { PartnerOrg } from '../../../src/domain/orgs';
import { verdiepingCardData } from '../../../src/views/verdieping-view';
import { largeVerdieping, scenarioDocs } from './advice-verdieping-fixtures';
import { largeView } from './fixtures';
import { texts, utf16Bytes } from './walk';

/**
 * Issue 14, "must show": the case card and the verdieping view stay within Teams' size limit with all
 * of verdieping on a large case — 30 duiding versions of 2,000 characters a field, 8 persons each
 * with a plan, 30 questions of 1,000 characters (29 open, asked of the viewer), 6 instruments,
 * 6 measures with 10 violations each — and line 1 (what is asked of me) stays first.
 */
function largeVerdiepingView(viewerOrg: PartnerOrg, chair: boolean): CaseCardView {
  const base = largeView();
  const { theCase, setup } = largeVerdieping(base.case);
  const { docs } = scenarioDocs(theCase, setup);
  const verdieping = verdiepingCardData(theCase, base.location, docs, { orgId: viewerOrg, chair }, base.now);
  return { ...base, case: theCase, viewerOrg, viewerIsChair: chair, verdiepingDocs: docs, ...(verdieping ? { verdieping } : {}) };
}

describe('size: the case card and the verdieping view on a large case in verdieping', () => {
  it.each([
    ['RvdK, asked 29 questions', 'rvdk', false],
    ['the chair (OM)', 'om', true],
    ['VT', 'vt', false],
  ] as const)('case card for %s: within the budget, line 1 first', (_, org, chair) => {
    const view = largeVerdiepingView(org, chair);
    const card = buildCaseCard(view);
    if (process.env.PRINT_SIZES) console.log(`case card ${org}: ${utf16Bytes(card)} bytes`);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    const all = texts(card);
    // Line 1: what is asked of this organisation, then the status with the next moment (in verdieping, not a dead termijn).
    expect(all[0]).toMatch(/Volgende bespreking/);
    if (org === 'rvdk') expect(all[0]).toMatch(/^Gevraagd van u: 29 vragen beantwoorden · /);
    if (org === 'om') expect(all[0]).toMatch(/^Gevraagd van u: duiding versie 30 bevestigen · /);
    if (org === 'vt') expect(all[0]).not.toContain('Gevraagd van u');
    if (org === 'rvdk') {
      // The questions themselves come before the contributions; one in full on the crowded card, the rest counted.
      const asked = all.findIndex((x) => x.startsWith('Gevraagd van u door'));
      expect(asked).toBeGreaterThan(0);
      expect(all).toContain('En nog 28 vragen aan u (zie Verdiepen).');
    }
  });

  it.each([
    ['RvdK, asked 29 questions', 'rvdk', false],
    ['the chair (OM)', 'om', true],
  ] as const)('verdieping view for %s: within the budget, the questions asked of me first', (_, org, chair) => {
    const card = buildVerdiepingCard(largeVerdiepingView(org, chair));
    if (process.env.PRINT_SIZES) console.log(`verdieping view ${org}: ${utf16Bytes(card)} bytes`);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CASE_CARD_LIMITS.maxBytes);
    const json = JSON.stringify(card);
    if (org === 'rvdk') expect(json.indexOf('sigAnswerText')).toBeLessThan(json.indexOf('rdWhatHappened'));
  });
});
