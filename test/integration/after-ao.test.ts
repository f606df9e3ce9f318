import { INPUTS, VERBS } from '../../src/cards/verbs';
import { nlReport } from '../../src/i18n/nl/report';
import { ConnectorStub } from '../helpers/connector-stub';
import { startCourseHost } from '../helpers/course-host';
import { CHANNEL, sampleIntake, testRoster, USERS } from '../helpers/fixtures';
import { HANDOVER_DATA } from '../helpers/handover';
import {
  aoPostsOf,
  invokeVerb,
  ManualClock,
  personalActivity,
  postSignedCase,
  sendActivity,
  settle,
  waitFor,
  type TestHost,
} from '../helpers/host';
import { personalExecuteInvoke } from '../helpers/personal-chat';

/**
 * After a decision (issue 15) through HTTP and the Connector stub, on SQLite:
 * - a case the OvJ decided "ondanks buikpijn" does not escalate again on that same buikpijn when the
 *   time rule's timer comes; a new reason does (the timer job's escalation path);
 * - the report's figures are real on the paths outside a case command: a VT consultation in the
 *   evening and its answer show in `rapportage`; a timer's escalation counts by its rule.
 */
jest.setTimeout(120_000);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const ON_CALL = 'vt-oncall-utrecht-1';

let t: TestHost;
const clock = new ManualClock(Date.parse('2026-11-23T20:00:00Z')); // Monday 21:00 in Amsterdam: VT is not at the desk

beforeAll(async () => {
  // The location switches the hermelding rule on: a person back within 90 days, with buikpijn, escalates.
  const roster = testRoster();
  roster.locations[0] = { ...roster.locations[0], escalation: { hermeldingDays: 90 } };
  t = await startCourseHost({ roster, clock, env: { VT_CONFIG_FILE: 'config/vt.example.json' }, personal: [USERS.ovj, USERS.om, ON_CALL] });
});
afterAll(async () => {
  await t.stop();
});

let person = 0;
/**
 * A case taken in at the clock's now. Each case has its own suspect (no oude bekende) unless
 * `personKey` names one; `intakeAt` may lie in the past (an earlier case).
 */
async function newCase(opts: { municipality?: string; personKey?: string; intakeAt?: string } = {}): Promise<string> {
  const res = await postSignedCase(
    t.base,
    sampleIntake({
      intakeAt: opts.intakeAt ?? clock.now().toISOString(),
      ...(opts.municipality ? { municipality: opts.municipality } : {}),
      persons: [
        { role: 'verdachte', age: 41, personKey: opts.personKey ?? `bvh-key-after-ao-${++person}` },
        { role: 'slachtoffer', age: 39 },
      ],
    }),
    { timestamp: Math.floor(clock.now().getTime() / 1000) },
  );
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  await settle(t);
  return caseId;
}

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);
const personalInvoke = (from: string, verb: string, data: Record<string, unknown>) =>
  sendActivity(t.base, personalExecuteInvoke(t.stub.url, from, verb, data));
const escalationOf = async (caseId: string) => (await t.host.deps.repo.getEscalation(caseId))?.body;

/** The chair's `rapportage` reply in the personal chat, as the Connector stub received it. */
async function report(text: string): Promise<string> {
  const before = t.stub.successful('send').length;
  await sendActivity(t.base, personalActivity(t.stub.url, USERS.om, { type: 'message', text, membersAdded: undefined }));
  const reply = await waitFor('rapportage reply', () =>
    t.stub
      .successful('send')
      .slice(before)
      .find((c) => c.conversationId === `a:personal-${USERS.om}`),
  );
  return JSON.stringify(ConnectorStub.cardOf(reply.body));
}

describe('report figures on every path', () => {
  it('an evening VT consultation and its answer show in rapportage (not 0)', async () => {
    const caseId = await newCase({ municipality: 'Utrecht' });
    expect((await t.host.deps.repo.getVtConsultation(caseId))?.body.state.status).toBe('asked');
    // asked by the bot on intake (askVt, outside any case command): counted at once
    expect((await t.host.deps.repo.reports.getRow(caseId))?.vtEvening).toEqual({ count: 1, responseMinutes: [] });

    clock.advance(7 * MINUTE);
    const res = await personalInvoke(ON_CALL, VERBS.vtKnown, {
      caseId,
      seq: 1,
      [INPUTS.vtText]: 'Gezin bekend: melding 2025, lopend traject.',
      [INPUTS.vtNeedToKnow]: 'Lopend VT-traject bepaalt de zorgkant van het advies.',
    });
    expect(res.status).toBe(200);
    expect((await t.host.deps.repo.reports.getRow(caseId))?.vtEvening).toEqual({ count: 1, responseMinutes: [7] });
    const card = await report('rapportage 2026-11');
    expect(card).toContain(JSON.stringify({ title: nlReport.facts.vtEvening, value: '1 (1, 7 min)' }).slice(1, -1));
  });
});

describe('no second escalation on the same buikpijn after the OvJ decided "ondanks buikpijn"', () => {
  it('the timer finds the same buikpijn decided and stays quiet; a new reason escalates by the timer, counted in the report', async () => {
    const decided = await newCase();
    const control = await newCase();
    for (const caseId of [decided, control]) {
      await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
      await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen onveilig thuis', [INPUTS.voteAcute]: 'false' });
    }
    // The lead drafts and sends the advice; the OvJ decides while VT's buikpijn stands, acknowledging it.
    expect(await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId: decided })).toContain('concept');
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId: decided });
    await settle(t);
    const res = await personalInvoke(USERS.ovj, VERBS.decide, {
      caseId: decided,
      [INPUTS.decisionInterventions]: 'contactverbod',
      [INPUTS.decisionConcern]: 'Zorgen VT gezien; contactverbod volstaat nu.',
    });
    expect(res.status).toBe(200);
    expect((await t.host.deps.repo.getAdvice(decided))?.body.decision?.concernAcknowledgement).toBeDefined();

    // 13 hours on: the time rule's timer (12 h of buikpijn) runs for both cases.
    clock.advance(13 * HOUR);
    await settle(t);
    expect((await escalationOf(control))?.rule).toBe('persistent_time'); // the rule does fire where nothing was decided
    expect(await escalationOf(decided)).toBeUndefined();
    expect(aoPostsOf(t, decided)).toHaveLength(0);

    // VT repeats the same buikpijn (retyped): still nothing, also 13 hours later.
    await invoke(USERS.vt, VERBS.voteConcern, {
      caseId: decided,
      [INPUTS.voteReason]: 'kinderen  onveilig thuis ',
      [INPUTS.voteAcute]: 'false',
    });
    clock.advance(13 * HOUR);
    await settle(t);
    expect(await escalationOf(decided)).toBeUndefined();

    // Something new: VT's buikpijn now has a new reason. When its 12 hours have passed, the timer escalates.
    await invoke(USERS.vt, VERBS.voteConcern, {
      caseId: decided,
      [INPUTS.voteReason]: 'Nieuwe dreiging via berichten aan het kind',
      [INPUTS.voteAcute]: 'false',
    });
    clock.advance(11 * HOUR);
    await settle(t);
    expect(await escalationOf(decided)).toBeUndefined();
    clock.advance(1 * HOUR + MINUTE);
    await settle(t);
    expect((await escalationOf(decided))?.rule).toBe('persistent_time');
    expect(aoPostsOf(t, decided)).toHaveLength(1);
    // the timer's escalation is in the report row (outside any case command)
    expect(await t.host.deps.repo.reports.getRow(decided)).toMatchObject({ decision: 'escalated', escalationRule: 'persistent_time' });
    const audit = (await t.host.deps.repo.listAudit(decided)).filter((e) => e.action === 'case.escalated');
    expect(audit).toHaveLength(1);
  });
});

describe('oude bekenden at intake', () => {
  it('shows on the personal case card of roster members only, and a returning person with buikpijn escalates by the hermelding rule', async () => {
    const DAY = 24 * HOUR;
    const earlier = await newCase({ personKey: 'bvh-key-returning-1', intakeAt: new Date(clock.now().getTime() - 40 * DAY).toISOString() });
    await invoke(USERS.om, VERBS.closeRound, { caseId: earlier });
    await invoke(USERS.om, VERBS.closeCase, { caseId: earlier, ...HANDOVER_DATA });
    expect((await t.host.deps.repo.getCase(earlier))?.status).toBe('closed');
    const caseId = await newCase({ personKey: 'bvh-key-returning-1' });

    // The personal view (refresh) of a roster member shows it at once, with no earlier case's content.
    const card = await invoke(USERS.politie, VERBS.refresh, { caseId });
    expect(card).toContain('Oude bekende: 1 eerdere zaak');
    expect(card).toContain('laatste 40 dagen geleden');
    expect(card).toContain('1× gesloten');
    expect(card).not.toContain('bvh-key-returning-1');
    // Not in the channel's card, and not for someone outside the roster.
    const posted = t.stub
      .successful('create')
      .filter((c) => (c.body.channelData as { channel?: { id: string } } | undefined)?.channel?.id === CHANNEL);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.map((c) => JSON.stringify(c.body)).join('')).not.toContain('Oude bekende');
    expect(await invoke(USERS.outsider, VERBS.refresh, { caseId })).not.toContain('Oude bekende');

    // Back within the location's 90 days: the first buikpijn sends the case to the Actieoverleg.
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Weer zorgen om het gezin', [INPUTS.voteAcute]: 'false' });
    expect((await escalationOf(caseId))?.rule).toBe('repeat_report');
    await settle(t);
    expect(aoPostsOf(t, caseId)).toHaveLength(1);
    expect(await t.host.deps.repo.reports.getRow(caseId)).toMatchObject({ decision: 'escalated', escalationRule: 'repeat_report' });
  });
});
