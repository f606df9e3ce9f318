import { concreteQuestionInputSchema } from '../../domain/rounds';
import type { ViewVia } from '../../domain/views';
import { decideBecomeCaseOwner, decideEditQuestion, type CaseSnapshot, type CourseOutcome, type Decided } from '../../domain/decisions';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import { ok, type AppError, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';

/* The Actieoverleg card's view (and the deep link to the case card) is built in src/views/actieoverleg-view.ts. */

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
  if (!r.ok) return refusal && r.error.code === refusal.code ? { ok: false, error: refusal, ...(r.seen ? { seen: r.seen } : {}) } : r;
  return ok({ changed: r.value.value.changed, after: r.value.after });
}
