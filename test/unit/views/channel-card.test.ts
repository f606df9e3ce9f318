import { buildChannelCard, CHANNEL_CARD_MAX_BYTES } from '../../../src/cards/channel-card';
import { buildCaseCard } from '../../../src/cards/case-card';
import { VERBS } from '../../../src/cards/verbs';
import { channelSummary, type ChannelSummary } from '../../../src/domain/views';
import { NOW, contribution, sampleCase, sampleLocation, vote } from '../cards/fixtures';
import { adaptiveCardProblems } from '../cards/validate';
import { texts, utf16Bytes } from '../cards/walk';

const theCase = sampleCase({ displayReference: 'PARKET-13-999999-26' });
const location = sampleLocation();
const votes = [vote(2, 'politie', true), vote(2, 'vt', true, { acuteUnsafe: true }), vote(2, 'om', false), vote(1, 'rvdk', true)];
const contributions = [contribution(1), contribution(2)];

function summary(kind: ChannelSummary['kind'] = 'case', escalated = false): ChannelSummary {
  return channelSummary({ kind, theCase, locationName: location.name, expectedOrgs: location.expectedOrgs, votes, escalated });
}

/** Every string value anywhere in the card (texts, titles, data). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe('the channel card (what every member of a channel may see)', () => {
  it('counts the current round only: voted, expected, buikpijn', () => {
    expect(summary().round).toEqual({ number: 2, voted: 3, expected: 6, concern: 2 });
  });

  it.each(['case', 'actieoverleg', 'advice'] as const)('%s: a valid card with the summary fields and nothing of the content', (kind) => {
    const card = buildChannelCard(summary(kind, true), ['29:a', '29:b'], NOW);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const all = strings(card).join('\n');
    expect(all).toContain('SBZ-997'); // the case code of the fixture's case id
    expect(all).toContain('Mishandeling');
    expect(texts(card)).toContain('ronde 2 · 3 van 6 gestemd · 2 buikpijn');
    expect(texts(card)).toContain('⚠ Geëscaleerd naar het Actieoverleg: ja');
    // Content of the case: none of it.
    const content = [
      theCase.facts.summary,
      theCase.displayReference as string,
      ...theCase.persons.flatMap((p) => [p.pseudonym ?? '']).filter((x) => x.length > 3),
      ...contributions.flatMap((c) => [c.text, c.needToKnow]),
      ...votes.flatMap((v) => (v.reason ? [v.reason] : [])),
      'ACUUT',
      'acuut onveilig',
    ];
    for (const c of content) expect(all).not.toContain(c);
    // Roles as whole words ("kind" is part of "KM = kindermishandeling", the badge's explanation).
    for (const p of theCase.persons) expect(all).not.toMatch(new RegExp(`\\b${p.role}\\b`));
    if (theCase.kmFlag) expect(texts(card).join('\n')).toContain('KM = kindermishandeling');
    // Refresh to the roster's personal views, and "Openen" for clients that do not refresh.
    const refresh = card.refresh as { action: { verb: string; data: unknown }; userIds: string[] };
    expect(refresh.userIds).toEqual(['29:a', '29:b']);
    expect(refresh.action.data).toEqual({ caseId: theCase.id });
    const open = card.actions as { type: string; title: string; verb: string }[];
    expect(open).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'Openen' })]);
    const expectedVerbs = {
      case: [VERBS.refresh, VERBS.open],
      actieoverleg: [VERBS.aoRefresh, VERBS.aoOpen],
      advice: [VERBS.adviceRefresh, VERBS.adviceOpen],
    }[kind];
    expect([refresh.action.verb, open[0]?.verb]).toEqual(expectedVerbs);
  });

  it('is small — also with 60 refresh users — and far smaller than the full case card', () => {
    const users = Array.from({ length: 75 }, (_, i) => `29:1a2b3c4d-5e6f-7a8b-9c0d-${String(i).padStart(12, '0')}`);
    const card = buildChannelCard(summary(), users, NOW);
    expect((card.refresh as { userIds: string[] }).userIds).toHaveLength(60);
    expect(utf16Bytes(card)).toBeLessThan(CHANNEL_CARD_MAX_BYTES);
    const full = buildCaseCard({ case: theCase, location, contributions, votes, refreshUserIds: users.slice(0, 60), now: NOW });
    expect(utf16Bytes(card) * 2).toBeLessThan(utf16Bytes(full));
  });

  it('says when the termijn has passed and when the case is closed', () => {
    const late = channelSummary({
      kind: 'case',
      theCase: sampleCase({ status: 'closed' }),
      locationName: location.name,
      expectedOrgs: location.expectedOrgs,
      votes: [],
      escalated: false,
    });
    const all = texts(buildChannelCard(late, [], new Date('2026-11-25T00:00:00Z')));
    expect(all).toEqual(expect.arrayContaining(['⚠ Termijn verstreken', 'Zaak gesloten', 'Geëscaleerd naar het Actieoverleg: nee']));
  });
});

describe('restricted contributions on the full card', () => {
  it('a viewer of another organisation sees "Bijdrage van VT, alleen zichtbaar voor …", not the text or reason', () => {
    const restricted = contribution(0, {
      orgId: 'vt',
      visibleTo: ['om', 'politie', 'rvdk', 'vt'],
      text: 'CANARY-unit-text',
      needToKnow: 'CANARY-unit-reason-1234',
    });
    const view = (org: 'shn' | 'om') => ({
      case: theCase,
      location,
      contributions:
        org === 'shn' ? [{ ...restricted, text: '', needToKnow: '', source: 'other' as const, withheld: true as const }] : [restricted],
      votes,
      viewerOrg: org,
      refreshUserIds: [],
      now: NOW,
    });
    const hidden = texts(buildCaseCard(view('shn'))).join('\n');
    expect(hidden).toContain('Bijdrage van VT, alleen zichtbaar voor OM, Politie, RvdK, VT');
    expect(hidden).not.toContain('CANARY');
    const shown = texts(buildCaseCard(view('om'))).join('\n');
    expect(shown).toContain('CANARY-unit-text');
    expect(shown).toContain('Alleen zichtbaar voor OM, Politie, RvdK, VT');
  });
});
