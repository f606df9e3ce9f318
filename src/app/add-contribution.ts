import { contributionInputSchema, type Contribution } from '../domain/contribution';
import { partnerOrgSchema } from '../domain/orgs';
import { restrictionFrom } from '../domain/views';
import { auditId, contributionId } from '../store/repository';
import { openCaseFor, requestCardRefresh } from './case-access';
import type { AppDeps } from './deps';
import { fail, ok, type Result, fieldsOf } from './errors';
import { checkFreeText, piiAuditDetail } from './pii-gate';

/** A partner adds context information; the organisation comes from the roster, never from input. */
export async function addContribution(
  deps: AppDeps,
  args: {
    caseId: string;
    aadObjectId: string | undefined;
    input: unknown;
    /** The "need-to-know" toggle. */ piiConfirm?: boolean;
    visibleTo?: string | undefined;
  },
): Promise<Result<Contribution>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'contribution.add');
  if (!access.ok) return access;
  const parsed = contributionInputSchema.safeParse(args.input);
  if (!parsed.success) {
    return fail('invalid_input', fieldsOf(parsed.error.issues));
  }
  const pii = checkFreeText(deps, [parsed.data.text, parsed.data.needToKnow], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const { member } = access.value;
  // "Zichtbaar voor" (multi-select, comma-separated org ids); unknown values are refused, not ignored.
  const chosen = (args.visibleTo ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  const orgs = partnerOrgSchema.array().max(7).safeParse(chosen);
  if (!orgs.success) return fail('invalid_input', [{ path: 'visibleTo', message: 'unknown organisation' }]);
  const visibleTo = restrictionFrom(orgs.data, member.orgId, deps.directory.rosterOrgs(access.value.theCase.locationId));
  const createdAt = deps.clock.now().toISOString();
  const contribution: Contribution = {
    id: contributionId(createdAt),
    caseId: args.caseId,
    orgId: member.orgId,
    authorId: member.aadObjectId,
    ...parsed.data,
    ...(pii.value ? { piiConfirmed: pii.value } : {}),
    ...(visibleTo ? { visibleTo } : {}),
    createdAt,
  };
  await deps.repo.addContribution(contribution, {
    id: auditId({ at: createdAt }),
    caseId: args.caseId,
    at: createdAt,
    action: 'contribution.add',
    actorId: member.aadObjectId,
    actorOrg: member.orgId,
    detail: {
      contributionId: contribution.id,
      source: contribution.source,
      ...piiAuditDetail(pii.value),
      ...(visibleTo ? { visibleTo: visibleTo.join(',') } : {}),
    },
  });
  deps.log.info({ caseId: args.caseId, orgId: member.orgId, contributionId: contribution.id }, 'contribution added');
  await requestCardRefresh(deps, args.caseId);
  return ok(contribution);
}
