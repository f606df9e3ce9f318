import { z } from 'zod';
import { amsterdamToUtc } from '../../domain/local-time';
import { instrumentsOf } from '../../domain/verdieping/config';
import { localDate, localTime, note } from '../../domain/verdieping/common';
import { decideAddMeasure, decideRequestRisk, decideRiskOutcome, decideViolation } from '../../domain/verdieping/decide-signals';
import {
  measureInputSchema,
  riskOutcomeInputSchema,
  riskRequestInputSchema,
  type RiskAssessment,
  type RunningMeasure,
} from '../../domain/verdieping/safety-signals';
import { amsterdamDate } from '../../domain/verdieping/summary';
import { newMeasureId, newRiskAssessmentId } from '../../store/verdieping-store';
import { runCaseCommandWithInput, type CommandOutcome } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, ok, type AppErrorCode, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import { invalidInput, signalCommand, type SignalCommandArgs } from './signal-command';

/**
 * Risk instruments and running measures (issue 14 item 5). Recording a high-risk outcome or a
 * violation evaluates the location's safety escalation rules in the same decision, so the escalation
 * record and the Actieoverleg post job are part of that one commit.
 */

/** Domain refusals under the app's names (the domain says in_future / too_many for a violation). */
const VIOLATION_ERRORS = {
  case_closed: 'case_closed',
  unknown_item: 'unknown_item',
  in_future: 'violation_in_future',
  measure_ended: 'measure_ended',
  too_many: 'too_many_violations',
  already_settled: 'already_settled',
} as const satisfies Record<string, AppErrorCode>;

export async function requestRiskAssessment(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<RiskAssessment>>> {
  const input = () => {
    const parsed = riskRequestInputSchema.safeParse(a.input);
    return parsed.success ? ok(parsed.data) : invalidInput<z.infer<typeof riskRequestInputSchema>>(parsed.error.issues);
  };
  return runCaseCommandWithInput(deps, signalCommand(a, 'risk.request'), input, (bundle, actor, ctx, data) => {
    const config = deps.directory.location(bundle.theCase.body.locationId)?.verdieping;
    const instruments = config ? instrumentsOf(config) : instrumentsOf({ extraInstruments: [] });
    return decideRequestRisk(bundle, { actor, input: data, instruments, id: newRiskAssessmentId(ctx.now) }, ctx);
  });
}

export async function recordRiskOutcome(
  deps: AppDeps,
  a: SignalCommandArgs,
): Promise<Result<CommandOutcome<{ assessment: RiskAssessment; escalated: boolean }>>> {
  const input = () => {
    const parsed = riskOutcomeInputSchema.safeParse(a.input);
    return parsed.success ? ok(parsed.data) : invalidInput<z.infer<typeof riskOutcomeInputSchema>>(parsed.error.issues);
  };
  const r = await runCaseCommandWithInput(deps, signalCommand(a, 'risk.outcome'), input, (bundle, actor, ctx, data) => {
    const policy = deps.directory.location(bundle.theCase.body.locationId)?.verdieping.safetyEscalation;
    return decideRiskOutcome(bundle, { actor, ...data, todayLocal: amsterdamDate(ctx.now), ...(policy ? { policy } : {}) }, ctx);
  });
  if (r.ok)
    deps.log.info(
      { caseId: a.caseId, assessmentId: r.value.value.assessment.id, escalated: r.value.value.escalated },
      'risk outcome recorded',
    );
  return r;
}

export async function addRunningMeasure(deps: AppDeps, a: SignalCommandArgs): Promise<Result<CommandOutcome<RunningMeasure>>> {
  const input = () => {
    const parsed = measureInputSchema.safeParse(a.input);
    if (!parsed.success) return invalidInput<z.infer<typeof measureInputSchema>>(parsed.error.issues);
    const pii = checkFreeText(deps, [parsed.data.note], a.piiConfirm === true);
    return pii.ok ? ok(parsed.data) : pii;
  };
  return runCaseCommandWithInput(deps, signalCommand(a, 'measure.add'), input, (bundle, actor, ctx, data) =>
    decideAddMeasure(bundle, { actor, input: data, todayLocal: amsterdamDate(ctx.now), id: newMeasureId(ctx.now) }, ctx),
  );
}

/** A violation as the card sends it: the measure, the Dutch date and time it happened, an optional note. */
export const violationFormSchema = z
  .object({ measureId: z.string().min(1).max(128), date: localDate, time: localTime, note: note(500).optional() })
  .strict();

export async function reportMeasureViolation(
  deps: AppDeps,
  a: SignalCommandArgs,
): Promise<Result<CommandOutcome<{ measure: RunningMeasure; violationId: string; escalated: boolean }>>> {
  const input = () => {
    const parsed = violationFormSchema.safeParse(a.input);
    if (!parsed.success) return invalidInput<never>(parsed.error.issues);
    const at = amsterdamToUtc(parsed.data.date, parsed.data.time);
    if (!at) return fail<never>('invalid_time');
    const pii = checkFreeText(deps, [parsed.data.note], a.piiConfirm === true);
    return pii.ok ? ok({ v: parsed.data, at }) : pii;
  };
  const r = await runCaseCommandWithInput(deps, signalCommand(a, 'measure.violation'), input, (bundle, actor, ctx, { v, at }) => {
    const policy = deps.directory.location(bundle.theCase.body.locationId)?.verdieping.safetyEscalation;
    const d = decideViolation(
      bundle,
      {
        actor,
        measureId: v.measureId,
        at,
        violationLocalDate: v.date,
        ...(v.note ? { note: v.note } : {}),
        ...(policy ? { policy } : {}),
      },
      ctx,
    );
    return d.ok ? d : { ok: false, error: VIOLATION_ERRORS[d.error] };
  });
  if (r.ok)
    deps.log.info(
      { caseId: a.caseId, measureId: r.value.value.measure.id, escalated: r.value.value.escalated },
      'measure violation reported',
    );
  return r;
}
