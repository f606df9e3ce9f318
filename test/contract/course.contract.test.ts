import type { EscalationRecord } from '../../src/domain/escalation-record';
import { PreconditionFailedError } from '../../src/store/docstore';
import { newJob } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, anAudit, at } from './fixtures/domain';

const CASE = 'case-course-1';

const escalation = (caseId: string, question = 'Vervolgen, ja of nee?'): EscalationRecord => ({
  caseId,
  at: at(60),
  rule: 'acuut_onveilig',
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
    await repo.intakeCase(aCase(CASE), anAudit(CASE, 'case.intake', T0, `audit:${T0}:intake`), []);
  });

  it('replaceCase is compare-and-swap: a stale version is refused and nothing (no audit) is written', async () => {
    const first = await repo.getCaseForUpdate(CASE);
    expect(first).not.toBeNull();
    await repo.replaceCase({ ...first!.theCase, reAgendaAt: at(3600) }, first!.etag, anAudit(CASE, 'case.reagenda', at(1)));
    await expect(
      repo.replaceCase({ ...first!.theCase, status: 'closed' }, first!.etag, anAudit(CASE, 'case.close', at(2))),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    const now = await repo.getCase(CASE);
    expect(now).toMatchObject({ status: 'open', reAgendaAt: at(3600) });
    expect((await repo.listAudit(CASE)).map((a) => a.action)).toEqual(['case.intake', 'case.reagenda']);
  });

  it('reads old case documents with rounds and actions filled in', async () => {
    const legacy = { ...aCase('legacy') } as Partial<ReturnType<typeof aCase>>;
    delete legacy.rounds;
    delete legacy.actions;
    await repo.db.insert({ pk: 'legacy', id: 'case', kind: 'case', body: legacy });
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

  it('lists the open cases of one location only', async () => {
    await repo.intakeCase({ ...aCase('other-loc'), locationId: 'elders' }, anAudit('other-loc', 'case.intake', T0, 'a1'), []);
    await repo.intakeCase({ ...aCase('closed-1'), status: 'closed' }, anAudit('closed-1', 'case.intake', T0, 'a2'), []);
    expect((await repo.listOpenCases('zsm-rotterdam')).map((c) => c.id)).toEqual([CASE]);
  });

  it('remembers user MRIs, also when many arrive at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => repo.rememberUserMri(`aad-${i}`, `29:user-${i}`)));
    const mris = await repo.getUserMris();
    expect(Object.keys(mris)).toHaveLength(12);
    expect(mris['aad-7']).toBe('29:user-7');
    await repo.rememberUserMri('aad-7', '29:user-7b');
    expect((await repo.getUserMris())['aad-7']).toBe('29:user-7b');
  });
});
