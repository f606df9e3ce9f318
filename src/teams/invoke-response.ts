import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { nlMessages, nlTrust } from '../i18n/nl';
import { parseCardData } from '../cards/verbs';
import { refuseCardInput } from '../app/case-access';
import type { AppDeps } from '../app/deps';
import type { AppError } from '../app/errors';
import { caseViewOf, viewCase } from '../views/case-view';
import type { CaseSnapshot } from '../domain/decisions';
import { renderCaseCard } from '../views/render-cache';
import { buildLeanCaseCard } from '../cards/case-card-lean';
import type { AdaptiveCard } from '../cards/types';
import type { CaseCardView } from '../cards/view';
import { dutchError } from './errors-nl';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

export type StrictSchema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } };

const CASE_ID = /^[A-Za-z0-9-]{1,80}$/;

/**
 * Parse a card action's data strictly. On failure the actor hears why in Dutch (unknown fields, or an
 * action the bot does not recognise), nothing changes, and a refusal that names an existing case is
 * audited on it. `verb` is the registered verb (never text from the request).
 */
export async function parseInvokeData<T>(
  context: TurnContext,
  deps: AppDeps,
  verb: string,
  schema: StrictSchema<T>,
  raw: unknown,
  answer: (text: string) => Promise<unknown> = (text) => answerInvoke(context, text),
): Promise<T | undefined> {
  const parsed = parseCardData(schema, raw);
  if (parsed.ok) return parsed.data;
  const caseId = (raw as { caseId?: unknown } | null | undefined)?.caseId;
  deps.log.info({ verb, why: parsed.reason }, 'card action refused: input');
  if (parsed.reason === 'unknown_fields' && typeof caseId === 'string' && CASE_ID.test(caseId))
    await refuseCardInput(deps, { caseId, aadObjectId: context.activity.from?.aadObjectId, attempted: verb, reason: 'unknown_fields' });
  await answer(parsed.reason === 'unknown_fields' ? nlTrust.unknownFields : nlMessages.errors.unknownAction);
  return undefined;
}

/** Answer an Action.Execute ourselves, so teams-ai does not push a personal view to everyone. */
export async function answerInvoke(context: TurnContext, value: AdaptiveCard | string): Promise<void> {
  const body =
    typeof value === 'string' ? { statusCode: 200, type: MESSAGE_RESPONSE, value } : { statusCode: 200, type: CARD_RESPONSE, value };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** After an action: the actor's own card view with a notice on top (and what they typed), or the error in Dutch. */
export async function respondWithCase(
  context: TurnContext,
  deps: AppDeps,
  caseId: string,
  notice: { kind: 'good' | 'attention'; text: string },
  draft?: CaseCardView['draft'],
): Promise<void> {
  const view = await viewCase(deps, caseId, context.activity.from?.aadObjectId, notice);
  await answerInvoke(context, view.ok ? renderCaseCard({ ...view.value, ...(draft ? { draft } : {}) }) : dutchError(view.error));
}

/**
 * After a command that already holds the case as it left it: the actor's card view built from that
 * (no reload; the view was audited in the command's commit), with the notice on top.
 */
export async function respondWithSnapshot(
  context: TurnContext,
  deps: AppDeps,
  after: CaseSnapshot,
  notice: { kind: 'good' | 'attention'; text: string },
  draft?: CaseCardView['draft'],
): Promise<void> {
  const mris = await deps.repo.getUserMris();
  const view = caseViewOf(deps, after, mris, context.activity.from?.aadObjectId, notice);
  await answerInvoke(context, renderCaseCard({ ...view, ...(draft ? { draft } : {}) }));
}

/**
 * The lean answer (docs/cards.md "The lean answer"): after a vote the actor gets the top of the card
 * (status, danger, the vote row, the picture) built from the case as the command left it, with a
 * refresh for the actor only and "Volledige kaart": Teams fetches the full personal card with the
 * refresh verb. About a quarter of the full card's bytes, and no density steps or size checks to build.
 */
export async function respondLean(
  context: TurnContext,
  deps: AppDeps,
  after: CaseSnapshot,
  notice: { kind: 'good' | 'attention'; text: string },
): Promise<void> {
  const mris = await deps.repo.getUserMris();
  const aad = context.activity.from?.aadObjectId;
  const view = caseViewOf(deps, after, mris, aad, notice);
  await answerInvoke(context, buildLeanCaseCard(view, aad !== undefined && Object.hasOwn(mris, aad) ? mris[aad] : undefined));
}

/** Refusals of access get a plain message (no card for someone who may not see it); anything else keeps the card with the reason on top. */
export const MESSAGE_ONLY: ReadonlySet<AppError['code']> = new Set(['not_on_roster', 'not_for_location', 'case_not_found']);

/**
 * `seen`: the case as the refused command loaded it (its view already audited there): the card is built
 * from it, without reading the case again. Without it the case is read (and the view audited) here.
 */
export async function respondToFailure(
  context: TurnContext,
  deps: AppDeps,
  caseId: string,
  error: AppError,
  draft?: CaseCardView['draft'],
  seen?: CaseSnapshot,
): Promise<void> {
  if (MESSAGE_ONLY.has(error.code)) {
    await answerInvoke(context, dutchError(error));
    return;
  }
  const notice = { kind: 'attention' as const, text: dutchError(error) };
  const kept = error.code === 'pii_found' ? draft : error.code === 'invalid_input' ? withoutPiiToggles(draft) : undefined;
  if (seen) await respondWithSnapshot(context, deps, seen, notice, kept);
  else await respondWithCase(context, deps, caseId, notice, kept);
}

/** The need-to-know toggles appear only after a refusal for identifiers (src/cards/free-text.ts). */
function withoutPiiToggles(draft: CaseCardView['draft']): CaseCardView['draft'] {
  if (!draft) return draft;
  return Object.fromEntries(Object.entries(draft).filter(([k]) => !k.endsWith('PiiConfirm')));
}

export type Notice = { kind: 'good' | 'attention'; text: string };
