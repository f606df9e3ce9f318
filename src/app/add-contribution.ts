import { contributionInputSchema, type Contribution } from '../domain/contribution';
import { auditId, contributionId } from '../store/repository';
import { openCaseFor, requestCardRefresh } from './case-access';
import type { AppDeps } from './deps';
import { fail, ok, type Result, fieldsOf } from './errors';

/** A partner adds context information; the organisation comes from the roster, never from input. */
export async function addContribution(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; input: unknown },
): Promise<Result<Contribution>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'contribution.add');
  if (!access.ok) return access;
  const parsed = contributionInputSchema.safeParse(args.input);
  if (!parsed.success) {
    return fail('invalid_input', fieldsOf(parsed.error.issues));
  }
  const { member } = access.value;
  const createdAt = deps.clock.now().toISOString();
  const contribution: Contribution = {
    id: contributionId(createdAt),
    caseId: args.caseId,
    orgId: member.orgId,
    authorId: member.aadObjectId,
    ...parsed.data,
    createdAt,
  };
  await deps.repo.addContribution(contribution, {
    id: auditId({ at: createdAt }),
    caseId: args.caseId,
    at: createdAt,
    action: 'contribution.add',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
    detail: { contributionId: contribution.id, source: contribution.source },
  });
  deps.log.info({ caseId: args.caseId, orgId: member.orgId, contributionId: contribution.id }, 'contribution added');
  await requestCardRefresh(deps, args.caseId);
  return ok(contribution);
}
