import type { CaseBundle } from '../../domain/case-bundle';
import type { AdviceRecord } from '../../domain/advice/types';
import type { Case } from '../../domain/case';
import {
  decideAdviceDecision,
  decideDraftAdvice,
  decideFollowUpAnswer,
  decideSendAdvice,
  type Decided,
  type DecisionActor,
  type DecisionContext,
  type InterventionDetails,
} from '../../domain/decisions';
import type { AdviceDraft } from '../../domain/advice/types';
import type { Member } from '../../domain/roster';
import { nlAdviceCommands, nlCards, nlVtAdviceFixes as fx } from '../../i18n/nl';
import { auditRefusal } from '../actor';
import { runCaseCommand } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, ok, type AppError, type AppErrorCode, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import type { HandoverInput } from '../../domain/aftercare/handover';
import { closeRefusal, handoverFromFields, type HandoverFields } from '../course/handover-input';

export type { InterventionDetails };
type Args = { caseId: string; aadObjectId: string | undefined };

/** The roster member behind an authorised actor (roles decide who drafts and who decides). */
const memberOf = (deps: AppDeps, actor: DecisionActor): Member =>
  deps.directory.member(actor.aadObjectId) ?? { aadObjectId: actor.aadObjectId, orgId: actor.orgId, roles: [], locations: [] };

/** Earlier cases that share a person with this one (the person index: one read per pseudonym). */
const earlierCasesOf = (deps: AppDeps, b: CaseBundle) => deps.repo.earlierCasesOf(b.theCase.body);

/**
 * One advice step through runCaseCommand: a role refusal (not_lead_or_chair, not_ovj) is audited as an
 * access denial, an input refusal named by the decision becomes invalid_input with its field.
 */
/** Refusals of an advice step's input, named by its decision (the use case names the field). */
type InputRefusal = 'decision_empty' | 'ack_required' | 'followup_empty';

async function adviceCommand<E extends AppErrorCode | InputRefusal>(
  deps: AppDeps,
  args: Args,
  attempted: string,
  decide: (b: CaseBundle, member: Member, ctx: DecisionContext) => Decided<AdviceRecord, E> | Promise<Decided<AdviceRecord, E>>,
  inputRefusals: Partial<Record<InputRefusal, NonNullable<AppError['fields']>>> = {},
): Promise<Result<AdviceRecord>> {
  let refused: InputRefusal | undefined;
  let denied: { member: Member; code: 'not_lead_or_chair' | 'not_ovj' } | undefined;
  const r = await runCaseCommand(deps, { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted }, async (b, actor, ctx) => {
    const member = memberOf(deps, actor);
    const d = await decide(b, member, ctx);
    refused = undefined;
    denied = undefined;
    if (d.ok) return d;
    const code: AppErrorCode | InputRefusal = d.error;
    if (code === 'decision_empty' || code === 'ack_required' || code === 'followup_empty') {
      refused = code;
      return { ok: false, error: 'invalid_input' };
    }
    if (code === 'not_lead_or_chair' || code === 'not_ovj') denied = { member, code };
    return { ok: false, error: code };
  });
  if (r.ok) return ok(r.value.value);
  if (refused !== undefined && r.error.code === 'invalid_input') return fail('invalid_input', inputRefusals[refused]);
  if (denied && r.error.code === denied.code) {
    await auditRefusal(deps, {
      caseId: args.caseId,
      actorId: denied.member.aadObjectId,
      actorOrg: denied.member.orgId,
      attempted,
      reason: denied.code,
    });
  }
  return r;
}

/** The composed starting text for the drafter: what the history says, in a few editable lines. */
function composedSummary(draft: AdviceDraft, c: Case): string {
  const nl = fx.adviceDraft;
  const orgs = [...new Set(draft.contributions.map((x) => nlCards.orgs[x.orgId]))];
  const patterns = [...new Set(draft.patterns.map((p) => nlCards.advice.patterns[p.kind]))];
  const concern = draft.openConcern.map((o) => (o.reason ? `${nlCards.orgs[o.orgId]} (${o.reason})` : nlCards.orgs[o.orgId]));
  return [
    nl.offence(nlCards.offences[c.facts.offenceCategory], c.facts.childrenInvolved),
    orgs.length > 0 ? nl.contributions(orgs.join(', ')) : nl.noContributions,
    ...(patterns.length > 0 ? [nl.patterns(patterns.join(', '))] : []),
    concern.length > 0 ? nl.openConcern(concern.join('; ')) : nl.noConcern,
    nl.proposalHint,
  ]
    .join('\n')
    .slice(0, 2000);
}

/** "Advies opstellen": compose the advice from the case history (again, while it is a concept). */
export async function draftAdvice(
  deps: AppDeps,
  args: Args & { summary?: string; interventionIds?: string; piiConfirm?: boolean; details?: InterventionDetails },
): Promise<Result<AdviceRecord>> {
  const pii = checkFreeText(deps, [args.summary], args.piiConfirm === true);
  if (!pii.ok) return pii;
  return adviceCommand(deps, args, 'advice.draft', async (b, member, ctx) =>
    decideDraftAdvice(
      b,
      {
        member,
        palette: deps.directory.palette,
        earlierCases: await earlierCasesOf(deps, b),
        ...(args.interventionIds !== undefined ? { interventionIds: args.interventionIds } : {}),
        ...(args.details ? { details: args.details } : {}),
        ...(args.summary !== undefined ? { summary: args.summary } : {}),
        ...(pii.value ? { piiConfirmed: pii.value } : {}),
        composeSummary: composedSummary,
      },
      ctx,
    ),
  );
}

/** Send the advice to the OvJ on duty (channel or 1:1, by configuration) through the outbox. */
export async function sendAdvice(deps: AppDeps, args: Args): Promise<Result<AdviceRecord>> {
  return adviceCommand(deps, args, 'advice.send', async (b, member, ctx) =>
    decideSendAdvice(b, { member, palette: deps.directory.palette, earlierCases: await earlierCasesOf(deps, b) }, ctx),
  );
}

/**
 * The OvJ records the decision: interventions from the palette plus free text; where buikpijn remains,
 * an explicit acknowledgement with a reason. Then terugkoppeling to the thread and every contributor,
 * and a follow-up question to the case lead after the configured number of days.
 */
export async function decide(
  deps: AppDeps,
  args: Args & {
    interventionIds?: string;
    text?: string;
    concernAcknowledgement?: string;
    piiConfirm?: boolean;
    details?: InterventionDetails;
  },
): Promise<Result<AdviceRecord>> {
  const pii = checkFreeText(deps, [args.text, args.concernAcknowledgement], args.piiConfirm === true);
  if (!pii.ok) return pii;
  return adviceCommand(
    deps,
    args,
    'advice.decide',
    (b, member, ctx) =>
      decideAdviceDecision(
        b,
        {
          member,
          palette: deps.directory.palette,
          ...(args.interventionIds !== undefined ? { interventionIds: args.interventionIds } : {}),
          ...(args.text !== undefined ? { text: args.text } : {}),
          ...(args.concernAcknowledgement !== undefined ? { concernAcknowledgement: args.concernAcknowledgement } : {}),
          ...(args.details ? { details: args.details } : {}),
          ...(pii.value ? { piiConfirmed: pii.value } : {}),
          followUpDays: deps.directory.location(b.theCase.body.locationId)?.followUpDays ?? 14,
        },
        ctx,
      ),
    {
      decision_empty: [{ path: 'decision', message: 'choose interventions or write the decision' }],
      ack_required: [{ path: 'concernAcknowledgement', message: 'required while buikpijn remains' }],
    },
  );
}

/**
 * "Wat is ervan gekomen?": the case lead's answer is kept and shared (thread, contributors, the OvJ's
 * advice card); the case closes or stays open. Closing names who takes the case over and is checked
 * with the safety plan's rule (issue 14/15).
 */
export async function answerFollowUp(
  deps: AppDeps,
  args: Args & { text?: string; close?: boolean; piiConfirm?: boolean; handover?: HandoverFields },
): Promise<Result<AdviceRecord>> {
  const pii = checkFreeText(deps, [args.text], args.piiConfirm === true);
  if (!pii.ok) return pii;
  let closing: AppError | undefined;
  const r = await adviceCommand(
    deps,
    args,
    'advice.followUp',
    (b, member, ctx): Decided<AdviceRecord, AppErrorCode | 'followup_empty'> => {
      closing = undefined;
      let handover: HandoverInput | undefined;
      if (args.close) {
        const h = handoverFromFields(args.handover ?? {});
        if (!h.ok) {
          closing = h.error;
          return { ok: false, error: 'invalid_input' };
        }
        handover = h.value;
      }
      const parties = deps.directory.location(b.theCase.body.locationId)?.aftercare.receivingParties ?? [];
      const d = decideFollowUpAnswer(
        b,
        {
          member,
          ...(args.text !== undefined ? { text: args.text } : {}),
          ...(args.close !== undefined ? { close: args.close } : {}),
          ...(pii.value ? { piiConfirmed: pii.value } : {}),
          closeReason: nlAdviceCommands.closedAfterFollowUp,
          ...(handover ? { closing: { handover, parties } } : {}),
        },
        ctx,
      );
      if (d.ok || d.error === 'followup_empty' || d.error === 'not_lead_or_chair' || d.error === 'no_advice' || d.error === 'case_closed')
        return d as Decided<AdviceRecord, AppErrorCode | 'followup_empty'>;
      closing = closeRefusal(d.error);
      return { ok: false, error: closing.code };
    },
    { followup_empty: [{ path: 'followUp', message: 'required' }] },
  );
  return !r.ok && closing && r.error.code === closing.code ? { ok: false, error: closing } : r;
}
