import { contributionInputSchema, type Contribution } from '../domain/contribution';
import { decideContribution } from '../domain/decisions';
import { partnerOrgSchema } from '../domain/orgs';
import type { ViewVia } from '../domain/views';
import { restrictionFrom } from '../domain/views';
import { contributionId } from '../store/repository';
import { runCaseCommand, type CommandOutcome } from './case-command';
import type { AppDeps } from './deps';
import { fail, ok, type Result, fieldsOf } from './errors';
import { checkFreeText } from './pii-gate';

type ContributionArgs = {
  caseId: string;
  aadObjectId: string | undefined;
  input: unknown;
  /** The "need-to-know" toggle. */ piiConfirm?: boolean;
  visibleTo?: string | undefined;
  /** Answered with the author's case view (audited in the same commit). */
  answerView?: ViewVia;
};

/** A partner adds context information; the organisation comes from the roster, never from input. */
export async function addContribution(deps: AppDeps, args: ContributionArgs): Promise<Result<Contribution>> {
  const r = await addContributionWithView(deps, args);
  return r.ok ? ok(r.value.value) : r;
}

/** addContribution, returning the case as it left it (one partition read, one commit). */
export async function addContributionWithView(deps: AppDeps, args: ContributionArgs): Promise<Result<CommandOutcome<Contribution>>> {
  const parsed = contributionInputSchema.safeParse(args.input);
  const pii = parsed.success ? checkFreeText(deps, [parsed.data.text, parsed.data.needToKnow], args.piiConfirm === true) : undefined;
  // "Zichtbaar voor" (multi-select, comma-separated org ids); unknown values are refused, not ignored.
  const chosen = (args.visibleTo ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  const orgs = partnerOrgSchema.array().max(7).safeParse(chosen);
  const r = await runCaseCommand<Contribution, 'case_closed' | 'invalid_input' | 'pii_found'>(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'contribution.add',
      ...(args.answerView ? { answerView: args.answerView } : {}),
    },
    (bundle, actor, ctx) => {
      if (!parsed.success) return { ok: false, error: 'invalid_input' };
      if (pii && !pii.ok) return { ok: false, error: 'pii_found' };
      if (!orgs.success) return { ok: false, error: 'invalid_input' };
      const visibleTo = restrictionFrom(orgs.data, actor.orgId, deps.directory.rosterOrgs(bundle.theCase.body.locationId));
      const { visibleTo: _input, ...input } = parsed.data;
      return decideContribution(
        bundle,
        {
          actor,
          input,
          ...(pii?.ok && pii.value ? { piiConfirmed: pii.value } : {}),
          ...(visibleTo ? { visibleTo } : {}),
          id: contributionId(ctx.now),
        },
        ctx,
      );
    },
  );
  if (!r.ok && r.error.code === 'invalid_input') {
    if (!parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
    return fail('invalid_input', [{ path: 'visibleTo', message: 'unknown organisation' }]);
  }
  if (!r.ok && r.error.code === 'pii_found' && pii && !pii.ok) return pii;
  if (r.ok) deps.log.info({ caseId: args.caseId, orgId: r.value.actor.orgId, contributionId: r.value.value.id }, 'contribution added');
  return r;
}
