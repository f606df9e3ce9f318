import { caseLinkOf, viewActieoverleg } from '../views/actieoverleg-view';
import { adviceVerdiepingData } from '../views/advice-verdieping';
import type { AppDeps } from '../app/deps';
import type { AppError, Result } from '../app/errors';
import { buildActieoverlegCard } from '../cards/actieoverleg-card';
import { ovjDecisionOf } from '../cards/after-decision';
import type { ActieoverlegCardView } from '../cards/view';
import type { CaseSnapshot } from '../domain/decisions';
import { contributionsFor } from '../domain/views';
import { cardVerb, type Actor, type CardVerb } from './card-verbs';
import { dutchError } from './errors-nl';
import { answerInvoke, MESSAGE_ONLY, type Notice, type StrictSchema } from './invoke-response';

/**
 * The Actieoverleg card as the actor sees it, built from the case as a command's commit left it (no
 * reload): the same view loadActieoverlegView builds from the store. Null when the case has no
 * escalation or its location is no longer configured.
 */
export function actieoverlegViewOf(
  deps: AppDeps,
  s: CaseSnapshot,
  viewerAad: string | undefined,
  notice?: Notice,
): ActieoverlegCardView | null {
  const location = deps.directory.location(s.theCase.locationId);
  if (!location || !s.escalation) return null;
  const viewer = deps.directory.member(viewerAad);
  const link = caseLinkOf(s.cardRef);
  const ovjDecision = ovjDecisionOf(s.advice, deps.directory.palette);
  // The safety plan and the rest of verdieping, as loadActieoverlegView adds them (from the same snapshot).
  const verdieping = adviceVerdiepingData(s.theCase, location, s.verdieping, s.contributions, viewer?.orgId);
  return {
    case: s.theCase,
    location,
    escalation: s.escalation,
    contributions: contributionsFor(s.contributions, viewer?.orgId),
    votes: s.votes,
    ...(link ? { caseLink: link } : {}),
    viewerIsChair: !!viewer?.roles.includes('chair') && viewer.locations.includes(s.theCase.locationId),
    ...(viewer ? { viewerOrg: viewer.orgId } : {}),
    ...(notice ? { notice } : {}),
    ...(ovjDecision ? { ovjDecision } : {}),
    now: deps.clock.now(),
    ...(verdieping ? { verdieping } : {}),
  };
}

/**
 * A verb on the Actieoverleg card whose command commits once and hands back the case as it left it
 * (with the actor's view audited in that commit): the answer is the Actieoverleg card built from that
 * snapshot. On failure: the reason only for who may not see the case, else the card as it stands with the reason on top.
 */
export function actieoverlegCommandVerb<T extends { caseId: string }>(
  deps: AppDeps,
  verb: string,
  schema: StrictSchema<T>,
  run: (data: T, aad: string | undefined) => Promise<Result<{ after: CaseSnapshot }>>,
  okText: string,
  /** The Dutch reason of a refusal (default the shared table; an area with rules of its own passes its table). */
  errorText: (error: AppError) => string = dutchError,
): CardVerb {
  // The command's outcome travels with the case id it was for (no state shared between concurrent turns).
  return cardVerb<T, { caseId: string; outcome: Result<{ after: CaseSnapshot }> }>({
    verb,
    schema,
    command: async (d, actor: Actor) => ({ ok: true, value: { caseId: d.caseId, outcome: await run(d, actor.aadObjectId) } }),
    answer: {
      kind: 'direct',
      respond: async (context, wrapped) => {
        if (!wrapped.ok) return answerInvoke(context, dutchError(wrapped.error));
        const { caseId, outcome } = wrapped.value;
        const aad = context.activity.from?.aadObjectId;
        if (!outcome.ok && MESSAGE_ONLY.has(outcome.error.code)) return answerInvoke(context, dutchError(outcome.error));
        const notice: Notice = outcome.ok ? { kind: 'good', text: okText } : { kind: 'attention', text: errorText(outcome.error) };
        // The case as the command left it, or as a refused command read it (the view audited in its one
        // write): no reload. A refusal by the roster check (not the chair …) comes without it: read here.
        const snapshot = outcome.ok ? outcome.value.after : outcome.seen;
        const view = snapshot
          ? actieoverlegViewOf(deps, snapshot, aad, notice)
          : await viewActieoverleg(deps, caseId, aad, notice, 'action').then((v) => (v.ok ? v.value : null));
        return answerInvoke(context, view ? buildActieoverlegCard(view) : notice.text);
      },
    },
  });
}
