import { AFTERCARE_INPUTS, AFTERCARE_VERBS } from '../../src/cards/aftercare-verbs';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { AO_OUTCOME_VERB, outcomeInputIds as ids } from '../../src/cards/aftercare-verbs';
import { meetingReminderJobId } from '../../src/domain/aftercare/meeting';
import type { Job } from '../../src/store/jobs';
import { LOCATION, testRoster, USERS } from '../helpers/fixtures';
import {
  invokeVerb,
  ManualClock,
  newCaseAt,
  personalActivity,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
  greetAllUsers,
} from '../helpers/host';

/**
 * After the decision (issue 15), through HTTP and the Connector stub: the Actieoverleg meeting's
 * moment, each invitee's "voorbereid", and the reminder the day before at the location's local time
 * (a test clock drives the durable timer).
 */
jest.setTimeout(60_000);
const MINUTE = 60_000;
let t: TestHost;
let clock: ManualClock;

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);

/** A case escalated (acuut onveilig) with its Actieoverleg card posted and RvdK as casusverantwoordelijke. */
async function escalatedCase(): Promise<string> {
  const caseId = await newCaseAt(t, clock);
  await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Direct gevaar', [INPUTS.voteAcute]: 'true' });
  await settle(t);
  expect((await t.host.deps.repo.getEscalation(caseId))?.body.actieoverlegRef).toBeDefined();
  expect(await invoke(USERS.rvdk, VERBS.aoBecomeOwner, { caseId })).toContain('casusverantwoordelijke');
  return caseId;
}

const setMoment = (from: string, caseId: string, date: string, time: string, place = 'Zorg- en Veiligheidshuis', link = '') =>
  invoke(from, AFTERCARE_VERBS.aoMeetingSet, {
    caseId,
    [AFTERCARE_INPUTS.meetingDate]: date,
    [AFTERCARE_INPUTS.meetingTime]: time,
    [AFTERCARE_INPUTS.meetingPlace]: place,
    [AFTERCARE_INPUTS.meetingLink]: link,
  });

/** Replies in the Actieoverleg card's thread (the reminder goes there). */
async function aoThreadTexts(caseId: string): Promise<string[]> {
  const ref = (await t.host.deps.repo.getEscalation(caseId))?.body.actieoverlegRef;
  return t.stub
    .successful('send')
    .filter((c) => ref && c.conversationId === ref.conversationId)
    .map((c) => String((c.body as { text?: unknown }).text ?? ''));
}

beforeAll(async () => {
  // Monday 23 November 2026, 20:00 Amsterdam time (CET, UTC+1).
  clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
  const roster = testRoster();
  roster.locations = roster.locations.map((l) => (l.id === LOCATION ? { ...l, aftercare: { meetingReminderTime: '16:00' } } : l));
  t = await startTestHost({ clock, roster });
  await greetAllUsers(t);
  // The app installed personally for these (1:1 terugkoppeling).
  for (const u of [USERS.politie, USERS.vt, USERS.om, USERS.rvdk]) await sendActivity(t.base, personalActivity(t.stub.url, u));
});
afterAll(async () => {
  await t.stop();
});

describe('the Actieoverleg as a meeting', () => {
  it('only the casusverantwoordelijke sets the moment; bad input gets a Dutch reason that does not repeat it', async () => {
    const caseId = await escalatedCase();
    const byOther = await setMoment(USERS.politie, caseId, '2026-11-26', '10:00');
    expect(byOther).toContain('Alleen de casusverantwoordelijke legt het moment van het Actieoverleg vast.');
    const past = await setMoment(USERS.rvdk, caseId, '2026-11-20', '10:00');
    expect(past).toContain('Het moment ligt in het verleden');
    const badLink = await setMoment(USERS.rvdk, caseId, '2026-11-26', '10:00', '', 'https://evil.example/meet');
    expect(badLink).toContain('geen Teams-vergaderlink');
    expect(badLink).not.toContain('evil.example');
    const garbled = await setMoment(USERS.rvdk, caseId, '26-11-2026', '10:00');
    expect(garbled).toContain('Vul een geldige datum en tijd in');
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.meeting).toBeUndefined();
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'actieoverleg.meeting')).toHaveLength(0);
  });

  it('the moment shows on the personal Actieoverleg card; each invitee marks voorbereid; the reminder comes the day before at 16:00 NL time', async () => {
    const caseId = await escalatedCase();
    const set = await setMoment(USERS.rvdk, caseId, '2026-11-26', '10:00', '', 'https://teams.microsoft.com/l/meetup-join/abc');
    expect(set).toContain('Het moment van het Actieoverleg is vastgelegd.');
    const meeting = (await t.host.deps.repo.getEscalation(caseId))?.body.meeting;
    expect(meeting).toMatchObject({ at: '2026-11-26T09:00:00.000Z', invitees: ['politie', 'om', '3ro', 'rvdk', 'vt'], revision: 1 });
    // The day before (Wednesday 25 November) at 16:00 Amsterdam time = 15:00 UTC in winter.
    const job = (await t.host.db.get<Job>(caseId, meetingReminderJobId(caseId, 1)))?.body;
    expect(job).toMatchObject({ type: 'meetingReminder', dueAt: '2026-11-25T15:00:00.000Z', status: 'pending' });

    // Every invitee sees the moment in their personal view of the Actieoverleg card.
    for (const u of [USERS.politie, USERS.om, USERS.reclassering, USERS.vt]) {
      const card = await invoke(u, VERBS.aoOpen, { caseId });
      expect(card).toContain('do 26 nov');
      expect(card).toContain('Teams-vergadering');
      expect(card).toContain(AFTERCARE_VERBS.aoPrepared);
      // Only the casusverantwoordelijke's organisation gets the moment form.
      expect(card).not.toContain(AFTERCARE_VERBS.aoMeetingSet);
    }
    expect(await invoke(USERS.rvdk, VERBS.aoOpen, { caseId })).toContain(AFTERCARE_VERBS.aoMeetingSet);

    // Halt is on the roster but not invited.
    expect(await invoke(USERS.halt, AFTERCARE_VERBS.aoPrepared, { caseId, [AFTERCARE_INPUTS.preparedBrings]: 'x' })).toContain(
      'niet uitgenodigd',
    );
    // Three of the five invitees prepare, each with what it brings.
    expect(
      await invoke(USERS.politie, AFTERCARE_VERBS.aoPrepared, {
        caseId,
        [AFTERCARE_INPUTS.preparedBrings]: 'Eerdere meldingen op het adres',
      }),
    ).toContain('✓ Politie voorbereid: Eerdere meldingen op het adres');
    await invoke(USERS.vt, AFTERCARE_VERBS.aoPrepared, { caseId, [AFTERCARE_INPUTS.preparedBrings]: 'Lopend traject bij VT' });
    const third = await invoke(USERS.om, AFTERCARE_VERBS.aoPrepared, { caseId, [AFTERCARE_INPUTS.preparedBrings]: '' });
    expect(third).toContain('3 van 5 partners voorbereid');
    expect(third).toContain('Nog niet voorbereid: Reclassering (3RO), Raad voor de Kinderbescherming');
    const prepared = (await t.host.deps.repo.getEscalation(caseId))?.body.meeting?.preparations.map((p) => p.orgId);
    expect(prepared).toEqual(['politie', 'om', 'vt']);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'actieoverleg.prepared').map((a) => a.actorOrg)).toEqual(['politie', 'vt', 'om']);
    expect(JSON.stringify(audit)).not.toContain('Eerdere meldingen');

    // Nothing before the moment; at 16:00 the day before, one reminder in the Actieoverleg thread.
    clock.advance(Date.parse('2026-11-25T14:59:00Z') - clock.now().getTime());
    await settle(t);
    expect((await aoThreadTexts(caseId)).filter((x) => x.includes('Herinnering'))).toEqual([]);
    clock.advance(MINUTE);
    await settle(t);
    const reminders = (await aoThreadTexts(caseId)).filter((x) => x.includes('Herinnering'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('morgen is het Actieoverleg');
    expect(reminders[0]).toContain('Nog niet voorbereid: Reclassering (3RO), Raad voor de Kinderbescherming.');
    clock.advance(60 * MINUTE);
    await settle(t);
    expect((await aoThreadTexts(caseId)).filter((x) => x.includes('Herinnering'))).toHaveLength(1);
  });

  it('the outcome: recorded by the casusverantwoordelijke after the meeting, on the Actieoverleg card and as case actions, terugkoppeling in the thread and 1:1', async () => {
    const caseId = await escalatedCase();
    // The meeting two days ahead (10:00 Amsterdam time), politie and VT prepare.
    const day = new Date(clock.now().getTime() + 2 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
    expect(await setMoment(USERS.rvdk, caseId, day, '10:00')).toContain('Het moment van het Actieoverleg is vastgelegd.');
    await invoke(USERS.politie, AFTERCARE_VERBS.aoPrepared, { caseId, [AFTERCARE_INPUTS.preparedBrings]: 'Eerdere meldingen' });
    await invoke(USERS.vt, AFTERCARE_VERBS.aoPrepared, { caseId, [AFTERCARE_INPUTS.preparedBrings]: '' });
    const outcome = {
      caseId,
      [ids.decisionSubject(1)]: 'safety_plan',
      [ids.decisionPhase(1)]: 'safety',
      [ids.decisionText(1)]: 'Veiligheidsplan opstellen met beide ouders',
      [ids.decisionSubject(2)]: 'intervention',
      [ids.decisionPhase(2)]: 'care',
      [ids.decisionText(2)]: 'Ouderschapsondersteuning via het wijkteam',
      [ids.decisionText(3)]: '',
      [ids.actionOwner(1)]: 'vt',
      [ids.actionWhat(1)]: 'Huisbezoek en veiligheidsplan',
      [ids.actionDue(1)]: day,
      [ids.actionWhat(2)]: '',
      [ids.actionDue(2)]: '',
      [ids.zvh]: 'true',
    };
    // Not before the meeting, and never by another partner.
    expect(await invoke(USERS.rvdk, AO_OUTCOME_VERB, outcome)).toContain('Het Actieoverleg heeft nog niet plaatsgevonden.');
    clock.advance(2 * 24 * 60 * MINUTE + 60 * MINUTE);
    await settle(t);
    expect(await invoke(USERS.politie, AO_OUTCOME_VERB, outcome)).toContain('Alleen de casusverantwoordelijke legt de uitkomst vast.');
    expect(await invoke(USERS.rvdk, AO_OUTCOME_VERB, { ...outcome, [ids.actionDue(1)]: '' })).toContain(
      'Vul elk besluit (minstens 3 tekens) en elke actie (wie, wat en een datum) volledig in.',
    );
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.outcome).toBeUndefined();

    const saved = await invoke(USERS.rvdk, AO_OUTCOME_VERB, outcome);
    expect(saved).toContain('De uitkomst van het Actieoverleg is vastgelegd.');
    expect(saved).toContain('Veiligheidsplan (Veiligheid): Veiligheidsplan opstellen met beide ouders');
    expect(saved).toContain('Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie');
    const recorded = (await t.host.deps.repo.getEscalation(caseId))?.body.outcome;
    expect(recorded).toMatchObject({ revision: 1, zvhCasusregie: true, recordedBy: { orgId: 'rvdk' } });
    expect(recorded?.decisions.map((d) => d.phase)).toEqual(['safety', 'care']);
    // The action is on the case (the case card's actions), due at 17:00 Amsterdam time on its date.
    const theCase = await t.host.deps.repo.getCase(caseId);
    const action = theCase?.actions.find((a) => a.id === 'ao-action-1');
    expect(action).toMatchObject({ orgId: 'vt', what: 'Huisbezoek en veiligheidsplan', status: 'open' });
    expect(
      new Date(action?.dueAt ?? '').toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }),
    ).toBe('17:00');
    // The same outcome again is no change (no second terugkoppeling).
    expect(await invoke(USERS.rvdk, AO_OUTCOME_VERB, outcome)).toContain('De uitkomst van het Actieoverleg is vastgelegd.');
    await settle(t);

    // Thread: only that there is an outcome (the location channel); 1:1: the content, to those who prepared.
    const ref = await t.host.deps.repo.getCardRef(caseId);
    const thread = t.stub.successful('send').filter((c) => ref && c.conversationId === ref.conversationId);
    const notes = thread.filter((c) => JSON.stringify(c.body).includes('de uitkomst van het Actieoverleg is vastgelegd'));
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes)).not.toContain('beide ouders');
    const personal = (aad: string) =>
      t.stub
        .successful('send')
        .filter((c) => c.conversationId === `a:personal-${aad}` && JSON.stringify(c.body).includes('Terugkoppeling Actieoverleg'));
    expect(personal(USERS.politie)).toHaveLength(1);
    expect(personal(USERS.vt)).toHaveLength(1);
    expect(JSON.stringify(personal(USERS.vt)[0]?.body)).toContain('Huisbezoek en veiligheidsplan');
    expect(personal(USERS.rvdk)).toHaveLength(0); // who recorded it does not hear it back
    expect(personal(USERS.om)).toHaveLength(0); // om neither contributed nor prepared
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'actieoverleg.outcome')).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('beide ouders');
  });
});
