import { concreteQuestionInputSchema } from '../../domain/rounds';
import { newJob } from '../../store/jobs';
import { openCaseFor } from '../case-access';
import type { AppDeps } from '../deps';
import { fail, ok, type Result } from '../errors';
import { auditEscalationChange, changeEscalation, REFRESH_ACTIEOVERLEG_JOB_ID } from './escalate';
import { checkFreeText, piiAuditDetail } from '../pii-gate';

/* The Actieoverleg card's view (and the deep link to the case card) is built in src/views/actieoverleg-view.ts. */

async function requestActieoverlegRefresh(deps: AppDeps, caseId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.repo.requestJob(newJob({ id: REFRESH_ACTIEOVERLEG_JOB_ID, caseId, type: 'refreshActieoverleg', dueAt: now, now }));
  deps.kickJobs();
}

/** "Ik word casusverantwoordelijke": the first partner to claim it gets it; never two. */
export async function becomeCaseOwner(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined },
): Promise<Result<{ changed: boolean }>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'actieoverleg.owner');
  if (!access.ok) return access;
  const { member } = access.value;
  const at = deps.clock.now().toISOString();
  const outcome = await changeEscalation(deps, args.caseId, (e) => {
    if (e.caseOwner) return e.caseOwner.aadObjectId === member.aadObjectId ? 'unchanged' : 'refuse';
    return { ...e, caseOwner: { orgId: member.orgId, aadObjectId: member.aadObjectId, at } };
  });
  if (outcome === 'missing') return fail('not_escalated');
  if (outcome === 'refused') return fail('owner_taken');
  if (outcome === 'changed') {
    await auditEscalationChange(deps, args.caseId, 'actieoverleg.owner', member.aadObjectId, member.orgId);
    await requestActieoverlegRefresh(deps, args.caseId);
  }
  return ok({ changed: outcome === 'changed' });
}

/** The chair sharpens the concrete question for the Actieoverleg. */
export async function editConcreteQuestion(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; question: string | undefined; piiConfirm?: boolean },
): Promise<Result<{ changed: boolean }>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'actieoverleg.question', { need: 'chair' });
  if (!access.ok) return access;
  const parsed = concreteQuestionInputSchema.safeParse({ question: args.question ?? '' });
  if (!parsed.success) return fail('invalid_input', [{ path: 'question', message: 'must have 10 to 1000 characters' }]);
  const pii = checkFreeText(deps, [parsed.data.question], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const outcome = await changeEscalation(deps, args.caseId, (e) => {
    if (e.question === parsed.data.question) return 'unchanged';
    const { questionPiiConfirmed: _earlier, ...rest } = e;
    return { ...rest, question: parsed.data.question, ...(pii.value ? { questionPiiConfirmed: pii.value } : {}) };
  });
  if (outcome === 'missing') return fail('not_escalated');
  if (outcome === 'changed') {
    await auditEscalationChange(
      deps,
      args.caseId,
      'actieoverleg.question',
      access.value.member.aadObjectId,
      access.value.member.orgId,
      piiAuditDetail(pii.value),
    );
    await requestActieoverlegRefresh(deps, args.caseId);
  }
  return ok({ changed: outcome === 'changed' });
}
