import { z } from 'zod';
import { contributionInputSchema, type Contribution } from '../../domain/contribution';
import { decideAnswerInfo, decideAskInfo, decideDeclineInfo } from '../../domain/verdieping/decide-signals';
import { declineInputSchema, infoRequestInputSchema, type InfoRequest } from '../../domain/verdieping/info-request';
import { contributionId } from '../../store/repository';
import { newInfoRequestId } from '../../store/verdieping-store';
import { runCaseCommandWithInput, type CommandOutcome } from '../case-command';
import type { AppDeps } from '../deps';
import { ok, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import { invalidInput, signalCommand, type SignalCommandArgs } from './signal-command';

/**
 * Informatievragen (issue 14 item 4): ask a named organisation, answer (a contribution of that
 * organisation linked to the question, in the same commit), decline with a reason. Each is one
 * bundle read, a pure decision and one commit (runCaseCommand); the organisation is the roster's.
 */

export async function askInfoRequest(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<InfoRequest>>> {
  const input = () => {
    const parsed = infoRequestInputSchema.safeParse(a.input);
    if (!parsed.success) return invalidInput<z.infer<typeof infoRequestInputSchema>>(parsed.error.issues);
    const pii = checkFreeText(deps, [parsed.data.question, parsed.data.whyNeeded, parsed.data.whatItChanges], a.piiConfirm === true);
    return pii.ok ? ok(parsed.data) : pii;
  };
  const r = await runCaseCommandWithInput(deps, signalCommand(a, 'infoRequest.ask'), input, (bundle, actor, ctx, data) =>
    decideAskInfo(
      bundle,
      {
        actor,
        input: data,
        id: newInfoRequestId(ctx.now),
        reminder: deps.directory.location(bundle.theCase.body.locationId)?.verdieping.questionReminder,
      },
      ctx,
    ),
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
  const checked = () => {
    const parsed = answerInputSchema.safeParse(a.input);
    if (!parsed.success) return invalidInput<never>(parsed.error.issues);
    const { requestId, ...input } = parsed.data;
    const pii = checkFreeText(deps, [input.text, input.needToKnow], a.piiConfirm === true);
    return pii.ok ? ok({ requestId, input, piiConfirmed: pii.value }) : pii;
  };
  const r = await runCaseCommandWithInput(
    deps,
    signalCommand(a, 'infoRequest.answer'),
    checked,
    (bundle, actor, ctx, { requestId, input, piiConfirmed }) =>
      decideAnswerInfo(
        bundle,
        { actor, requestId, input, ...(piiConfirmed ? { piiConfirmed } : {}), contributionId: contributionId(ctx.now) },
        ctx,
      ),
  );
  if (r.ok)
    deps.log.info(
      { caseId: a.caseId, requestId: r.value.value.request.id, contributionId: r.value.value.contribution.id },
      'information request answered',
    );
  return r;
}

export async function declineInfoRequest(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<InfoRequest>>> {
  const input = () => {
    const parsed = declineInputSchema.safeParse(a.input);
    if (!parsed.success) return invalidInput<z.infer<typeof declineInputSchema>>(parsed.error.issues);
    const pii = checkFreeText(deps, [parsed.data.note], a.piiConfirm === true);
    return pii.ok ? ok(parsed.data) : pii;
  };
  const r = await runCaseCommandWithInput(deps, signalCommand(a, 'infoRequest.decline'), input, (bundle, actor, ctx, d) =>
    decideDeclineInfo(bundle, { actor, requestId: d.requestId, reason: d.reason, ...(d.note ? { note: d.note } : {}) }, ctx),
  );
  if (r.ok)
    deps.log.info({ caseId: a.caseId, requestId: r.value.value.id, reason: r.value.value.decline?.reason }, 'information request declined');
  return r;
}
