import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vtExpireJobId } from '../../src/app/verdieping/consultation-horizon';
import { SIGNAL_INPUTS as S, SIGNAL_VERBS } from '../../src/cards/safety-signals';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { VD_INPUTS as I, VD_VERBS } from '../../src/cards/verdieping-inputs';
import { caseCode } from '../../src/domain/case-code';
import type { CaseIntake } from '../../src/domain/case';
import { questionReminderJobId } from '../../src/domain/verdieping/question-reminder';
import { buildAgenda } from '../../src/jobs/course-timers';
import type { Job } from '../../src/store/jobs';
import { loadVerdieping } from '../../src/store/verdieping-store';
import { startCourseHost } from '../helpers/course-host';
import { LOCATION, sampleIntake, USERS } from '../helpers/fixtures';
import { invokeVerb, ManualClock, postSignedCase, settle, waitForCardRef, type TestHost } from '../helpers/host';

/**
 * The remaining verdieping rules (issue 14) through the real HTTP server, SQLite, the job loop on a
 * test clock and the Connector stub: a VT consultation and the reminders follow the horizon, door-
 * agenderen gives way to the horizon, an open informatievraag is reminded 1:1 to the asked
 * organisation and shows in the agenda with its age, the PII gate on the duiding and the safety plan
 * with the typed text re-shown, and the form of violence and relationship taken from the intake.
 */
jest.setTimeout(60_000);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestHost;
let clock: ManualClock;
const dir = mkdtempSync(join(tmpdir(), 'zsm-vd-rules-'));

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);
const job = async (pk: string, id: string) => (await t.host.db.get<Job>(pk, id))?.body;
const audit = async (caseId: string) => t.host.deps.repo.listAudit(caseId);
const threadTexts = async (caseId: string): Promise<string[]> => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  return t.stub
    .successful('send')
    .filter((c) => c.conversationId === ref?.conversationId)
    .map((c) => JSON.stringify(c.body));
};
const personalTexts = (aad: string) =>
  t.stub
    .successful('send')
    .filter((c) => c.conversationId === `a:personal-${aad}`)
    .map((c) => JSON.stringify(c.body));

async function newCase(overrides: Partial<CaseIntake> = {}): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString(), ...overrides }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  await waitForCardRef(t, caseId);
  await settle(t);
  return caseId;
}

/** Move the test clock to `iso` and let the job loop run what came due. */
async function advanceTo(iso: string): Promise<void> {
  clock.advance(Date.parse(iso) - clock.now().getTime());
  t.host.deps.kickJobs();
  await settle(t);
}

beforeAll(async () => {
  // Monday 23 November 2026, 20:00 in Utrecht: outside VT's office hours, so an intake in Utrecht asks VT's on-call member.
  clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
  const cfg = readFileSync('config/vt.example.json', 'utf8');
  writeFileSync(join(dir, 'vt.json'), cfg);
  // Every test user and VT's on-call staff of the example configuration are reachable in a personal chat.
  const onCall = ['vt-oncall-utrecht-1', 'vt-oncall-utrecht-2', 'vt-oncall-utrecht-3'];
  t = await startCourseHost({ clock, env: { VT_CONFIG_FILE: join(dir, 'vt.json') }, personal: [...onCall, ...Object.values(USERS)] });
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('time follows the horizon', () => {
  let deepened: string;
  let zsm: string;
  let termijn: string;

  beforeAll(async () => {
    deepened = await newCase({ municipality: 'Utrecht' });
    zsm = await newCase();
    termijn = (await t.host.deps.repo.getCase(deepened))?.deadline as string;
  });

  it('the VT consultation asked at intake waits for the termijn; taken into verdieping it waits for the horizon', async () => {
    const before = await t.host.deps.repo.getVtConsultation(deepened);
    expect(before?.body.state).toMatchObject({ status: 'asked', expiresAt: termijn });
    expect(
      await invoke(USERS.om, VD_VERBS.enter, { caseId: deepened, [I.reason]: 'termijn_case', [I.date]: '2026-11-25', [I.time]: '10:00' }),
    ).toContain('in verdieping genomen');
    const horizon = '2026-11-25T09:00:00.000Z';
    expect((await t.host.deps.repo.getVtConsultation(deepened))?.body.state.expiresAt).toBe(horizon);
    expect(await job(deepened, vtExpireJobId(1, horizon))).toMatchObject({ type: 'vtExpire', dueAt: horizon, status: 'pending' });
  });

  it('moved earlier, the consultation follows to the new moment', async () => {
    expect(
      await invoke(USERS.om, VD_VERBS.moveHorizon, {
        caseId: deepened,
        [I.reason]: 'held_by_prosecutor',
        [I.date]: '2026-11-24',
        [I.time]: '14:00',
      }),
    ).toContain('verschoven');
    const horizon = '2026-11-24T13:00:00.000Z';
    expect((await t.host.deps.repo.getVtConsultation(deepened))?.body.state.expiresAt).toBe(horizon);
    expect(await job(deepened, vtExpireJobId(1, horizon))).toMatchObject({ dueAt: horizon, status: 'pending' });
  });

  it('door-agenderen of a case in verdieping is refused: the chair moves the horizon; a zsm case is door-geagendeerd as before', async () => {
    const data = (caseId: string) => ({ caseId, [INPUTS.reAgendaDate]: '2026-11-26', [INPUTS.reAgendaTime]: '09:00' });
    expect(await invoke(USERS.om, VERBS.reAgenda, data(deepened))).toContain('volgende bespreking');
    expect((await t.host.deps.repo.getCase(deepened))?.reAgendaAt).toBe('2026-11-24T13:00:00.000Z');
    expect((await audit(deepened)).filter((a) => a.action === 'case.reAgenda')).toHaveLength(0);
    await invoke(USERS.om, VERBS.reAgenda, data(zsm));
    expect((await t.host.deps.repo.getCase(zsm))?.reAgendaAt).toBe('2026-11-26T08:00:00.000Z');
  });

  it('the termijn reminder speaks in the zsm case and is silent in the case in verdieping', async () => {
    await advanceTo(new Date(Date.parse(termijn) - 59 * MINUTE).toISOString());
    expect(await job(zsm, 'job:termijnReminder')).toMatchObject({ status: 'done' });
    expect(await job(deepened, 'job:termijnReminder')).toMatchObject({ status: 'done' });
    expect((await threadTexts(zsm)).some((s) => s.includes('ZSM-termijn van deze zaak verloopt'))).toBe(true);
    expect((await threadTexts(deepened)).some((s) => s.includes('ZSM-termijn van deze zaak verloopt'))).toBe(false);
  });
});

describe('informatievragen: a reminder to the asked organisation, and the agenda', () => {
  let caseId: string;
  let requestId: string;
  let askedAt: string;
  const QUESTION = 'Is er een lopend jeugdbeschermingstraject voor de kinderen?';

  beforeAll(async () => {
    caseId = await newCase();
    askedAt = clock.now().toISOString();
    const answer = await invoke(USERS.politie, SIGNAL_VERBS.askInfo, {
      caseId,
      [S.askTo]: 'rvdk',
      [S.askQuestion]: QUESTION,
      [S.askWhy]: 'Bepaalt of de kinderen al een beschermende partij hebben.',
      [S.askChanges]: 'Dan vragen we geen nieuw onderzoek aan maar sluiten we aan.',
    });
    expect(answer).toContain('gesteld aan');
    const v = await loadVerdieping(t.host.db, caseId);
    requestId = v.infoRequests[0].body.id;
  });

  it('the ask commits the first reminder job for 24 hours later (the location default)', async () => {
    expect(await job(caseId, questionReminderJobId(requestId, 1))).toMatchObject({
      type: 'questionReminder',
      status: 'pending',
      dueAt: new Date(Date.parse(askedAt) + 24 * HOUR).toISOString(),
    });
  });

  it('the agenda lists the open question with its age', async () => {
    await advanceTo(new Date(Date.parse(askedAt) + 5 * HOUR).toISOString());
    const location = t.host.deps.directory.location(LOCATION);
    if (!location) throw new Error('no location');
    const item = (await buildAgenda(t.host.deps, location)).items.find((i) => i.case.id === caseId);
    expect(item).toMatchObject({ openQuestions: 1, oldestOpenHours: 5, violation: false, next: { kind: 'termijn' } });
  });

  it('after 24 hours the asked organisation hears 1:1, with the case code and the age, never the question', async () => {
    const before = personalTexts(USERS.rvdk).length;
    await advanceTo(new Date(Date.parse(askedAt) + 24 * HOUR + MINUTE).toISOString());
    const sent = personalTexts(USERS.rvdk).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(caseCode(caseId));
    expect(sent[0]).toContain('1 dag');
    expect(sent[0]).not.toContain(QUESTION);
    // Not the asking organisation, not another one.
    expect(personalTexts(USERS.politie).some((s) => s.includes('Herinnering'))).toBe(false);
    expect(await job(caseId, questionReminderJobId(requestId, 2))).toMatchObject({
      status: 'pending',
      dueAt: new Date(Date.parse(askedAt) + 48 * HOUR).toISOString(),
    });
  });

  it('answered, the question is not reminded again and leaves the agenda', async () => {
    await invoke(USERS.rvdk, SIGNAL_VERBS.answerInfo, {
      caseId,
      [S.requestId]: requestId,
      [S.answerText]: 'Er loopt geen traject bij de Raad.',
      [S.answerSource]: 'own_system',
      [S.answerNeedToKnow]: 'Bepaalt of een raadsonderzoek nodig is.',
    });
    expect((await loadVerdieping(t.host.db, caseId)).infoRequests[0].body.status).toBe('answered');
    const before = personalTexts(USERS.rvdk).length;
    await advanceTo(new Date(Date.parse(askedAt) + 48 * HOUR + MINUTE).toISOString());
    expect(await job(caseId, questionReminderJobId(requestId, 2))).toMatchObject({ status: 'done' });
    expect(personalTexts(USERS.rvdk).length).toBe(before);
    expect(await job(caseId, questionReminderJobId(requestId, 3))).toBeUndefined();
    const location = t.host.deps.directory.location(LOCATION);
    if (!location) throw new Error('no location');
    const item = (await buildAgenda(t.host.deps, location)).items.find((i) => i.case.id === caseId);
    expect(item?.openQuestions).toBe(0);
  });
});

describe('the PII gate on the duiding and the safety plan; the typed text comes back', () => {
  let caseId: string;
  const reading = {
    [I.basedOn]: '0',
    [I.whatHappened]: 'Ruzie in de woning; moeder belde vanaf 06-12345678 met de politie.',
    [I.worries]: 'Herhaald geweld; de kinderen zien het.',
    [I.sharedGoal]: 'Veiligheid voor moeder en kinderen.',
  };

  beforeAll(async () => {
    caseId = await newCase();
  });

  it('a duiding with a phone number is refused; the answer is the verdieping view with the text kept and the need-to-know toggle', async () => {
    const answer = await invoke(USERS.rvdk, VD_VERBS.proposeReading, { caseId, ...reading });
    expect(answer).toContain('telefoonnummer');
    expect(answer).toContain('06-12345678'); // what was typed, back in the form
    expect(answer).toContain(I.readingPiiConfirm);
    expect(answer).toContain(I.whatHappened);
    expect((await loadVerdieping(t.host.db, caseId)).readings).toHaveLength(0);
  });

  it('confirmed, it is stored and the audit line names the kind, never the value', async () => {
    const answer = await invoke(USERS.rvdk, VD_VERBS.proposeReading, { caseId, ...reading, [I.readingPiiConfirm]: 'true' });
    expect(answer).toContain('Versie 1');
    expect((await loadVerdieping(t.host.db, caseId)).readings).toHaveLength(1);
    const line = (await audit(caseId)).find((a) => a.action === 'reading.proposed');
    expect(line?.detail).toMatchObject({ piiConfirmed: 'phone' });
    expect(JSON.stringify(line)).not.toContain('06-12345678');
  });

  it('a safety-plan measure with an e-mail address is refused the same way; an invalid field keeps the text without the toggle', async () => {
    const safety = {
      caseId,
      [I.person]: 'kind-1',
      [I.holderOrg]: 'rvdk',
      [I.measure]: 'Contact via jeugdbeschermer j.de.vries@example.nl over de omgang.',
      [I.status]: 'running',
      [I.checkDate]: '2026-12-01',
    };
    const refused = await invoke(USERS.rvdk, VD_VERBS.setSafety, safety);
    expect(refused).toContain('e-mailadres');
    expect(refused).toContain('j.de.vries@example.nl');
    expect(refused).toContain(I.safetyPiiConfirm);
    const invalid = await invoke(USERS.rvdk, VD_VERBS.setSafety, {
      ...safety,
      [I.measure]: 'Toezicht door jeugdbescherming.',
      [I.status]: 'iets',
    });
    expect(invalid).toContain('Toezicht door jeugdbescherming.');
    expect(invalid).not.toContain(I.safetyPiiConfirm);
    expect((await loadVerdieping(t.host.db, caseId)).safetyPlan).toHaveLength(0);
    const ok = await invoke(USERS.rvdk, VD_VERBS.setSafety, { ...safety, [I.measure]: 'Toezicht door jeugdbescherming.' });
    expect(ok).not.toContain(I.safetyPiiConfirm);
    expect((await loadVerdieping(t.host.db, caseId)).safetyPlan).toHaveLength(1);
  });

  it('an outsider gets the roster refusal, not the form with the text', async () => {
    const answer = await invoke(USERS.outsider, VD_VERBS.proposeReading, { caseId, ...reading, [I.basedOn]: '1' });
    expect(answer).not.toContain('06-12345678');
  });
});

describe('the form of violence and the relationship from the intake', () => {
  it('stored as involvement documents (source intake); a re-delivery does not overwrite what the desk set since', async () => {
    const intake = sampleIntake({
      intakeAt: clock.now().toISOString(),
      persons: [
        { role: 'verdachte', age: 34 },
        { role: 'slachtoffer', age: 31, violenceForm: 'ex_partner_stalking', relationship: 'ex_partner' },
        // the intake may still send the old (Dutch) code: stored as the new one
        { role: 'kind', age: 13, relationship: 'kind' as unknown as 'child' },
      ],
    });
    const post = () => postSignedCase(t.base, intake, { timestamp: Math.floor(clock.now().getTime() / 1000) });
    const res = await post();
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    await waitForCardRef(t, caseId);
    const v = await loadVerdieping(t.host.db, caseId);
    expect(v.involvements.map((i) => i.body)).toEqual([
      expect.objectContaining({ personRef: 'kind-1', relationship: 'child', source: 'intake' }),
      expect.objectContaining({
        personRef: 'slachtoffer-1',
        violenceForm: 'ex_partner_stalking',
        relationship: 'ex_partner',
        source: 'intake',
      }),
    ]);
    // Nothing of it on the person itself.
    expect((await t.host.deps.repo.getCase(caseId))?.persons[1]).toEqual({ role: 'slachtoffer', age: 31 });
    await invoke(USERS.politie, VD_VERBS.setInvolvement, { caseId, [I.ivPerson]: 'slachtoffer-1', [I.violenceForm]: 'partner_violence' });
    expect((await post()).status).toBeLessThan(300);
    const after = (await loadVerdieping(t.host.db, caseId)).involvements.find((i) => i.body.personRef === 'slachtoffer-1');
    expect(after?.body.violenceForm).toBe('partner_violence');
  });

  it('an unknown form of violence is refused at the edge', async () => {
    const intake = sampleIntake({ intakeAt: clock.now().toISOString() }) as unknown as { persons: Record<string, unknown>[] };
    intake.persons[1] = { ...intake.persons[1], violenceForm: 'iets anders' };
    const res = await postSignedCase(t.base, intake as unknown as CaseIntake, { timestamp: Math.floor(clock.now().getTime() / 1000) });
    expect(res.status).toBe(400);
  });
});
