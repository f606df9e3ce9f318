import { SIGNAL_INPUTS as I, SIGNAL_VERBS } from '../../src/cards/safety-signals';
import type { InfoRequest } from '../../src/domain/verdieping/info-request';
import type { RunningMeasure } from '../../src/domain/verdieping/safety-signals';
import { USERS } from '../helpers/fixtures';
import { aoPostsOf, invokeVerb, ManualClock, newCaseAt, settle, startTestHost, type TestHost, greetAllUsers } from '../helpers/host';
import { VERBS } from '../../src/cards/verbs';
import { VD_VIEW_VERB } from '../../src/cards/verdieping-inputs';
import { HANDOVER_DATA } from '../helpers/handover';

jest.setTimeout(60_000);
let t: TestHost;
let clock: ManualClock;
const HOUR = 3_600_000;

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);

const newCase = () => newCaseAt(t, clock);

const aoPosts = (caseId: string) => aoPostsOf(t, caseId);

const ask = (caseId: string, from: string, toOrg: string) =>
  invoke(from, SIGNAL_VERBS.askInfo, {
    caseId,
    [I.askTo]: toOrg,
    [I.askQuestion]: 'Is er een lopende ondertoezichtstelling voor de kinderen?',
    [I.askWhy]: 'Bepaalt wie de veiligheid van de kinderen bewaakt.',
    [I.askChanges]: 'Zonder OTS vragen we de Raad om een onderzoek.',
  });

async function questions(caseId: string): Promise<InfoRequest[]> {
  return (await t.host.deps.repo.cases.loadVerdieping(caseId)).infoRequests.map((d) => d.body);
}
async function measures(caseId: string): Promise<RunningMeasure[]> {
  return (await t.host.deps.repo.cases.loadVerdieping(caseId)).measures.map((d) => d.body);
}

/** Today and yesterday as Dutch dates (the clock is fixed at 20:00 Dutch time). */
const TODAY = '2026-11-23';
const UNTIL = '2026-12-31';

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
  t = await startTestHost({ clock });
  await greetAllUsers(t);
});
afterAll(async () => {
  await t.stop();
});

describe('informatievragen through HTTP', () => {
  it('ask → the asked organisation sees it first in its personal view → the answer is a linked contribution in one commit', async () => {
    const caseId = await newCase();
    const asked = await ask(caseId, USERS.politie, 'rvdk');
    expect(asked).toContain('Uw vraag is gesteld aan');
    const [q] = await questions(caseId);
    expect(q).toMatchObject({ fromOrg: 'politie', toOrg: 'rvdk', status: 'open', askedBy: USERS.politie });

    clock.advance(5 * HOUR);
    // RvdK's personal view: "Gevraagd van u" before anything else of the case's content.
    const rvdkView = await invoke(USERS.rvdk, VERBS.open, { caseId });
    expect(rvdkView).toContain('Gevraagd van u door Politie (5 uur open)');
    expect(rvdkView.indexOf('Gevraagd van u')).toBeLessThan(rvdkView.indexOf('Contextinformatie'));
    expect(rvdkView.indexOf('Gevraagd van u')).toBeLessThan(rvdkView.indexOf('Is er een lopende ondertoezichtstelling'));
    // The asker's view lists it as an open question with its age, not as asked of them.
    const politieView = await invoke(USERS.politie, VERBS.open, { caseId });
    expect(politieView).not.toContain('Gevraagd van u');
    expect(politieView).toContain('Politie vraagt Raad voor de Kinderbescherming (5 uur open)');

    const answered = await invoke(USERS.rvdk, SIGNAL_VERBS.answerInfo, {
      caseId,
      [I.requestId]: q.id,
      [I.answerText]: 'Ja, er loopt een OTS sinds vorig jaar.',
      [I.answerSource]: 'own_system',
      [I.answerNeedToKnow]: 'Nodig om de veiligheid van de kinderen te beleggen.',
    });
    expect(answered).toContain('Uw antwoord is vastgelegd');
    const [after] = await questions(caseId);
    expect(after.status).toBe('answered');
    const contributions = await t.host.deps.repo.listContributions(caseId);
    const linked = contributions.find((c) => c.id === after.answerContributionId);
    expect(linked).toMatchObject({ orgId: 'rvdk', authorId: USERS.rvdk, text: 'Ja, er loopt een OTS sinds vorig jaar.' });
    // One commit: the answer's audit lines share one moment with the contribution's.
    const audit = await t.host.deps.repo.listAudit(caseId);
    const a = audit.find((e) => e.action === 'infoRequest.answered');
    const c = audit.find((e) => e.action === 'contribution.add' && e.detail?.contributionId === linked?.id);
    expect(a?.at).toBe(c?.at);
    expect(a?.detail).toMatchObject({ requestId: q.id, contributionId: linked?.id });
    expect(JSON.stringify(audit)).not.toContain('ondertoezichtstelling');
    // Answered: no longer at the top of RvdK's view; answering again is refused.
    expect(await invoke(USERS.rvdk, VERBS.open, { caseId })).not.toContain('Gevraagd van u');
    const again = await invoke(USERS.rvdk, SIGNAL_VERBS.answerInfo, {
      caseId,
      [I.requestId]: q.id,
      [I.answerText]: 'Nog een antwoord.',
      [I.answerSource]: 'own_system',
      [I.answerNeedToKnow]: 'Nodig om de veiligheid van de kinderen te beleggen.',
    });
    expect(again).toContain('Deze actie is al afgerond.');
    expect(await t.host.deps.repo.listContributions(caseId)).toHaveLength(contributions.length);
  });

  it('"Verdiepen" on the case card opens the verdieping view (audited as a view) with the forms; the submit answers with the case card', async () => {
    const caseId = await newCase();
    await ask(caseId, USERS.politie, 'rvdk');
    const rvdkCard = await invoke(USERS.rvdk, VERBS.open, { caseId });
    expect(rvdkCard).toContain(`"verb":"${VD_VIEW_VERB}"`);
    // The case card carries no verdieping form.
    for (const v of Object.values(SIGNAL_VERBS)) expect(rvdkCard).not.toContain(`"verb":"${v}"`);
    const viewsBefore = (await t.host.deps.repo.listAudit(caseId)).filter((e) => e.action === 'view.opened').length;
    const view = await invoke(USERS.rvdk, VD_VIEW_VERB, { caseId });
    expect(view).toContain('Verdiepen · Zaak');
    for (const v of [SIGNAL_VERBS.answerInfo, SIGNAL_VERBS.declineInfo, SIGNAL_VERBS.askInfo]) expect(view).toContain(`"verb":"${v}"`);
    expect(view).toContain(`"id":"${I.answerText}"`);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((e) => e.action === 'view.opened')).toHaveLength(viewsBefore + 1);
    expect(audit[audit.length - 1]).toMatchObject({ action: 'view.opened', actorId: USERS.rvdk, actorOrg: 'rvdk' });
    // Someone outside the roster gets no forms, and nothing is audited as viewed by them.
    const outsider = await invoke(USERS.outsider, VD_VIEW_VERB, { caseId });
    expect(outsider).not.toContain('Action.ShowCard');
    expect(outsider).toMatch(/niet op het rooster/);
    // A forged field refuses the view (strict schema).
    expect(await invoke(USERS.rvdk, VD_VIEW_VERB, { caseId, orgId: 'om' })).not.toContain('Action.ShowCard');
  });

  it('decline with a reason; refusals: wrong organisation answering, asking oneself, non-roster, closed case', async () => {
    const caseId = await newCase();
    await ask(caseId, USERS.politie, 'vt');
    const [q] = await questions(caseId);
    const wrongOrg = await invoke(USERS.shn, SIGNAL_VERBS.declineInfo, {
      caseId,
      [I.declineRequestId]: q.id,
      [I.declineReason]: 'not_known',
    });
    expect(wrongOrg).toContain('Alleen de gevraagde organisatie');
    const wrongAnswer = await invoke(USERS.rvdk, SIGNAL_VERBS.answerInfo, {
      caseId,
      [I.requestId]: q.id,
      [I.answerText]: 'Antwoord van de verkeerde partij.',
      [I.answerSource]: 'own_system',
      [I.answerNeedToKnow]: 'Nodig om de veiligheid te beleggen.',
    });
    expect(wrongAnswer).toContain('Alleen de gevraagde organisatie');
    expect((await t.host.deps.repo.listContributions(caseId)).some((c) => c.text.includes('verkeerde partij'))).toBe(false);
    expect(
      await invoke(USERS.politie2, SIGNAL_VERBS.askInfo, {
        caseId,
        [I.askTo]: 'politie',
        [I.askQuestion]: 'Vraag aan onszelf?',
        [I.askWhy]: 'Zomaar een reden hier.',
        [I.askChanges]: 'Verandert niets aan iets.',
      }),
    ).toContain('Stel de vraag aan een andere organisatie');
    // "other" needs a note
    const noNote = await invoke(USERS.vt, SIGNAL_VERBS.declineInfo, { caseId, [I.declineRequestId]: q.id, [I.declineReason]: 'other' });
    expect((await questions(caseId))[0].status).toBe('open');
    expect(noNote).not.toContain('De vraag is geweigerd');

    const declined = await invoke(USERS.vt, SIGNAL_VERBS.declineInfo, {
      caseId,
      [I.declineRequestId]: q.id,
      [I.declineReason]: 'consent_needed',
    });
    expect(declined).toContain('De vraag is geweigerd');
    expect((await questions(caseId))[0]).toMatchObject({ status: 'declined', decline: { reason: 'consent_needed' } });
    expect(await invoke(USERS.politie, VERBS.open, { caseId })).toContain(
      'Geweigerd door Veilig Thuis: Toestemming van de betrokkene nodig',
    );

    const outsider = await ask(caseId, USERS.outsider, 'rvdk');
    expect(outsider).not.toContain('Uw vraag is gesteld');
    const elsewhere = await ask(caseId, USERS.otherLocation, 'rvdk');
    expect(elsewhere).not.toContain('Uw vraag is gesteld');
    // Whoever may not act learns nothing about the input either: the roster refusal, not the form's hints.
    for (const verb of Object.values(SIGNAL_VERBS)) {
      const refused = await invoke(USERS.outsider, verb, { caseId });
      expect(refused).toMatch(/niet op het rooster/);
      expect(refused).not.toMatch(/invoer is niet volledig/);
    }
    expect(await questions(caseId)).toHaveLength(1);
    const refusals = (await t.host.deps.repo.listAudit(caseId)).filter(
      (e) => e.action === 'access.denied' || e.action === 'action.refused',
    );
    expect(refusals.length).toBeGreaterThanOrEqual(2);

    // A closed case takes no questions.
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    await invoke(USERS.om, VERBS.closeDespiteConcern, {
      caseId,
      ...HANDOVER_DATA,
      closeReason: 'Afgestemd met de OvJ; de RvdK volgt het gezin.',
    });
    expect((await t.host.deps.repo.getCase(caseId))?.status).toBe('closed');
    const closed = await ask(caseId, USERS.politie, 'rvdk');
    expect(closed).not.toContain('Uw vraag is gesteld');
    expect(await questions(caseId)).toHaveLength(1);
  });
});

describe('risk instruments, running measures and the safety escalation', () => {
  it('a violation of a locatieverbod escalates to the Actieoverleg at once: escalation record and one Actieoverleg post', async () => {
    const caseId = await newCase();
    expect(
      await invoke(USERS.politie, SIGNAL_VERBS.addMeasure, {
        caseId,
        [I.measureType]: 'location_ban',
        [I.measureHolder]: 'om',
        [I.measureUntil]: UNTIL,
      }),
    ).toContain('De maatregel is vastgelegd');
    const [m] = await measures(caseId);
    expect(m).toMatchObject({ type: 'location_ban', holderOrg: 'om', until: UNTIL, violations: [] });
    expect(await t.host.deps.repo.getEscalation(caseId)).toBeNull();

    const reported = await invoke(USERS.politie2, SIGNAL_VERBS.reportViolation, {
      caseId,
      [I.measureId]: m.id,
      [I.violationDate]: TODAY,
      [I.violationTime]: '18:30',
    });
    expect(reported).toContain('De overtreding is vastgelegd. De zaak gaat naar het Actieoverleg.');
    expect(reported).toContain('Overtreding van een locatieverbod gemeld');
    const escalation = await t.host.deps.repo.getEscalation(caseId);
    expect(escalation?.body).toMatchObject({ rule: 'measure_violation', orgs: ['politie'] });
    await settle(t);
    expect(aoPosts(caseId)).toHaveLength(1);
    const audit = await t.host.deps.repo.listAudit(caseId);
    const esc = audit.filter((e) => e.action === 'case.escalated');
    expect(esc).toHaveLength(1);
    expect(esc[0].at).toBe(audit.find((e) => e.action === 'measure.violation')?.at);

    // The same report delivered again changes nothing; a second violation does not escalate twice.
    await invoke(USERS.politie2, SIGNAL_VERBS.reportViolation, {
      caseId,
      [I.measureId]: m.id,
      [I.violationDate]: TODAY,
      [I.violationTime]: '18:30',
    });
    expect((await measures(caseId))[0].violations).toHaveLength(1);
    await invoke(USERS.politie, SIGNAL_VERBS.reportViolation, {
      caseId,
      [I.measureId]: m.id,
      [I.violationDate]: TODAY,
      [I.violationTime]: '19:00',
    });
    expect((await measures(caseId))[0].violations).toHaveLength(2);
    await settle(t);
    expect(aoPosts(caseId)).toHaveLength(1);
    // A violation in the future is refused.
    expect(
      await invoke(USERS.politie, SIGNAL_VERBS.reportViolation, {
        caseId,
        [I.measureId]: m.id,
        [I.violationDate]: '2026-12-30',
        [I.violationTime]: '10:00',
      }),
    ).toContain('ligt in de toekomst');
  });

  it('a high-risk outcome escalates (high_risk); only the asked organisation records it', async () => {
    const caseId = await newCase();
    expect(await invoke(USERS.politie, SIGNAL_VERBS.requestRisk, { caseId, [I.riskInstrument]: 'SASH', [I.riskFrom]: '3ro' })).toContain(
      'SASH is gevraagd aan',
    );
    expect(
      await invoke(USERS.politie, SIGNAL_VERBS.requestRisk, { caseId, [I.riskInstrument]: 'ONBEKEND', [I.riskFrom]: '3ro' }),
    ).toContain('niet ingesteld');
    const [a] = (await t.host.deps.repo.cases.loadVerdieping(caseId)).riskAssessments.map((d) => d.body);
    expect(a).toMatchObject({ instrument: 'SASH', fromOrg: '3ro', status: 'asked' });
    // The asked organisation sees the outcome form; another does not get to record it.
    expect(
      await invoke(USERS.vt, SIGNAL_VERBS.riskOutcome, {
        caseId,
        [I.assessmentId]: a.id,
        [I.outcomeLevel]: 'high',
        [I.outcomeDate]: TODAY,
      }),
    ).toContain('Alleen de gevraagde organisatie');
    expect(await t.host.deps.repo.getEscalation(caseId)).toBeNull();
    const recorded = await invoke(USERS.reclassering, SIGNAL_VERBS.riskOutcome, {
      caseId,
      [I.assessmentId]: a.id,
      [I.outcomeLevel]: 'high',
      [I.outcomeDate]: TODAY,
    });
    expect(recorded).toContain('De zaak gaat naar het Actieoverleg');
    expect(recorded).toContain('SASH: risico hoog');
    expect((await t.host.deps.repo.getEscalation(caseId))?.body).toMatchObject({ rule: 'high_risk', orgs: ['3ro'] });
    await settle(t);
    expect(aoPosts(caseId)).toHaveLength(1);
  });

  it('a medium outcome does not escalate with the default policy', async () => {
    const caseId = await newCase();
    await invoke(USERS.politie, SIGNAL_VERBS.requestRisk, { caseId, [I.riskInstrument]: 'B-SAFER', [I.riskFrom]: 'vt' });
    const [a] = (await t.host.deps.repo.cases.loadVerdieping(caseId)).riskAssessments.map((d) => d.body);
    const recorded = await invoke(USERS.vt, SIGNAL_VERBS.riskOutcome, {
      caseId,
      [I.assessmentId]: a.id,
      [I.outcomeLevel]: 'medium',
      [I.outcomeDate]: TODAY,
    });
    expect(recorded).toContain('De uitkomst van de risicotaxatie is vastgelegd');
    expect(recorded).not.toContain('De zaak gaat naar het Actieoverleg');
    expect(await t.host.deps.repo.getEscalation(caseId)).toBeNull();
  });
});

describe('cards posted before the stored values became English (issue 11 item 6) still send the Dutch choice values', () => {
  it('a decline reason, a measure type and a risk level with old values are stored with the new ones', async () => {
    const caseId = await newCase();
    await ask(caseId, USERS.politie, 'vt');
    const [q] = await questions(caseId);
    const declined = await invoke(USERS.vt, SIGNAL_VERBS.declineInfo, {
      caseId,
      [I.declineRequestId]: q.id,
      [I.declineReason]: 'toestemming_nodig',
    });
    expect(declined).toContain('De vraag is geweigerd');
    expect((await questions(caseId))[0]).toMatchObject({ status: 'declined', decline: { reason: 'consent_needed' } });

    const added = await invoke(USERS.politie, SIGNAL_VERBS.addMeasure, {
      caseId,
      [I.measureType]: 'locatieverbod',
      [I.measureHolder]: 'om',
      [I.measureUntil]: UNTIL,
    });
    expect(added).toContain('De maatregel is vastgelegd');
    expect((await measures(caseId)).map((m) => m.type)).toEqual(['location_ban']);

    await invoke(USERS.politie, SIGNAL_VERBS.requestRisk, { caseId, [I.riskInstrument]: 'B-SAFER', [I.riskFrom]: 'vt' });
    const [a] = (await t.host.deps.repo.cases.loadVerdieping(caseId)).riskAssessments.map((d) => d.body);
    const recorded = await invoke(USERS.vt, SIGNAL_VERBS.riskOutcome, {
      caseId,
      [I.assessmentId]: a.id,
      [I.outcomeLevel]: 'gemiddeld',
      [I.outcomeDate]: TODAY,
    });
    expect(recorded).toContain('De uitkomst van de risicotaxatie is vastgelegd');
    const [after] = (await t.host.deps.repo.cases.loadVerdieping(caseId)).riskAssessments.map((d) => d.body);
    expect(after).toMatchObject({ status: 'completed', outcome: { level: 'medium' } });
    // an unknown value is still refused at the edge
    expect(
      await invoke(USERS.politie, SIGNAL_VERBS.addMeasure, {
        caseId,
        [I.measureType]: 'huisarrest',
        [I.measureHolder]: 'om',
        [I.measureUntil]: UNTIL,
      }),
    ).not.toContain('De maatregel is vastgelegd');
    expect(await measures(caseId)).toHaveLength(1);
  });
});
