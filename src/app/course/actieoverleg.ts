import type { ActieoverlegCardView } from '../../cards/view';
import { messageLink } from '../../cards/links';
import type { Case } from '../../domain/case';
import type { CardRef } from '../../domain/refs';
import { concreteQuestionInputSchema } from '../../domain/rounds';
import { contributionsFor, type ViewVia } from '../../domain/views';
import { decideBecomeCaseOwner, decideEditQuestion, type CaseSnapshot, type CourseOutcome, type Decided } from '../../domain/decisions';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, ok, type AppError, type Result } from '../errors';
import { auditView, authorizeView } from '../views';
import { checkFreeText } from '../pii-gate';

/** A Teams link to the case card's real message (from its stored reference), when it was posted. */
export async function caseLink(deps: AppDeps, theCase: Case): Promise<string | undefined> {
  return caseLinkOf(await deps.repo.getCardRef(theCase.id));
}

/** The same link from a card reference already read (no store access). */
export function caseLinkOf(ref: Pick<CardRef, 'conversationId' | 'activityId'> | null | undefined): string | undefined {
  return ref ? messageLink(ref) : undefined;
}

export async function loadActieoverlegView(
  deps: AppDeps,
  theCase: Case,
  viewerAad?: string,
  notice?: ActieoverlegCardView['notice'],
): Promise<ActieoverlegCardView | null> {
  const location = deps.directory.location(theCase.locationId);
  const escalation = await deps.repo.getEscalation(theCase.id);
  if (!location || !escalation) return null;
  const [contributions, votes, link] = await Promise.all([
    deps.repo.listContributions(theCase.id),
    deps.repo.listVotes(theCase.id),
    caseLink(deps, theCase),
  ]);
  const viewer = deps.directory.member(viewerAad);
  return {
    case: theCase,
    location,
    escalation: escalation.body,
    contributions: contributionsFor(contributions, viewer?.orgId),
    votes,
    ...(link ? { caseLink: link } : {}),
    viewerIsChair: !!viewer?.roles.includes('chair') && viewer.locations.includes(theCase.locationId),
    ...(viewer ? { viewerOrg: viewer.orgId } : {}),
    ...(notice ? { notice } : {}),
    now: deps.clock.now(),
  };
}

export async function viewActieoverleg(
  deps: AppDeps,
  caseId: string,
  aad: string | undefined,
  notice?: ActieoverlegCardView['notice'],
  via: ViewVia = 'action',
): Promise<Result<ActieoverlegCardView>> {
  const theCase = await deps.repo.getCase(caseId);
  if (!theCase) return fail('case_not_found');
  const access = await authorizeView(deps, 'actieoverleg', theCase, aad);
  if (!access.ok) return access;
  const view = await loadActieoverlegView(deps, theCase, aad, notice);
  if (!view) return fail('not_escalated');
  await auditView(deps, caseId, access.value, 'actieoverleg', via);
  return ok(view);
}

/** The actor is answered with the Actieoverleg card built from the commit's result: that view is audited in the commit. */
const answeredWith = (via: ViewVia | undefined) => (via ? { answerView: via, answerViewKind: 'actieoverleg' as const } : {});

/** "Ik word casusverantwoordelijke": the first partner to claim it gets it; never two. One partition read, one commit. */
export async function becomeCaseOwner(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; answerView?: ViewVia },
): Promise<Result<{ changed: boolean; after: CaseSnapshot }>> {
  const r = await runCaseCommand(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'actieoverleg.owner', ...answeredWith(args.answerView) },
    (b, actor, ctx) => decideBecomeCaseOwner(b, { actor }, ctx),
  );
  return r.ok ? ok({ changed: r.value.value.changed, after: r.value.after }) : r;
}

/** The chair sharpens the concrete question for the Actieoverleg. One partition read, one commit. */
export async function editConcreteQuestion(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; question: string | undefined; piiConfirm?: boolean; answerView?: ViewVia },
): Promise<Result<{ changed: boolean; after: CaseSnapshot }>> {
  const parsed = concreteQuestionInputSchema.safeParse({ question: args.question ?? '' });
  const pii = parsed.success ? checkFreeText(deps, [parsed.data.question], args.piiConfirm === true) : undefined;
  // Refusals of the input come after the roster and closed-case checks (who may not learns nothing more).
  let refusal: AppError | undefined;
  const r = await runCaseCommand(
    deps,
    {
      caseId: args.caseId,
      aadObjectId: args.aadObjectId,
      attempted: 'actieoverleg.question',
      need: 'chair',
      ...answeredWith(args.answerView),
    },
    (b, actor, ctx): Decided<CourseOutcome, 'case_closed' | 'not_escalated' | 'invalid_input' | 'pii_found'> => {
      if (!parsed.success) {
        refusal = { code: 'invalid_input', fields: [{ path: 'question', message: 'must have 10 to 1000 characters' }] };
        return { ok: false, error: 'invalid_input' };
      }
      if (pii && !pii.ok) {
        refusal = pii.error;
        return { ok: false, error: 'pii_found' };
      }
      const kinds = pii?.ok ? pii.value : undefined;
      return decideEditQuestion(b, { actor, question: parsed.data.question, ...(kinds ? { piiConfirmed: kinds } : {}) }, ctx);
    },
  );
  if (!r.ok) return refusal && r.error.code === refusal.code ? { ok: false, error: refusal } : r;
  return ok({ changed: r.value.value.changed, after: r.value.after });
}
