import { buildActieoverlegCard } from '../../../src/cards/actieoverleg-card';
import { AFTERCARE_VERBS } from '../../../src/cards/aftercare-verbs';
import { aoMeetingModel } from '../../../src/cards/ao-meeting';
import { actieoverlegView, NOW, sampleEscalation } from './fixtures';
import { sampleMeeting, sampleOutcome } from './ao-part-samples';
import { aoOutcomeModel } from '../../../src/cards/ao-outcome';
import { adaptiveCardProblems } from './validate';

const owner = { orgId: 'rvdk' as const, aadObjectId: 'aad-rvdk-1', at: '2026-11-23T21:15:00.000Z' };
const base = { caseId: 'c0ffee12a9b8c7d6e5f4', open: true, now: NOW };

describe('the meeting part of the Actieoverleg card', () => {
  it.each([
    // [viewer, meeting set, case open, now, set form?, prepare form?]
    ['rvdk', false, true, NOW, true, false],
    ['politie', false, true, NOW, false, false],
    ['rvdk', true, true, NOW, true, true], // the owner's organisation is an invitee too
    ['om', true, true, NOW, false, true],
    ['halt', true, true, NOW, false, false], // not invited
    ['om', true, true, new Date('2026-11-26T09:00:00Z'), false, false], // the meeting has begun
    ['rvdk', true, false, NOW, false, false], // closed case: no controls
  ] as const)('%s, meeting %s, open %s, at %s: set form %s, prepare form %s', (viewerOrg, withMeeting, open, now, setForm, prepareForm) => {
    const m = aoMeetingModel({
      ...base,
      escalation: sampleEscalation({ caseOwner: owner, ...(withMeeting ? { meeting: sampleMeeting() } : {}) }),
      viewerOrg,
      open,
      now,
    });
    expect([m.setForm !== null, m.prepareForm !== null]).toEqual([setForm, prepareForm]);
  });

  it('says when and where, who is voorbereid with what they bring, and who is not yet', () => {
    const m = aoMeetingModel({ ...base, escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }), viewerOrg: 'vt' });
    expect(m.heading).toBe('Het Actieoverleg · 2 van 5 partners voorbereid');
    expect(m.moment).toBe('📅 Actieoverleg: do 26 nov 10:00, Teams-vergadering');
    expect(m.prepared.map((p) => p.text)).toEqual(['✓ Politie voorbereid: Eerdere meldingen op het adres', '✓ Veilig Thuis voorbereid']);
    expect(m.notPrepared).toBe('Nog niet voorbereid: OM, Reclassering (3RO), Raad voor de Kinderbescherming');
    expect(m.youArePrepared).not.toBeNull();
    expect(m.join?.url).toBe('https://teams.microsoft.com/l/meetup-join/abc');
  });

  it('sits right under the primary actions of the Actieoverleg card, which stays a valid card', () => {
    const card = buildActieoverlegCard(
      actieoverlegView({ escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }), viewerOrg: 'om' }),
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
    const texts = card.body.map((el) => JSON.stringify(el));
    const primary = texts.findIndex((s) => s.includes('"type":"ActionSet"') && s.includes('Naar de zaak'));
    expect(primary).toBeGreaterThan(0);
    expect(texts[primary + 1]).toContain('Het Actieoverleg · 2 van 5 partners voorbereid');
    // Without a primary action (no link, owner set): right under the title.
    const bare = buildActieoverlegCard(
      actieoverlegView({
        escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }),
        viewerOrg: 'om',
        caseLink: undefined,
      }),
    ).body.map((el) => JSON.stringify(el));
    expect(bare[bare.findIndex((s) => s.includes('"size":"large"')) + 1]).toContain('Het Actieoverleg · 2 van 5 partners voorbereid');
    expect(JSON.stringify(card)).toContain(AFTERCARE_VERBS.aoPrepared);
  });

  it.each([
    // [viewer, outcome recorded, now, form?, shown?]
    ['rvdk', false, NOW, false, false], // before the meeting: nothing to record
    ['rvdk', false, new Date('2026-11-26T09:00:00Z'), true, false], // from the moment of the meeting
    ['politie', false, new Date('2026-11-26T10:00:00Z'), false, false],
    ['politie', true, new Date('2026-11-26T10:00:00Z'), false, true],
    ['rvdk', true, new Date('2026-11-26T10:00:00Z'), true, true],
  ] as const)('outcome part for %s, recorded %s, at %s: form %s, shown %s', (viewerOrg, recorded, now, form, shown) => {
    const m = aoOutcomeModel({
      ...base,
      now,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting(), ...(recorded ? { outcome: sampleOutcome() } : {}) }),
      viewerOrg,
    });
    expect([m.form !== null, m.shown !== null]).toEqual([form, shown]);
  });

  it('shows the outcome as decisions per phase, who does what by when, and the ZVH registration', () => {
    const m = aoOutcomeModel({
      ...base,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting(), outcome: sampleOutcome() }),
      viewerOrg: 'om',
    });
    expect(m.shown?.lines.map((l) => l.text)).toEqual([
      'Veiligheidsplan (Veiligheid): Veiligheidsplan opstellen met beide ouders',
      'Interventie (Zorg): Ouderschapsondersteuning via het wijkteam',
      'Veilig Thuis: Huisbezoek en veiligheidsplan (uiterlijk 01-12-2026)',
      'Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie',
    ]);
  });
});
