import { buildCaseCard, caseCardModel } from '../../../src/cards/case-card';
import { SIGNAL_INPUTS, SIGNAL_VERBS } from '../../../src/cards/safety-signals';
import { VD_VIEW_VERB } from '../../../src/cards/verdieping-inputs';
import { buildVerdiepingCard } from '../../../src/cards/verdieping-view-card';
import { adaptiveCardProblems } from './validate';
import { nodes } from './walk';
import { signalsView } from './signals-fixtures';
import { sampleCase } from './fixtures';

const NOW = new Date('2026-11-23T17:00:00Z');
const verbsOf = (card: unknown): string[] => nodes(card).flatMap((n) => (typeof n.verb === 'string' ? [n.verb] : []));

describe('case card: informatievragen, risk instruments and measures (issue 14 items 4-5)', () => {
  it("puts the question asked of the viewer's organisation first in the tasks with its age; the answer/decline forms are in the verdieping view", () => {
    const card = buildCaseCard(signalsView('rvdk', { now: NOW }));
    const json = JSON.stringify(card);
    expect(json).toContain('Gevraagd van u door Politie (5 uur open)');
    const model = caseCardModel(signalsView('rvdk', { now: NOW }));
    expect(JSON.stringify(model.tasks[0])).toContain('Gevraagd van u');
    expect(json.indexOf('Gevraagd van u')).toBeLessThan(json.indexOf('Meer tonen'));
    // The case card has no signal form, only "Verdiepen" in its action row.
    for (const v of Object.values(SIGNAL_VERBS)) expect(verbsOf(card)).not.toContain(v);
    expect(JSON.stringify(model.actions)).toContain(VD_VIEW_VERB);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const view = buildVerdiepingCard(signalsView('rvdk', { now: NOW }));
    expect(verbsOf(view)).toEqual(expect.arrayContaining([SIGNAL_VERBS.answerInfo, SIGNAL_VERBS.declineInfo, SIGNAL_VERBS.askInfo]));
    const picker = nodes(view).find((n) => n.id === SIGNAL_INPUTS.requestId) as { choices: { title: string }[] };
    expect(picker.choices[0].title).toBe('1. Politie (5 uur open)');
    expect(adaptiveCardProblems(view)).toEqual([]);
  });

  it('shows nothing asked of an organisation that was not asked, but the open question with its age in the list', () => {
    const card = buildCaseCard(signalsView('politie', { now: NOW }));
    const json = JSON.stringify(card);
    expect(json).not.toContain('Gevraagd van u');
    expect(json).toContain('Politie vraagt Raad voor de Kinderbescherming (5 uur open)');
    expect(json).toContain('Geweigerd door Veilig Thuis: Toestemming van de betrokkene nodig');
    expect(verbsOf(buildVerdiepingCard(signalsView('politie', { now: NOW })))).not.toContain(SIGNAL_VERBS.answerInfo);
  });

  it('names a violated measure and a high outcome in the danger block, and lists them in the safety part', () => {
    const model = caseCardModel(signalsView('politie', { now: NOW }));
    expect(model.danger).toEqual(expect.arrayContaining(['⚠ Overtreding van een locatieverbod gemeld', '⚠ B-SAFER: risico hoog']));
    const details = JSON.stringify(model.details);
    expect(details).toContain('Locatieverbod, houder OM, tot en met 2026-12-31');
    expect(details).toContain('SASH gevraagd aan Reclassering (3RO)');
  });

  it('offers the outcome form only to the asked organisation (in the verdieping view), and no forms on a closed case', () => {
    expect(verbsOf(buildVerdiepingCard(signalsView('3ro', { now: NOW })))).toContain(SIGNAL_VERBS.riskOutcome);
    expect(verbsOf(buildVerdiepingCard(signalsView('politie', { now: NOW })))).not.toContain(SIGNAL_VERBS.riskOutcome);
    expect(verbsOf(buildVerdiepingCard(signalsView('politie', { now: NOW })))).toContain(SIGNAL_VERBS.reportViolation);
    const closedView = signalsView('rvdk', { now: NOW, case: { ...sampleCase(), status: 'closed' } });
    for (const card of [buildCaseCard(closedView), buildVerdiepingCard(closedView)]) {
      const verbs = verbsOf(card);
      for (const v of Object.values(SIGNAL_VERBS)) expect(verbs).not.toContain(v);
      expect(JSON.stringify(card)).not.toContain('Gevraagd van u');
    }
  });

  it('a channel (no viewer) gets no forms and no "asked of you"', () => {
    const { viewerOrg: _v, ...view } = signalsView('rvdk', { now: NOW });
    for (const card of [buildCaseCard(view), buildVerdiepingCard(view)])
      for (const v of Object.values(SIGNAL_VERBS)) expect(verbsOf(card)).not.toContain(v);
  });
});
