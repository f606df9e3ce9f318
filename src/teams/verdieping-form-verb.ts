import type { AppDeps } from '../app/deps';
import type { AppError, Result } from '../app/errors';
import { buildVerdiepingCard } from '../cards/verdieping-view-card';
import type { VerdiepingDraft } from '../cards/verdieping-inputs';
import type { CaseSnapshot } from '../domain/decisions';
import { caseViewOf, viewCase } from '../views/case-view';
import type { CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';
import {
  answerInvoke,
  MESSAGE_ONLY,
  parseInvokeData,
  respondToFailure,
  respondWithCase,
  respondWithSnapshot,
  type StrictSchema,
} from './invoke-response';

/**
 * A verdieping form's verb (issue 14): the forms live in the separate verdieping view, not on the case
 * card, so a refusal cannot keep the typed text on the case card. On success the answer is the case
 * card with the confirmation (as every verb); on a refusal of what was typed (personal identifiers,
 * an invalid field, a stale duiding, a time that does not exist) the verdieping view comes back with
 * the reason on top and the typed values in the form, the need-to-know toggle only after a refusal for
 * identifiers. Who may not see the case gets the reason only; a closed case answers with the case card.
 */
export interface VerdiepingFormVerbSpec<T extends { caseId: string }, R> {
  verb: string;
  schema: StrictSchema<T>;
  command: (data: T, aadObjectId: string | undefined) => Promise<Result<R>>;
  okText: (value: R) => string;
  /** The typed values by input id, with the form's PiiConfirm id present (any value) to show the toggle. */
  draft: (data: T) => VerdiepingDraft;
  /**
   * The case as the command's commit left it (its view audited in that commit): the answer is built
   * from it, no reload. A refusal then carries the case as the command read it (`seen`) likewise.
   */
  snapshot?: (value: R) => CaseSnapshot;
}

/** Refusals that are about the case, not about what was typed: answered with the case card. */
const ABOUT_THE_CASE: ReadonlySet<AppError['code']> = new Set(['case_closed', 'not_chair']);

const withoutPiiToggle = (d: VerdiepingDraft): VerdiepingDraft =>
  Object.fromEntries(Object.entries(d).filter(([k]) => !k.endsWith('PiiConfirm'))) as VerdiepingDraft;

export function verdiepingFormVerb<T extends { caseId: string }, R>(spec: VerdiepingFormVerbSpec<T, R>): CardVerb {
  return {
    verb: spec.verb,
    execute: async (context, deps: AppDeps, raw) => {
      const data = await parseInvokeData(context, deps, spec.verb, spec.schema, raw);
      if (data === undefined) return;
      const aad = context.activity.from?.aadObjectId;
      const result = await spec.command(data, aad);
      if (result.ok) {
        const notice = { kind: 'good' as const, text: spec.okText(result.value) };
        if (spec.snapshot) await respondWithSnapshot(context, deps, spec.snapshot(result.value), notice);
        else await respondWithCase(context, deps, data.caseId, notice);
        return;
      }
      const error = result.error;
      if (MESSAGE_ONLY.has(error.code)) return answerInvoke(context, dutchError(error));
      if (ABOUT_THE_CASE.has(error.code)) return respondToFailure(context, deps, data.caseId, error, undefined, result.seen);
      // The refused command's own read (its view audited in its refusal), else the case is read here.
      const view = result.seen
        ? { ok: true as const, value: caseViewOf(deps, result.seen, await deps.repo.getUserMris(), aad) }
        : await viewCase(deps, data.caseId, aad);
      if (!view.ok) return answerInvoke(context, dutchError(view.error));
      const typed = spec.draft(data);
      const draft = error.code === 'pii_found' ? typed : withoutPiiToggle(typed);
      await answerInvoke(context, buildVerdiepingCard(view.value, { notice: { kind: 'attention', text: dutchError(error) }, draft }));
    },
  };
}
