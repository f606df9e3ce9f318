import { z } from 'zod';
import { contributionInputSchema, type Contribution } from '../../domain/contribution';
import { decideAnswerInfo, decideAskInfo, decideDeclineInfo } from '../../domain/verdieping/decide-signals';
import { declineInputSchema, infoRequestInputSchema, type InfoRequest } from '../../domain/verdieping/info-request';
import { contributionId } from '../../store/repository';
import { newInfoRequestId } from '../../store/verdieping-store';
import { runCaseCommand, type CommandOutcome } from '../case-command';
import type { AppDeps } from '../deps';
import type { AppErrorCode, Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import { invalidInput, signalCommand, type SignalCommandArgs } from './signal-command';

/**
 * Informatievragen (issue 14 item 4): ask a named organisation, answer (a contribution of that
 * organisation linked to the question, in the same commit), decline with a reason. Each is one
 * bundle read, a pure decision and one commit (runCaseCommand); the organisation is the roster's.
 */

export async function askInfoRequest(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<InfoRequest>>> {
  const parsed = infoRequestInputSchema.safeParse(a.input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const pii = checkFreeText(deps, [parsed.data.question, parsed.data.whyNeeded, parsed.data.whatItChanges], a.piiConfirm === true);
  if (!pii.ok) return pii;
  const r = await runCaseCommand<InfoRequest, AppErrorCode>(deps, signalCommand(a, 'inforequest.ask'), (bundle, actor, ctx) =>
    decideAskInfo(bundle, { actor, input: parsed.data, id: newInfoRequestId(ctx.now) }, ctx),
  );
  if (r.ok) deps.log.info({ caseId: a.caseId, requestId: r.value.value.id, toOrg: r.value.value.toOrg }, 'information request asked');
  return r;
}

export const answerInputSchema = z
  .object({
    requestId: z.string().min(1).max(128),
    text: contributionInputSchema.shape.text,
    source: contributionInputSchema.shape.source,
    needToKnow: contributionInputSchema.shape.needToKnow,
  })
  .strict();

export async function answerInfoRequest(
  deps: AppDeps,
  a: SignalCommandArgs,
): Promise<Result<CommandOutcome<{ request: InfoRequest; contribution: Contribution }>>> {
  const parsed = answerInputSchema.safeParse(a.input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const { requestId, ...input } = parsed.data;
  const pii = checkFreeText(deps, [input.text, input.needToKnow], a.piiConfirm === true);
  if (!pii.ok) return pii;
  const r = await runCaseCommand<{ request: InfoRequest; contribution: Contribution }, AppErrorCode>(
    deps,
    signalCommand(a, 'inforequest.answer'),
    (bundle, actor, ctx) =>
      decideAnswerInfo(
        bundle,
        { actor, requestId, input, ...(pii.value ? { piiConfirmed: pii.value } : {}), contributionId: contributionId(ctx.now) },
        ctx,
      ),
  );
  if (r.ok) deps.log.info({ caseId: a.caseId, requestId, contributionId: r.value.value.contribution.id }, 'information request answered');
  return r;
}

export async function declineInfoRequest(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<InfoRequest>>> {
  const parsed = declineInputSchema.safeParse(a.input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const d = parsed.data;
  const pii = checkFreeText(deps, [d.note], a.piiConfirm === true);
  if (!pii.ok) return pii;
  const r = await runCaseCommand<InfoRequest, AppErrorCode>(deps, signalCommand(a, 'inforequest.decline'), (bundle, actor, ctx) =>
    decideDeclineInfo(bundle, { actor, requestId: d.requestId, reason: d.reason, ...(d.note ? { note: d.note } : {}) }, ctx),
  );
  if (r.ok) deps.log.info({ caseId: a.caseId, requestId: d.requestId, reason: d.reason }, 'information request declined');
  return r;
}
