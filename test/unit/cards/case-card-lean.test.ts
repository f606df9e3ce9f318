import { buildCaseCard } from '../../../src/cards/case-card';
import { buildLeanCaseCard } from '../../../src/cards/case-card-lean';
import { VERBS } from '../../../src/cards/verbs';
import { nlLeanAnswer } from '../../../src/i18n/nl';
import { largeView, sampleCase, typicalView, vote } from './fixtures';
import { adaptiveCardProblems, executeActions } from './validate';
import { texts, utf8Bytes } from './walk';

/** The lean answer to a vote ('case-card-lean', docs/cards.md "The lean answer"). */
const notice = { kind: 'good' as const, text: 'Uw stem is vastgelegd.' };
const typical = () => typicalView({ notice });
const large = () => ({ ...largeView(), notice });
const politieMri = '29:1politie-mri';

describe('the lean answer to a vote (cards/case-card-lean.json)', () => {
  it.each([
    ['typical', typical()],
    ['large', large()],
    ['closed', typicalView({ notice, case: sampleCase({ status: 'closed' }) })],
    ['nobody voted', typicalView({ notice, votes: [] })],
  ])('%s: a valid Adaptive Card 1.5 with no template expression left', (_name, view) => {
    const card = buildLeanCaseCard(view, view.refreshUserIds[0]);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
  });

  it('says what happened, the status, the vote row and the picture, in the layout rule order', () => {
    const card = buildLeanCaseCard(typical(), politieMri);
    const lines = texts(card);
    expect(lines[0]).toBe(notice.text);
    // Line 1: the actor voted in round 2 (politie voted in round 1 only, so their vote is asked).
    expect(lines[1]).toMatch(/^Uw stem gevraagd · ronde 2 · 2 van \d buikpijn/);
    const verbs = executeActions(card).map((a) => a.verb);
    expect(verbs).toEqual(expect.arrayContaining([VERBS.voteConcern, VERBS.voteNoConcern, VERBS.open]));
    // The picture: who has buikpijn and why (VT's reason of this round), danger on top.
    expect(lines.join('\n')).toContain('Verdachte dreigde eerder met mes');
    expect(lines.join('\n')).toContain('ACUUT ONVEILIG');
    const json = JSON.stringify(card);
    expect(json.indexOf('Geen buikpijn')).toBeLessThan(json.indexOf('Verdachte dreigde eerder met mes'));
  });

  it('leaves out what the full card has behind its toggles and action row', () => {
    const view = typical();
    const lean = JSON.stringify(buildLeanCaseCard(view, politieMri));
    const full = JSON.stringify(buildCaseCard(view));
    // The details toggle, the contribution form, "Verdiepen" (its verb is the last of the full card's action row), a contribution.
    const verdiepen = executeActions(buildCaseCard(view)).find((a) => a.title === 'Verdiepen')?.verb ?? 'missing';
    for (const onFullOnly of ['Meer tonen', VERBS.addContribution, `"verb":"${verdiepen}"`, view.contributions[0]?.text ?? '']) {
      expect(full).toContain(onFullOnly);
      expect(lean).not.toContain(onFullOnly);
    }
  });

  it('the full card stays one click away and is fetched by refresh, for the actor only', () => {
    const card = buildLeanCaseCard(typical(), politieMri) as { refresh?: { action: { verb: string; data: unknown }; userIds: string[] } };
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: VERBS.refresh, data: { caseId: typical().case.id } },
      userIds: [politieMri],
    });
    const full = executeActions(card).find((a) => a.verb === VERBS.open);
    expect(full).toMatchObject({ title: nlLeanAnswer.fullCard.title, data: { caseId: typical().case.id } });
  });

  it('names nobody in the refresh list the actor is not (an unknown or foreign id gives an empty list)', () => {
    const of = (mri: string | undefined) => (buildLeanCaseCard(typical(), mri) as { refresh: { userIds: string[] } }).refresh.userIds;
    expect(of(undefined)).toEqual([]);
    expect(of('29:1not-on-the-roster')).toEqual([]);
    expect(of('29:1vt-mri')).toEqual(['29:1vt-mri']);
  });

  it('a closed case takes no vote: no vote row', () => {
    const view = typicalView({ notice, case: sampleCase({ status: 'closed' }) });
    const verbs = executeActions(buildLeanCaseCard(view, politieMri)).map((a) => a.verb);
    expect(verbs).not.toContain(VERBS.voteConcern);
    expect(verbs).not.toContain(VERBS.voteNoConcern);
    expect(verbs).toContain(VERBS.open);
  });

  it('is a fraction of the full card: at most 8 KB, also on the largest case (the full card is 12–40 KB)', () => {
    for (const view of [typical(), large()]) {
      const lean = utf8Bytes(buildLeanCaseCard(view, view.refreshUserIds[0]));
      const full = utf8Bytes(buildCaseCard(view));
      expect(lean).toBeLessThanOrEqual(8 * 1024);
      expect(lean * 2).toBeLessThan(full);
    }
  });

  it('shows role labels only: the viewer sees its own vote state, never a name', () => {
    const view = typicalView({ notice, votes: [...typical().votes, vote(2, 'politie', true, { reason: 'Zorgen over de kinderen' })] });
    const lines = texts(buildLeanCaseCard(view, politieMri));
    expect(lines[1]).toMatch(/^U hebt buikpijn gemeld · ronde 2/);
    expect(lines.join('\n')).toContain('Politie');
    expect(JSON.stringify(buildLeanCaseCard(view, politieMri))).not.toContain('aad-');
  });
});
