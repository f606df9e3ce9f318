import { VERBS } from '../../src/cards/verbs';
import { VD_INPUTS as I, VD_VERBS } from '../../src/cards/verdieping-inputs';
import { agendaPartition } from '../../src/app/course/closing';
import { HORIZON_JOB_IDS } from '../../src/app/verdieping/reading-commands';
import type { Case } from '../../src/domain/case';
import type { Job } from '../../src/store/jobs';
import { loadVerdieping } from '../../src/store/verdieping-store';
import { LOCATION, USERS } from '../helpers/fixtures';
import { invokeVerb, ManualClock, newCaseAt, startTestHost, type TestHost, waitFor, greetAllUsers } from '../helpers/host';
import { HANDOVER_DATA } from '../helpers/handover';

/**
 * The verbs of the shared reading in verdieping (issue 14 items 1, 2, 3, 6) through the real HTTP
 * server, the real store and the Connector stub: each verb's effect on the store and the audit trail,
 * and its refusals (non-roster, not the chair, closed case, forged fields, stale duiding).
 */
jest.setTimeout(30_000);
let t: TestHost;
let clock: ManualClock;
const MINUTE = 60_000;

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);

const newCase = () => newCaseAt(t, clock);

const audit = async (caseId: string) => t.host.deps.repo.listAudit(caseId);
const job = async (caseId: string, id: string) => (await t.host.db.get<Job>(caseId, id))?.body;

const reading = (basedOn: number, extra: Record<string, string> = {}) => ({
  [I.basedOn]: String(basedOn),
  [I.whatHappened]: 'Ruzie in de woning; slachtoffer met letsel aan de arm, kinderen waren thuis.',
  [I.worries]: 'Herhaald geweld; de kinderen zien het geweld.',
  [I.protectiveFactors]: 'Oma woont dichtbij.',
  [I.unknowns]: 'Of er eerder meldingen bij VT waren.',
  [I.sharedGoal]: 'Veiligheid voor moeder en kinderen, hulp voor vader.',
  ...extra,
});

beforeAll(async () => {
  // Monday 23 November 2026, 20:00 in Utrecht.
  clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
  t = await startTestHost({ clock });
  await greetAllUsers(t);
});
afterAll(async () => {
  await t.stop();
});

describe('verdieping: phase and horizon', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await newCase();
  });

  it('only the chair of the location takes a case into verdieping; refusals are audited and change nothing', async () => {
    const input = { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-11-25', [I.time]: '10:00' };
    expect(await invoke(USERS.politie, VD_VERBS.enter, input)).toContain('voorzitter');
    expect(await invoke(USERS.outsider, VD_VERBS.enter, input)).toContain('rooster');
    expect(await invoke(USERS.otherLocation, VD_VERBS.enter, input)).toContain('niet ingeroosterd');
    // A forged field (who acts) refuses the whole action.
    expect(await invoke(USERS.om, VD_VERBS.enter, { ...input, orgId: 'om' })).toContain('velden');
    expect((await loadVerdieping(t.host.db, caseId)).phase).toBeNull();
    const denied = (await audit(caseId)).filter((a) => a.action === 'access.denied');
    expect(denied.map((a) => a.detail?.attempted)).toEqual(['verdieping.started', 'verdieping.started', 'verdieping.started']);
  });

  it('refuses a time that does not exist, a moment in the past and one more than six weeks ahead', async () => {
    expect(
      await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'held_by_prosecutor', [I.date]: '2027-03-28', [I.time]: '02:30' }),
    ).toContain('bestaat niet');
    expect(await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'held_by_prosecutor', [I.date]: '2026-11-22' })).toContain(
      'toekomst',
    );
    expect(await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'held_by_prosecutor', [I.date]: '2027-01-20' })).toContain(
      'te ver',
    );
    expect(await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'iets', [I.date]: '2026-11-25' })).toContain('Kies een reden');
    expect((await loadVerdieping(t.host.db, caseId)).phase).toBeNull();
  });

  it('enters verdieping: the phase, the agenda of that moment and the reminder before it, in one commit', async () => {
    const answer = await invoke(USERS.om, VD_VERBS.enter, {
      caseId,
      [I.reason]: 'termijn_case',
      [I.date]: '2026-11-25',
      [I.time]: '10:00',
    });
    expect(answer).toContain('in verdieping genomen');
    const horizon = '2026-11-25T09:00:00.000Z';
    const v = await loadVerdieping(t.host.db, caseId);
    expect(v.phase?.body).toMatchObject({ phase: 'verdieping', horizon: { at: horizon, reason: 'termijn_case' } });
    expect(v.phase?.body.timeline).toHaveLength(1);
    expect((await t.host.deps.repo.getCase(caseId))?.reAgendaAt).toBe(horizon);
    expect(await job(caseId, HORIZON_JOB_IDS.reminder(horizon))).toMatchObject({ dueAt: '2026-11-25T08:00:00.000Z', payload: { horizon } });
    expect(await job(caseId, HORIZON_JOB_IDS.passed(horizon))).toMatchObject({ dueAt: horizon, type: 'refreshCard' });
    expect(await job(agendaPartition(LOCATION), `job:agenda:${horizon}`)).toMatchObject({ type: 'agendaReminder', dueAt: horizon });
    const started = (await audit(caseId)).filter((a) => a.action === 'verdieping.started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ actorId: USERS.om, actorOrg: 'om', detail: { reason: 'termijn_case', at: horizon } });
    // The same click again changes nothing; another moment is a move, not a second start.
    expect(
      await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-11-25', [I.time]: '10:00' }),
    ).toContain('niets veranderd');
    expect(await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-11-26' })).toContain(
      'al in verdieping',
    );
    expect((await audit(caseId)).filter((a) => a.action === 'verdieping.started')).toHaveLength(1);
  });

  it('the chair moves the horizon: the timeline keeps the old moment and the timers follow', async () => {
    expect(await invoke(USERS.rvdk, VD_VERBS.moveHorizon, { caseId, [I.reason]: 'held_by_prosecutor', [I.date]: '2026-11-27' })).toContain(
      'voorzitter',
    );
    const answer = await invoke(USERS.om, VD_VERBS.moveHorizon, { caseId, [I.reason]: 'awaiting_statement', [I.date]: '2026-11-27' });
    expect(answer).toContain('verschoven');
    const horizon = '2026-11-27T08:00:00.000Z';
    const phase = (await loadVerdieping(t.host.db, caseId)).phase?.body;
    expect(phase?.timeline.map((e) => e.event)).toEqual(['verdieping_started', 'horizon_moved']);
    expect(phase?.timeline[1]).toMatchObject({ previousAt: '2026-11-25T09:00:00.000Z', horizon: { at: horizon } });
    expect(await job(caseId, HORIZON_JOB_IDS.reminder(horizon))).toMatchObject({ dueAt: '2026-11-27T07:00:00.000Z', payload: { horizon } });
    expect((await t.host.deps.repo.getCase(caseId))?.reAgendaAt).toBe(horizon);
  });

  it('reminds the case thread before the horizon, with the next moment (the test clock drives the timer)', async () => {
    const ref = await t.host.deps.repo.getCardRef(caseId);
    clock.advance(Date.parse('2026-11-27T07:00:00Z') - clock.now().getTime() + MINUTE);
    t.host.deps.kickJobs();
    const reply = await waitFor('horizon reminder', () =>
      t.stub
        .successful('send')
        .find((c) => c.conversationId === ref?.conversationId && JSON.stringify(c.body).includes('in verdieping staat om 09:00')),
    );
    expect(JSON.stringify(reply.body)).toContain('over 59 minuten');
    // The reminder of the moment that was moved away (25 Nov 10:00) came due too, ran, and said nothing.
    await waitFor(
      'old reminder run',
      async () => (await job(caseId, HORIZON_JOB_IDS.reminder('2026-11-25T09:00:00.000Z')))?.status === 'done' || undefined,
    );
    expect(t.stub.successful('send').some((c) => JSON.stringify(c.body).includes('in verdieping staat om 10:00'))).toBe(false);
  });
});

describe('verdieping: gezamenlijke duiding', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await newCase();
  });

  it('any roster member proposes a version; someone who started from an older one is told, nothing is lost', async () => {
    expect(await invoke(USERS.outsider, VD_VERBS.proposeReading, { caseId, ...reading(0) })).toContain('rooster');
    expect(await invoke(USERS.rvdk, VD_VERBS.proposeReading, { caseId, ...reading(0) })).toContain('Versie 1');
    expect(await invoke(USERS.politie, VD_VERBS.proposeReading, { caseId, ...reading(0, { [I.worries]: 'Andere zorgen' }) })).toContain(
      'intussen aangepast',
    );
    const v = await loadVerdieping(t.host.db, caseId);
    expect(v.readings.map((r) => [r.body.version, r.body.proposedBy.orgId])).toEqual([[1, 'rvdk']]);
    const proposed = (await audit(caseId)).filter((a) => a.action === 'reading.proposed');
    expect(proposed).toHaveLength(1);
    // The audit carries ids and numbers, never the text of the reading.
    expect(JSON.stringify(proposed)).not.toContain('Ruzie');
  });

  it('refuses a reading resting on a contribution the proposer cannot see, an empty goal and an unchanged text', async () => {
    expect(
      await invoke(USERS.politie, VD_VERBS.proposeReading, { caseId, ...reading(1, { [I.contributions]: 'contrib:made-up' }) }),
    ).toContain('hoort niet bij deze zaak');
    expect(await invoke(USERS.politie, VD_VERBS.proposeReading, { caseId, ...reading(1, { [I.sharedGoal]: ' ' }) })).toContain(
      'samen willen bereiken',
    );
    expect(await invoke(USERS.politie, VD_VERBS.proposeReading, { caseId, ...reading(1) })).toContain('niets veranderd');
    expect((await loadVerdieping(t.host.db, caseId)).readings).toHaveLength(1);
  });

  it('a reading rests on a contribution the proposer may read; the chair confirms a version', async () => {
    await invoke(USERS.vt, VERBS.addContribution, {
      caseId,
      contribText: 'Bekend bij VT sinds 2024, twee eerdere meldingen.',
      contribSource: 'own_system',
      contribNeedToKnow: 'Patroon bepaalt de aanpak.',
    });
    const [contribution] = await t.host.deps.repo.listContributions(caseId);
    const answer = await invoke(USERS.politie, VD_VERBS.proposeReading, {
      caseId,
      ...reading(1, { [I.unknowns]: 'Niets meer', [I.contributions]: contribution.id }),
    });
    expect(answer).toContain('Versie 2');
    expect(await invoke(USERS.politie, VD_VERBS.confirmReading, { caseId, [I.version]: '2' })).toContain('voorzitter');
    expect(await invoke(USERS.om, VD_VERBS.confirmReading, { caseId, [I.version]: '7' })).toContain('bestaat niet');
    expect(await invoke(USERS.om, VD_VERBS.confirmReading, { caseId, [I.version]: '2' })).toContain(
      'Versie 2 van de gezamenlijke duiding is bevestigd',
    );
    // Confirming an older one after a newer was confirmed would make the reading jump back.
    expect(await invoke(USERS.om, VD_VERBS.confirmReading, { caseId, [I.version]: '1' })).toContain('nieuwere versie');
    const v = await loadVerdieping(t.host.db, caseId);
    expect(v.readings[1].body).toMatchObject({ version: 2, contributionIds: [contribution.id], confirmed: { userId: USERS.om } });
    expect(v.readings[0].body.confirmed).toBeUndefined();
    expect((await audit(caseId)).filter((a) => a.action === 'reading.confirmed').map((a) => a.detail)).toEqual([{ version: 2 }]);
  });
});

describe('verdieping: veiligheidsplan and betrokkenen', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await newCase();
  });

  const entry = (person: string, extra: Record<string, string> = {}) => ({
    caseId,
    [I.person]: person,
    [I.holderOrg]: 'vt',
    [I.receivingParty]: 'save',
    [I.measure]: 'Veiligheidsplan met moeder opgesteld',
    [I.status]: 'running',
    [I.checkDate]: '2026-12-01',
    ...extra,
  });

  it('sets and updates the safety entry of a person by role label; unknown persons and parties are refused', async () => {
    expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry('kind-1'))).toContain('veiligheidsplan is bijgewerkt');
    expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry('kind-1'))).toContain('niets veranderd');
    expect(await invoke(USERS.politie, VD_VERBS.setSafety, entry('kind-1', { [I.status]: 'realised' }))).toContain('bijgewerkt');
    expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry('kind-3'))).toContain('hoort niet bij deze zaak');
    expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry('kind-2', { [I.receivingParty]: 'onbekend' }))).toContain('niet ingesteld');
    expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry('kind-2', { [I.person]: 'Jan Jansen' }))).toContain('Kies een betrokkene');
    const plan = (await loadVerdieping(t.host.db, caseId)).safetyPlan.map((e) => e.body);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      personRef: 'kind-1',
      holder: { orgId: 'vt', receivingPartyId: 'save' },
      status: 'realised',
      updatedBy: { orgId: 'politie' },
    });
    expect((await audit(caseId)).filter((a) => a.action === 'safetyPlan.set')).toHaveLength(2);
  });

  it('records who was spoken to, their wishes and whether they know; a forged field refuses all', async () => {
    const answer = await invoke(USERS.politie, VD_VERBS.setInvolvement, {
      caseId,
      [I.ivPerson]: 'slachtoffer-1',
      [I.violenceForm]: 'partner_violence',
      [I.relationship]: 'partner',
      [I.spokenBy]: 'politie',
      [I.wishes]: 'Wil dat hij hulp krijgt',
      [I.informed]: 'true',
    });
    expect(answer).toContain('betrokkene zijn bijgewerkt');
    expect(
      await invoke(USERS.politie, VD_VERBS.setInvolvement, { caseId, [I.ivPerson]: 'kind-2', [I.spokenBy]: 'niet', name: 'x' }),
    ).toContain('velden');
    await invoke(USERS.rvdk, VD_VERBS.setInvolvement, { caseId, [I.ivPerson]: 'kind-2', [I.spokenBy]: 'niet' });
    const inv = (await loadVerdieping(t.host.db, caseId)).involvements.map((i) => i.body);
    expect(inv.find((i) => i.personRef === 'slachtoffer-1')).toMatchObject({
      violenceForm: 'partner_violence',
      spokenTo: { byOrg: 'politie' },
      informed: true,
      source: 'card',
    });
    expect(inv.find((i) => i.personRef === 'kind-2')?.spokenTo).toBeNull();
    const lines = (await audit(caseId)).filter((a) => a.action === 'involvement.set');
    expect(lines.map((a) => a.detail?.personRef)).toEqual(['slachtoffer-1', 'kind-2']);
    expect(JSON.stringify(lines)).not.toContain('hulp krijgt');
  });

  it('every verb is refused on a closed case, audited, and nothing is written', async () => {
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    // In verdieping, with children without a safety holder: the chair closes "ondanks" (issue 14's closing rule).
    await invoke(USERS.om, VERBS.closeDespiteConcern, {
      caseId,
      ...HANDOVER_DATA,
      closeReason: 'Afgestemd met de OvJ; de RvdK volgt het gezin.',
    });
    expect(((await t.host.deps.repo.getCase(caseId)) as Case).status).toBe('closed');
    const before = await loadVerdieping(t.host.db, caseId);
    const tries: [string, string, Record<string, unknown>][] = [
      [USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-12-01' }],
      [USERS.om, VD_VERBS.moveHorizon, { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-12-01' }],
      [USERS.rvdk, VD_VERBS.proposeReading, { caseId, ...reading(0) }],
      [USERS.om, VD_VERBS.confirmReading, { caseId, [I.version]: '1' }],
      [USERS.rvdk, VD_VERBS.setSafety, entry('kind-2')],
      [USERS.rvdk, VD_VERBS.setInvolvement, { caseId, [I.ivPerson]: 'kind-1', [I.informed]: 'false' }],
    ];
    for (const [who, verb, data] of tries) expect(await invoke(who, verb, data)).toContain('gesloten');
    expect(await loadVerdieping(t.host.db, caseId)).toEqual(before);
    const refused = (await audit(caseId)).filter((a) => a.action === 'action.refused' && a.detail?.reason === 'case_closed');
    expect(refused.map((a) => a.detail?.attempted)).toEqual([
      'verdieping.started',
      'verdieping.horizon',
      'reading.proposed',
      'reading.confirmed',
      'safetyPlan.set',
      'involvement.set',
    ]);
  });
});

describe('cards posted before the stored values became English (issue 11 item 6) still send the Dutch choice values', () => {
  it('entering verdieping, a safety entry and an involvement with old values are stored with the new ones', async () => {
    const caseId = await newCase();
    // dates a few days after the test clock's now (earlier tests moved it on)
    const day = (n: number) => new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const entered = await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'aanhouden', [I.date]: day(2), [I.time]: '10:00' });
    expect(entered).toContain('in verdieping genomen');
    const moved = await invoke(USERS.om, VD_VERBS.moveHorizon, {
      caseId,
      [I.reason]: 'wacht_op_verklaring',
      [I.date]: day(3),
      [I.time]: '10:00',
    });
    expect(moved).not.toContain('Kies een reden');
    const set = await invoke(USERS.rvdk, VD_VERBS.setSafety, {
      caseId,
      [I.person]: 'kind-1',
      [I.holderOrg]: 'vt',
      [I.receivingParty]: 'save',
      [I.measure]: 'Veiligheidsplan met moeder opgesteld',
      [I.status]: 'loopt',
      [I.checkDate]: '2026-12-01',
    });
    expect(set).toContain('veiligheidsplan is bijgewerkt');
    const involved = await invoke(USERS.politie, VD_VERBS.setInvolvement, {
      caseId,
      [I.ivPerson]: 'kind-1',
      [I.violenceForm]: 'kindermishandeling',
      [I.relationship]: 'kind',
    });
    expect(involved).toContain('betrokkene zijn bijgewerkt');
    const v = await loadVerdieping(t.host.db, caseId);
    expect(v.phase?.body.horizon?.reason).toBe('awaiting_statement');
    expect(v.phase?.body.timeline.map((e) => [e.event, e.horizon.reason])).toEqual([
      ['verdieping_started', 'held_by_prosecutor'],
      ['horizon_moved', 'awaiting_statement'],
    ]);
    expect(v.safetyPlan.map((e) => e.body.status)).toEqual(['running']);
    expect(v.involvements.map((i) => [i.body.violenceForm, i.body.relationship, i.body.source])).toEqual([
      ['child_abuse', 'child', 'card'],
    ]);
    // what is stored, not only what is read: the raw documents carry the new values
    const raw = await t.host.db.readPartition(caseId);
    const json = JSON.stringify(raw.filter((d) => ['phase', 'safetyplan', 'involvement'].includes(d.kind)).map((d) => d.body));
    for (const old of ['aanhouden', 'wacht_op_verklaring', 'loopt', 'kindermishandeling', '"kind"', 'verdieping_gestart', 'kaart'])
      expect(json).not.toContain(old);
  });
});
