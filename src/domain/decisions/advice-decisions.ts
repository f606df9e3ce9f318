import { composeAdvice } from '../advice/compose';
import type { EarlierCase } from '../advice/patterns';
import type { AdviceDraft, AdviceRecord, Intervention, ProposedIntervention } from '../advice/types';
import type { AuditEntry } from '../audit';
import type { Case } from '../case';
import type { CaseBundle } from '../case-bundle';
import type { PiiKind } from '../pii';
import { mayRecordDecision, type Member } from '../roster';
import { contributionVisibleTo } from '../views';
import { refreshJobs, snapshotOf } from './follow-up';
import { closingJobs, closureAuditDetail, closureOf, type CloseError } from './close-decisions';
import type { HandoverInput, ReceivingParty } from '../aftercare/handover';
import type { CaseDecision, CaseSnapshot, Decided, DecisionContext, JobIntent } from './types';
import { actorAudit } from './audit-entry';

const DAY_MS = 86_400_000;
const SUMMARY_MAX = 2000;
const NOTE_MAX = 300;
const LANGUAGE_MAX = 40;
const ACK_MAX = 1000;

/** Job ids of the advice (one per case each; repeated requests coalesce). */
export const ADVICE_JOB_IDS = {
  sendAdvice: 'job:sendAdvice',
  refreshAdvice: 'job:refreshAdvice',
  feedbackDecision: 'job:feedback:decision',
  feedbackFollowUp: 'job:feedback:followUp',
  adviceFollowUp: 'job:adviceFollowUp',
} as const;

/** Per intervention id: its note (proeftijd, voorwaarden) and, for the letter, its language. */
export type InterventionDetails = Record<string, { note?: string; language?: string }>;

/** The case lead's organisation or the chair drafts, sends and follows up the advice. */
export const mayDraftAdvice = (c: Pick<Case, 'caseLead'>, m: Pick<Member, 'orgId' | 'roles'>): boolean =>
  m.roles.includes('chair') || (!!c.caseLead && c.caseLead.orgId === m.orgId);

/** A comma-separated list of ids as typed in a card (empty entries dropped). */
export const idList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The note and language of one chosen intervention, bounded; a language only where the palette allows one. */
function detailOf(details: InterventionDetails | undefined, id: string, allowsLanguage: boolean): { note?: string; language?: string } {
  const d = details?.[id];
  const note = d?.note?.trim().slice(0, NOTE_MAX);
  const language = allowsLanguage ? d?.language?.trim().slice(0, LANGUAGE_MAX) : undefined;
  return { ...(note ? { note } : {}), ...(language ? { language } : {}) };
}

const piiDetail = (kinds: readonly PiiKind[] | undefined): { piiConfirmed?: string } =>
  kinds && kinds.length > 0 ? { piiConfirmed: kinds.join(',') } : {};

/** What composing the advice needs besides the bundle (the palette from configuration, earlier cases from the person index). */
export interface AdviceSources {
  palette: readonly Intervention[];
  earlierCases: readonly EarlierCase[];
}

function compose(b: CaseBundle, src: AdviceSources, summary: string, proposed: ProposedIntervention[], version: number, now: string) {
  return composeAdvice({
    case: b.theCase.body,
    // The advice goes to the OvJ (OM): only what OM may read; restricted contributions stay out.
    contributions: b.contributions.filter((x) => contributionVisibleTo(x, 'om')),
    votes: b.votes,
    earlierCases: src.earlierCases,
    proposed,
    palette: src.palette,
    summary,
    version,
    composedAt: now,
  });
}

/** Same content (the version and the moment of composing aside). */
const sameContent = (a: AdviceDraft, b: AdviceDraft): boolean =>
  JSON.stringify({ ...a, version: 0, composedAt: '' }) === JSON.stringify({ ...b, version: 0, composedAt: '' });

/** One advice step as one decision: the advice (and maybe the case) written, its audit, its jobs and the card refreshes. */
function adviceStep(
  b: CaseBundle,
  advice: AdviceRecord,
  audit: AuditEntry[],
  jobs: JobIntent[],
  ctx: DecisionContext,
  nextCase: Case = b.theCase.body,
): Decided<AdviceRecord, never> {
  const after: CaseSnapshot = { ...snapshotOf(b), theCase: nextCase, advice };
  const decision: CaseDecision = {
    nextCase,
    votes: [],
    contributions: [],
    audit,
    jobs: [...jobs, ...refreshJobs(after, ctx.now, { newEscalation: false })],
    advice,
  };
  return { ok: true, value: advice, decision, after };
}

export interface DraftAdviceArgs extends AdviceSources {
  member: Member;
  /** Absent: keep the interventions of the current concept. */
  interventionIds?: string;
  details?: InterventionDetails;
  /** Absent: keep the current summary (or, for the first draft, start from `composeSummary`). */
  summary?: string;
  piiConfirmed?: PiiKind[];
  /** The composed starting text for the first draft (Dutch, from src/app): what the history says. */
  composeSummary: (draft: AdviceDraft, c: Case) => string;
}

/** "Advies opstellen": compose the advice from the case history (again, while it is a concept). */
export function decideDraftAdvice(
  b: CaseBundle,
  args: DraftAdviceArgs,
  ctx: DecisionContext,
): Decided<AdviceRecord, 'case_closed' | 'not_lead_or_chair' | 'advice_sent'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  if (!mayDraftAdvice(c, args.member)) return { ok: false, error: 'not_lead_or_chair' };
  const current = b.advice?.body;
  if (current && current.status !== 'draft') return { ok: false, error: 'advice_sent' };
  const palette = new Map(args.palette.map((i) => [i.id, i]));
  const proposed: ProposedIntervention[] =
    args.interventionIds !== undefined
      ? idList(args.interventionIds).flatMap((id) => {
          const i = palette.get(id);
          return i ? [{ interventionId: id, phase: i.phase, ...detailOf(args.details, id, i.allowsLanguage) }] : [];
        })
      : (current?.draft.interventions ?? []);
  const summary = (args.summary ?? current?.draft.summary ?? '').trim().slice(0, SUMMARY_MAX);
  const composed = compose(b, args, summary, proposed, (current?.draft.version ?? 0) + 1, ctx.now);
  // The first draft starts from what the history says, so the drafter edits the composed advice, not an empty one.
  if (!current && !summary) composed.summary = args.composeSummary(composed, c);
  // A new summary carries its own confirmation; an unchanged one keeps the earlier one.
  const confirmed = args.summary !== undefined ? args.piiConfirmed : current?.draft.summaryPiiConfirmed;
  const draft = confirmed && confirmed.length > 0 ? { ...composed, summaryPiiConfirmed: confirmed } : composed;
  const advice: AdviceRecord = { caseId: c.id, status: 'draft', draft, draftedBy: args.member.aadObjectId };
  return adviceStep(
    b,
    advice,
    [actorAudit(c, args.member, 'advice.draft', ctx, { version: draft.version, ...piiDetail(args.piiConfirmed) })],
    [],
    ctx,
  );
}

/** Send the advice to the OvJ on duty (the outbox job delivers it), recomposed from what the history says now. */
export function decideSendAdvice(
  b: CaseBundle,
  args: AdviceSources & { member: Member },
  ctx: DecisionContext,
): Decided<AdviceRecord, 'case_closed' | 'not_lead_or_chair' | 'no_advice' | 'advice_sent'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  if (!mayDraftAdvice(c, args.member)) return { ok: false, error: 'not_lead_or_chair' };
  const current = b.advice?.body;
  if (!current) return { ok: false, error: 'no_advice' };
  if (current.status !== 'draft') return { ok: false, error: 'advice_sent' };
  // A vote may have come in since the draft: a new version only when the content changed, so the
  // drafter and the OvJ speak of the same version.
  const recomposed = compose(b, args, current.draft.summary, current.draft.interventions, current.draft.version + 1, ctx.now);
  const confirmed = current.draft.summaryPiiConfirmed;
  const draft = sameContent(recomposed, current.draft)
    ? current.draft
    : confirmed
      ? { ...recomposed, summaryPiiConfirmed: confirmed }
      : recomposed;
  const advice: AdviceRecord = { ...current, draft, status: 'sent', sentAt: ctx.now };
  return adviceStep(
    b,
    advice,
    [actorAudit(c, args.member, 'advice.sent', ctx)],
    [{ id: ADVICE_JOB_IDS.sendAdvice, type: 'sendAdvice', dueAt: ctx.now, mode: 'request' }],
    ctx,
  );
}

export interface AdviceDecisionArgs {
  member: Member;
  palette: readonly Intervention[];
  interventionIds?: string;
  text?: string;
  concernAcknowledgement?: string;
  details?: InterventionDetails;
  piiConfirmed?: PiiKind[];
  /** Days until the case lead is asked "wat is ervan gekomen?" (the location's configuration). */
  followUpDays: number;
}

/**
 * The OvJ records the decision: interventions from the palette plus free text; where buikpijn remains
 * (as the advice was sent), an acknowledgement with a reason. Then terugkoppeling to the thread and
 * every contributor, and the follow-up question to the case lead after `followUpDays`.
 * `decision_empty` and `ack_required` are input refusals (the use case names the field).
 */
export function decideAdviceDecision(
  b: CaseBundle,
  args: AdviceDecisionArgs,
  ctx: DecisionContext,
): Decided<AdviceRecord, 'case_closed' | 'not_ovj' | 'decision_empty' | 'ack_required' | 'no_advice' | 'already_decided'> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  if (!mayRecordDecision(args.member)) return { ok: false, error: 'not_ovj' };
  const palette = new Map(args.palette.map((i) => [i.id, i]));
  const chosen = idList(args.interventionIds).filter((id) => palette.has(id));
  const text = (args.text ?? '').trim().slice(0, SUMMARY_MAX);
  const ack = (args.concernAcknowledgement ?? '').trim().slice(0, ACK_MAX);
  const current = b.advice?.body;
  // The remaining buikpijn the OvJ was shown (the advice as sent), so the card and this check agree.
  const openConcern = [...new Set((current?.draft.openConcern ?? []).map((x) => x.orgId))];
  if (chosen.length === 0 && text.length === 0) return { ok: false, error: 'decision_empty' };
  if (openConcern.length > 0 && ack.length < 10) return { ok: false, error: 'ack_required' };
  if (!current) return { ok: false, error: 'no_advice' };
  if (current.status === 'decided') return { ok: false, error: 'already_decided' };
  if (current.status !== 'sent') return { ok: false, error: 'no_advice' };
  const advice: AdviceRecord = {
    ...current,
    status: 'decided',
    decision: {
      at: ctx.now,
      by: args.member.aadObjectId,
      interventions: chosen.map((interventionId) => ({
        interventionId,
        ...detailOf(args.details, interventionId, palette.get(interventionId)?.allowsLanguage ?? false),
      })),
      ...(text ? { freeText: text } : {}),
      ...(openConcern.length > 0 ? { concernAcknowledgement: ack } : {}),
      ...(args.piiConfirmed && args.piiConfirmed.length > 0 ? { piiConfirmed: args.piiConfirmed } : {}),
    },
  };
  const followUpAt = new Date(Date.parse(ctx.now) + args.followUpDays * DAY_MS).toISOString();
  return adviceStep(
    b,
    advice,
    [
      actorAudit(c, args.member, 'advice.decided', ctx, {
        interventions: chosen.join(','),
        openConcern: openConcern.join(','),
        ...piiDetail(args.piiConfirmed),
      }),
    ],
    [
      { id: ADVICE_JOB_IDS.refreshAdvice, type: 'refreshAdvice', dueAt: ctx.now, mode: 'request' },
      { id: ADVICE_JOB_IDS.feedbackDecision, type: 'feedback', dueAt: ctx.now, payload: { what: 'decision' }, mode: 'request' },
      { id: ADVICE_JOB_IDS.adviceFollowUp, type: 'adviceFollowUp', dueAt: followUpAt, mode: 'request' },
    ],
    ctx,
  );
}

export interface FollowUpArgs {
  member: Member;
  text?: string;
  close?: boolean;
  piiConfirmed?: PiiKind[];
  /** The closure reason stored on the case when the answer closes it (text from src/app). */
  closeReason: string;
  /**
   * Closing with the answer (issue 15): who takes the case over, checked with the safety plan's rule
   * (closeDecisions.closureOf, after the decision). Required when `close`.
   */
  closing?: { handover: HandoverInput; parties: readonly ReceivingParty[] };
}

/**
 * "Wat is ervan gekomen?": the case lead's answer is kept and shared (terugkoppeling); with `close`
 * the case closes in the same commit. `followup_empty` is an input refusal.
 */
export function decideFollowUpAnswer(
  b: CaseBundle,
  args: FollowUpArgs,
  ctx: DecisionContext,
): Decided<AdviceRecord, 'case_closed' | 'not_lead_or_chair' | 'followup_empty' | 'no_advice' | CloseError> {
  const c = b.theCase.body;
  if (c.status !== 'open') return { ok: false, error: 'case_closed' };
  if (!mayDraftAdvice(c, args.member)) return { ok: false, error: 'not_lead_or_chair' };
  const text = (args.text ?? '').trim();
  if (text.length < 3) return { ok: false, error: 'followup_empty' };
  const current = b.advice?.body;
  if (!current || current.status !== 'decided') return { ok: false, error: 'no_advice' };
  const advice: AdviceRecord = {
    ...current,
    followUp: {
      ...current.followUp,
      answer: text.slice(0, SUMMARY_MAX),
      answeredBy: args.member.aadObjectId,
      answeredAt: ctx.now,
      closed: !!args.close,
      ...(args.piiConfirmed && args.piiConfirmed.length > 0 ? { piiConfirmed: args.piiConfirmed } : {}),
    },
  };
  const audit = [actorAudit(c, args.member, 'advice.followUp', ctx, { closed: !!args.close, ...piiDetail(args.piiConfirmed) })];
  let nextCase = c;
  const jobs: JobIntent[] = [
    { id: ADVICE_JOB_IDS.feedbackFollowUp, type: 'feedback', dueAt: ctx.now, payload: { what: 'followUp' }, mode: 'request' },
    // The answer reaches the OvJ's advice card too.
    { id: ADVICE_JOB_IDS.refreshAdvice, type: 'refreshAdvice', dueAt: ctx.now, mode: 'request' },
  ];
  if (args.close) {
    if (!args.closing) return { ok: false, error: 'unknown_party' };
    const closed = closureOf(
      b,
      {
        actor: { aadObjectId: args.member.aadObjectId, orgId: args.member.orgId },
        chair: args.member.roles.includes('chair'),
        mode: 'normal',
        afterDecision: true,
        handover: args.closing.handover,
        parties: args.closing.parties,
      },
      ctx.now,
    );
    if (!closed.ok) return closed;
    nextCase = { ...c, status: 'closed', closure: { ...closed.closure, reason: args.closeReason } };
    audit.push(actorAudit(c, args.member, 'case.close', ctx, closureAuditDetail(closed.closure, { afterFollowUp: true })));
    jobs.push(...closingJobs(ctx.now));
  }
  return adviceStep(b, advice, audit, jobs, ctx, nextCase);
}
