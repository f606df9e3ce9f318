import type { EscalationRecord } from '../../src/domain/escalation-record';
import { PreconditionFailedError } from '../../src/store/docstore';
import { newJob } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { aCase, anAudit, at, intakeAudit } from './fixtures/domain';

const CASE = 'case-course-1';

const escalation = (caseId: string, question = 'Vervolgen, ja of nee?'): EscalationRecord => ({
  caseId,
  at: at(60),
  rule: 'acute_unsafe',
  orgs: ['vt'],
  reasons: [{ orgId: 'vt', round: 1, reason: 'Direct gevaar', acuteUnsafe: true }],
  question,
  attendees: ['politie', 'vt', 'om', '3ro'],
});
const postJob = (caseId: string) => newJob({ id: 'job:postActieoverleg', caseId, type: 'postActieoverleg', dueAt: at(60), now: at(60) });

/** The store operations behind rounds, regie and the Actieoverleg, held to the same contract on both adapters. */
describe.each(storeKinds)('Repository course contract: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    repo = new Repository(store().db);
    await repo.intakeCase(aCase(CASE), intakeAudit(CASE), []);
  });

  it('replaceCase is compare-and-swap: a stale version is refused and nothing (no audit) is written', async () => {
    const first = await repo.getCaseForUpdate(CASE);
    expect(first).not.toBeNull();
    await repo.replaceCase({ ...first!.theCase, reAgendaAt: at(3600) }, first!.etag, anAudit(CASE, 'case.reAgenda', at(1)));
    await expect(
      repo.replaceCase({ ...first!.theCase, status: 'closed' }, first!.etag, anAudit(CASE, 'case.close', at(2))),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    const now = await repo.getCase(CASE);
    expect(now).toMatchObject({ status: 'open', reAgendaAt: at(3600) });
    expect((await repo.listAudit(CASE)).map((a) => a.action)).toEqual(['case.intake', 'case.reAgenda']);
  });

  it('reads old case documents with rounds and actions filled in', async () => {
    const legacy = { ...aCase('legacy') } as Partial<ReturnType<typeof aCase>>;
    delete legacy.rounds;
    delete legacy.actions;
    await store().db.insert({ pk: 'legacy', id: 'case', kind: 'case', body: legacy });
    expect(await repo.getCase('legacy')).toMatchObject({ round: 1, rounds: [{ number: 1 }], actions: [] });
  });

  it('records an escalation once: a second decider gets "exists" and changes nothing', async () => {
    expect(await repo.recordEscalation(escalation(CASE), anAudit(CASE, 'case.escalated', at(60), 'audit:esc'), postJob(CASE))).toBe(
      'created',
    );
    expect(
      await repo.recordEscalation(escalation(CASE, 'Andere vraag'), anAudit(CASE, 'case.escalated', at(61), 'audit:esc'), postJob(CASE)),
    ).toBe('exists');
    expect((await repo.getEscalation(CASE))?.body.question).toBe('Vervolgen, ja of nee?');
    expect((await repo.listAudit(CASE)).filter((a) => a.action === 'case.escalated')).toHaveLength(1);
    expect(await repo.getJob(CASE, 'job:postActieoverleg')).not.toBeNull();
  });

  it('racing escalations on one case: exactly one is created', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        repo.recordEscalation(escalation(CASE, `vraag ${i}`), anAudit(CASE, 'case.escalated', at(60), 'audit:esc'), postJob(CASE)),
      ),
    );
    expect(results.filter((r) => r === 'created')).toHaveLength(1);
  });

  it('replaceEscalation is compare-and-swap (one casusverantwoordelijke)', async () => {
    await repo.recordEscalation(escalation(CASE), anAudit(CASE, 'case.escalated', at(60), 'audit:esc'), postJob(CASE));
    const doc = (await repo.getEscalation(CASE))!;
    await repo.replaceEscalation({ ...doc.body, caseOwner: { orgId: 'rvdk', aadObjectId: 'a', at: at(70) } }, doc.etag);
    await expect(
      repo.replaceEscalation({ ...doc.body, caseOwner: { orgId: 'politie', aadObjectId: 'b', at: at(71) } }, doc.etag),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await repo.getEscalation(CASE))?.body.caseOwner?.orgId).toBe('rvdk');
  });

  it('remembers user MRIs, also when many arrive at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => repo.rememberUserMri(`aad-${i}`, `29:user-${i}`)));
    const mris = await repo.getUserMris();
    expect(Object.keys(mris)).toHaveLength(12);
    expect(mris['aad-7']).toBe('29:user-7');
    await repo.rememberUserMri('aad-7', '29:user-7b');
    expect((await repo.getUserMris())['aad-7']).toBe('29:user-7b');
  });

  it('VT consultations: insert once, compare-and-swap', async () => {
    const record = {
      caseId: CASE,
      seq: 1,
      regionId: 'utrecht',
      regionName: 'Utrecht',
      question: 'Bekend?',
      askedBy: 'auto',
      state: { status: 'asked' as const, askedAt: at(1), expiresAt: at(999), reminderAt: at(901), backupAt: at(1801) },
      sent: {},
      answers: [],
    };
    await repo.putVtConsultation(record, null);
    await expect(repo.putVtConsultation(record, null)).rejects.toBeInstanceOf(PreconditionFailedError);
    const doc = (await repo.getVtConsultation(CASE))!;
    await repo.putVtConsultation({ ...record, seq: 2 }, doc.etag);
    await expect(repo.putVtConsultation({ ...record, seq: 3 }, doc.etag)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await repo.getVtConsultation(CASE))?.body.seq).toBe(2);
  });

  it('on-call overrides set from Teams are kept per region with compare-and-swap', async () => {
    const o = { from: at(0), to: at(3600), primary: 'vt-1' };
    await repo.putVtOverrides('utrecht', [o], null);
    const doc = (await repo.getVtOverrides('utrecht'))!;
    await expect(repo.putVtOverrides('utrecht', [], null)).rejects.toBeInstanceOf(PreconditionFailedError);
    await repo.putVtOverrides('utrecht', [o, { ...o, primary: 'vt-2' }], doc.etag);
    expect((await repo.getVtOverrides('utrecht'))?.body.overrides.map((x) => x.primary)).toEqual(['vt-1', 'vt-2']);
  });

  it('advice records: insert once and compare-and-swap', async () => {
    const advice = {
      caseId: CASE,
      status: 'draft' as const,
      draftedBy: 'u',
      draft: {
        caseId: CASE,
        version: 1,
        composedAt: at(5),
        facts: [],
        contributions: [],
        rounds: [],
        openConcern: [],
        patterns: [],
        interventions: [],
        summary: '',
      },
    };
    await repo.putAdvice(advice, null);
    await expect(repo.putAdvice(advice, null)).rejects.toBeInstanceOf(PreconditionFailedError);
    const doc = (await repo.getAdvice(CASE))!;
    await repo.putAdvice({ ...advice, status: 'sent' }, doc.etag);
    await expect(repo.putAdvice({ ...advice, status: 'decided' }, doc.etag)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await repo.getAdvice(CASE))?.body.status).toBe('sent');
  });

  it('finds earlier cases of the same person through the pseudonym index', async () => {
    const earlier = { ...aCase('earlier-1'), intakeAt: at(-86_400), persons: [{ role: 'verdachte' as const, pseudonym: 'p-abc' }] };
    const now = {
      ...aCase('now-1'),
      intakeAt: at(0),
      persons: [
        { role: 'verdachte' as const, pseudonym: 'p-abc' },
        { role: 'slachtoffer' as const, pseudonym: 'p-def' },
      ],
    };
    const other = { ...aCase('other-1'), intakeAt: at(-3600), persons: [{ role: 'verdachte' as const, pseudonym: 'p-zzz' }] };
    for (const c of [earlier, now, other]) await repo.indexPersons(c);
    await repo.indexPersons(earlier); // a re-delivery adds nothing
    expect(await repo.earlierCasesOf(now)).toEqual([{ caseId: 'earlier-1', intakeAt: at(-86_400), sharedPseudonyms: 1 }]);
    expect(await repo.earlierCasesOf(earlier)).toEqual([]);
  });
});
