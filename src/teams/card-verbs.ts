import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../app/deps';
import type { AppError, Result } from '../app/errors';
import type { CaseSnapshot } from '../domain/decisions';
import type { AdaptiveCard } from '../cards/types';
import type { CaseCardView } from '../cards/view';
import { nlMessages } from '../i18n/nl';
import { dutchError } from './errors-nl';
import {
  answerInvoke,
  MESSAGE_ONLY,
  parseInvokeData,
  respondLean,
  respondToFailure,
  respondWithCase,
  respondWithSnapshot,
  type Notice,
  type StrictSchema,
} from './invoke-response';

/**
 * Who pressed the button, as far as authentication proved it: the activity's `from.aadObjectId` and
 * whether the turn came from a personal chat. Nothing in the card data is part of it.
 */
export interface Actor {
  aadObjectId: string | undefined;
  personal: boolean;
}

/**
 * How a verb answers once its command ran:
 * - `case`: the actor's case card with the confirmation on top (from the case as the command left it
 *   when `snapshot` gives it, else reloaded), or on failure the card with the reason (and what they typed);
 * - `card`: another card (Actieoverleg, advice, VT consultation) rendered for the actor by `render`;
 * - `direct`: `respond` answers itself (views without a command, the privacy officer's confirmation).
 */
export type VerbAnswer<T, R> =
  | {
      kind: 'case';
      okText: (value: R) => string;
      draft?: (data: T) => CaseCardView['draft'];
      snapshot?: (value: R) => CaseSnapshot;
      /** Answer a success with the lean card (with `snapshot`; docs/cards.md "The lean answer"). */
      lean?: boolean;
    }
  | {
      kind: 'card';
      okText?: string;
      render: (
        data: T,
        aad: string | undefined,
        notice: Notice | undefined,
        failure: AppError | undefined,
      ) => Promise<AdaptiveCard | string>;
    }
  | { kind: 'direct'; respond: (context: TurnContext, result: Result<R>) => Promise<void> };

/** One row of the verb table: verb, strict input schema, command, answer (with its confirmation text). */
export interface VerbSpec<T extends { caseId: string }, R> {
  verb: string;
  schema: StrictSchema<T>;
  /** The command (src/app), run as the actor. */
  command: (data: T, actor: Actor) => Promise<Result<R>>;
  answer: VerbAnswer<T, R>;
  /** What to answer when the data does not parse (default: the Dutch "unknown fields"/"unknown action"). */
  refusal?: string;
}

/** A verb of the table with its types bound (so rows with different data types share one list). */
export interface CardVerb {
  readonly verb: string;
  readonly execute: (context: TurnContext, deps: AppDeps, raw: unknown) => Promise<void>;
}

/** Bind one row: parse, run the command as the actor, answer. */
export function cardVerb<T extends { caseId: string }, R>(spec: VerbSpec<T, R>): CardVerb {
  return {
    verb: spec.verb,
    execute: async (context, deps, raw) => {
      const refusal = spec.refusal;
      const data = await parseInvokeData(
        context,
        deps,
        spec.verb,
        spec.schema,
        raw,
        refusal === undefined ? undefined : () => answerInvoke(context, refusal),
      );
      if (data === undefined) return;
      const actor: Actor = {
        aadObjectId: context.activity.from?.aadObjectId,
        personal: context.activity.conversation?.conversationType === 'personal',
      };
      await answer(context, deps, spec, data, actor, await spec.command(data, actor));
    },
  };
}

async function answer<T extends { caseId: string }, R>(
  context: TurnContext,
  deps: AppDeps,
  spec: VerbSpec<T, R>,
  data: T,
  actor: Actor,
  result: Result<R>,
): Promise<void> {
  const how = spec.answer;
  const caseId = data.caseId;
  if (how.kind === 'direct') {
    await how.respond(context, result);
    return;
  }
  if (how.kind === 'case') {
    if (result.ok && how.snapshot && how.lean)
      await respondLean(context, deps, how.snapshot(result.value), { kind: 'good', text: how.okText(result.value) });
    else if (result.ok && how.snapshot)
      await respondWithSnapshot(context, deps, how.snapshot(result.value), { kind: 'good', text: how.okText(result.value) });
    else if (result.ok) await respondWithCase(context, deps, caseId, { kind: 'good', text: how.okText(result.value) });
    else await respondToFailure(context, deps, caseId, result.error, how.draft?.(data), result.seen);
    return;
  }
  // Someone who may not see the case gets the reason only, never the card.
  if (!result.ok && MESSAGE_ONLY.has(result.error.code)) {
    await answerInvoke(context, dutchError(result.error));
    return;
  }
  const notice: Notice | undefined = result.ok
    ? how.okText
      ? { kind: 'good', text: how.okText }
      : undefined
    : { kind: 'attention', text: dutchError(result.error) };
  await answerInvoke(context, await how.render(data, actor.aadObjectId, notice, result.ok ? undefined : result.error));
}

/**
 * Every card verb through one loop over `app.adaptiveCards.actionExecute`, then the catch-all for
 * forged or outdated verbs (a clear Dutch message, nothing changes; the verb itself is not logged).
 * A verb listed twice is a programming error.
 */
export function registerCardVerbs(app: Application<TurnState>, deps: AppDeps, verbs: readonly CardVerb[]): void {
  const seen = new Set<string>();
  for (const v of verbs) {
    if (seen.has(v.verb)) throw new Error(`card verb registered twice: ${v.verb}`);
    seen.add(v.verb);
    app.adaptiveCards.actionExecute(v.verb, async (context, _state, raw) => {
      await v.execute(context, deps, raw);
      return '';
    });
  }
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    deps.log.warn({ verb: 'unknown' }, 'unknown card verb');
    await answerInvoke(context, nlMessages.errors.unknownAction);
    return '';
  });
}
