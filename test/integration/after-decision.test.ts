import { AFTERCARE_INPUTS, AFTERCARE_VERBS, AO_OUTCOME_VERB, outcomeInputIds as ids } from '../../src/cards/aftercare-verbs';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { startCourseHost } from '../helpers/course-host';
import { testRoster, USERS } from '../helpers/fixtures';
import { aoPostsOf, invokeVerb, ManualClock, newCaseAt, sendActivity, settle, type TestHost } from '../helpers/host';
import { personalExecuteInvoke } from '../helpers/personal-chat';

/**
 * After the OvJ's decision (issue 15), through HTTP and the Connector stub: the Actieoverleg card of
 * a case that escalates after the OvJ decided "ondanks buikpijn" shows that decision; the
 * Actieoverleg's outcome reaches the OvJ's advice card and counts in the report.
 */
jest.setTimeout(90_000);
const MINUTE = 60_000;
let t: TestHost;
const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z')); // Monday 10:00 in Amsterdam

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);
const personalInvoke = async (from: string, verb: string, data: Record<string, unknown>): Promise<string> => {
  const res = await sendActivity(t.base, personalExecuteInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
};

beforeAll(async () => {
  t = await startCourseHost({ clock, roster: testRoster(), personal: [USERS.ovj, USERS.politie, USERS.vt, USERS.om, USERS.rvdk] });
});
afterAll(async () => {
  await t.stop();
});

describe('after the OvJ decision', () => {
  it('the Actieoverleg card shows the earlier decision "ondanks buikpijn"; the outcome reaches the advice card and the report', async () => {
    const caseId = await newCaseAt(t, clock);
    await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen onveilig thuis', [INPUTS.voteAcute]: 'false' });
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    await personalInvoke(USERS.ovj, VERBS.decide, {
      caseId,
      [INPUTS.decisionInterventions]: 'contactverbod',
      [INPUTS.decisionConcern]: 'Zorgen VT gezien; contactverbod volstaat nu.',
    });
    await settle(t);
    expect(await t.host.deps.repo.getEscalation(caseId)).toBeNull();

    // Something new: politie marks acute unsafety. The case goes to the Actieoverleg, whose card shows the earlier decision.
    clock.advance(30 * MINUTE);
    await invoke(USERS.politie, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Dreiging met wapen', [INPUTS.voteAcute]: 'true' });
    await settle(t);
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.rule).toBe('acute_unsafe');
    const posted = aoPostsOf(t, caseId);
    expect(posted).toHaveLength(1);
    // The channel's card carries no case content; the personal view of an invitee shows the decision.
    expect(JSON.stringify(ConnectorStub.cardOf(posted[0].body))).not.toContain('Zorgen VT gezien');
    const aoCard = await invoke(USERS.om, VERBS.aoOpen, { caseId });
    expect(aoCard).toContain('Eerder besluit van de OvJ');
    expect(aoCard).toContain('Besloten ondanks buikpijn van Veilig Thuis');
    expect(aoCard).toContain('Zorgen VT gezien; contactverbod volstaat nu.');
    expect(aoCard).toContain('Contactverbod');

    // The Actieoverleg meets and records its outcome.
    expect(await invoke(USERS.rvdk, VERBS.aoBecomeOwner, { caseId })).toContain('casusverantwoordelijke');
    const day = new Date(clock.now().getTime() + 24 * 60 * MINUTE).toISOString().slice(0, 10);
    await invoke(USERS.rvdk, AFTERCARE_VERBS.aoMeetingSet, {
      caseId,
      [AFTERCARE_INPUTS.meetingDate]: day,
      [AFTERCARE_INPUTS.meetingTime]: '10:00',
      [AFTERCARE_INPUTS.meetingPlace]: 'Zorg- en Veiligheidshuis',
      [AFTERCARE_INPUTS.meetingLink]: '',
    });
    clock.advance(25 * 60 * MINUTE);
    await settle(t);
    const updatesBefore = t.stub.successful('update').length;
    const saved = await invoke(USERS.rvdk, AO_OUTCOME_VERB, {
      caseId,
      [ids.decisionSubject(1)]: 'safety_plan',
      [ids.decisionPhase(1)]: 'safety',
      [ids.decisionText(1)]: 'Veiligheidsplan opstellen met beide ouders',
      [ids.decisionSubject(2)]: 'intervention',
      [ids.decisionPhase(2)]: 'care',
      [ids.decisionText(2)]: 'Ouderschapsondersteuning via het wijkteam',
      [ids.actionOwner(1)]: 'vt',
      [ids.actionWhat(1)]: 'Huisbezoek en veiligheidsplan',
      [ids.actionDue(1)]: day,
      [ids.zvh]: 'true',
    });
    expect(saved).toContain('De uitkomst van het Actieoverleg is vastgelegd.');
    await settle(t);

    // The OvJ's advice card (in the OvJ's chat) is updated with the outcome.
    const adviceRef = (await t.host.deps.repo.getAdvice(caseId))?.body.adviceRef;
    expect(adviceRef).toBeDefined();
    const adviceUpdates = t.stub
      .successful('update')
      .slice(updatesBefore)
      .filter((c) => c.conversationId === adviceRef?.conversationId);
    expect(adviceUpdates.length).toBeGreaterThan(0);
    const adviceCard = JSON.stringify(ConnectorStub.cardOf(adviceUpdates.at(-1)!.body));
    expect(adviceCard).toContain('Uitkomst van het Actieoverleg');
    expect(adviceCard).toContain('Veiligheidsplan opstellen met beide ouders');
    expect(adviceCard).toContain('Veilig Thuis: Huisbezoek en veiligheidsplan');
    expect(adviceCard).toContain('Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie');
    // and when the OvJ opens it
    expect(await personalInvoke(USERS.ovj, VERBS.adviceRefresh, { caseId })).toContain('Uitkomst van het Actieoverleg');

    // The decisions per phase count in the report (the outcome's own commit).
    expect((await t.host.deps.repo.reports.getRow(caseId))?.phases).toEqual({ safety: 1, care: 1, recovery: 0 });
  });
});
