import { composeAdvice } from '../../domain/advice/compose';
import type { AdviceDraft, AdviceRecord, ProposedIntervention } from '../../domain/advice/types';
import { nlCards, nlVtAdviceFixes as fx } from '../../i18n/nl';
import type { Case } from '../../domain/case';
import { mayRecordDecision, type Member } from '../../domain/roster';
import { contributionVisibleTo } from '../../domain/views';
import { PreconditionFailedError } from '../../store/docstore';
import { newJob } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { auditRefusal } from '../actor';
import { openCaseFor, requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import { fail, ok, type AppErrorCode, type Result } from '../errors';
import { checkFreeText, piiAuditDetail } from '../pii-gate';

const DAY = 86_400_000;
/** Per intervention id: its note (proeftijd, voorwaarden) and, for the letter, its language. */
export type InterventionDetails = Record<string, { note?: string; language?: string }>;
const NOTE_MAX = 300;
const LANGUAGE_MAX = 40;

/** The note and language of one chosen intervention, bounded; a language only where the palette allows one. */
function detailOf(details: InterventionDetails | undefined, id: string, allowsLanguage: boolean): { note?: string; language?: string } {
  const d = details?.[id];
  const note = d?.note?.trim().slice(0, NOTE_MAX);
  const language = allowsLanguage ? d?.language?.trim().slice(0, LANGUAGE_MAX) : undefined;
  return { ...(note ? { note } : {}), ...(language ? { language } : {}) };
}
type Args = { caseId: string; aadObjectId: string | undefined };

/** The case lead's organisation or the chair drafts and sends the advice. */
const mayDraft = (c: Case, m: Member): boolean => m.roles.includes('chair') || (!!c.caseLead && c.caseLead.orgId === m.orgId);

const ids = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

async function compose(deps: AppDeps, c: Case, summary: string, proposed: ProposedIntervention[], version: number) {
  const [contributions, votes, earlierCases] = await Promise.all([
    deps.repo.listContributions(c.id),
    deps.repo.listVotes(c.id),
    deps.repo.earlierCasesOf(c),
  ]);
  return composeAdvice({
    case: c,
    // The advice goes to the OvJ (OM): only what OM may read; restricted contributions stay out.
    contributions: contributions.filter((x) => contributionVisibleTo(x, 'om')),
    votes,
    earlierCases,
    proposed,
    palette: deps.directory.palette,
    summary,
    version,
    composedAt: deps.clock.now().toISOString(),
  });
}

/** A role refusal on the advice (audited like any access denial). */
async function deny(deps: AppDeps, caseId: string, m: Member, attempted: string, code: 'not_ovj' | 'not_lead_or_chair') {
  await auditRefusal(deps, { caseId, actorId: m.aadObjectId, actorOrg: m.orgId, attempted, reason: code });
  return fail<never>(code);
}

/** Write the advice with optimistic concurrency; `decide` returns the next record or an error code. */
async function changeAdvice(
  deps: AppDeps,
  caseId: string,
  decide: (current: AdviceRecord | null) => Promise<AdviceRecord | AppErrorCode> | AdviceRecord | AppErrorCode,
): Promise<Result<AdviceRecord>> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const doc = await deps.repo.getAdvice(caseId);
    const next = await decide(doc?.body ?? null);
    if (typeof next === 'string') return fail(next);
    try {
      await deps.repo.putAdvice(next, doc?.etag ?? null);
      return ok(next);
    } catch (e) {
      if (!(e instanceof PreconditionFailedError)) throw e;
    }
  }
  throw new Error(`changeAdvice: too much contention on ${caseId}`);
}

async function audit(
  deps: AppDeps,
  caseId: string,
  action: 'advice.draft' | 'advice.sent' | 'advice.decided' | 'advice.followup',
  m: Member,
  detail?: Record<string, string | number | boolean>,
) {
  const at = deps.clock.now().toISOString();
  await deps.repo.appendAudit({
    id: auditId({ at }),
    caseId,
    at,
    action,
    actorId: m.aadObjectId,
    actorOrg: m.orgId,
    ...(detail ? { detail } : {}),
  });
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

/** Same content (the version and the moment of composing aside). */
const sameContent = (a: AdviceDraft, b: AdviceDraft): boolean =>
  JSON.stringify({ ...a, version: 0, composedAt: '' }) === JSON.stringify({ ...b, version: 0, composedAt: '' });

/** "Advies opstellen": compose the advice from the case history (again, while it is a concept). */
export async function draftAdvice(
  deps: AppDeps,
  args: Args & { summary?: string; interventionIds?: string; piiConfirm?: boolean; details?: InterventionDetails },
): Promise<Result<AdviceRecord>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'advice.draft');
  if (!access.ok) return access;
  const pii = checkFreeText(deps, [args.summary], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const { theCase, member } = access.value;
  if (!mayDraft(theCase, member)) return deny(deps, theCase.id, member, 'advice.draft', 'not_lead_or_chair');
  const palette = new Map(deps.directory.palette.map((i) => [i.id, i]));
  const result = await changeAdvice(deps, theCase.id, async (current) => {
    if (current && current.status !== 'concept') return 'advice_sent';
    const proposed: ProposedIntervention[] =
      args.interventionIds !== undefined
        ? ids(args.interventionIds)
            .filter((id) => palette.has(id))
            .map((id) => ({
              interventionId: id,
              phase: palette.get(id)!.phase,
              ...detailOf(args.details, id, palette.get(id)!.allowsLanguage),
            }))
        : (current?.draft.interventions ?? []);
    const summary = (args.summary ?? current?.draft.summary ?? '').trim().slice(0, 2000);
    const composed = await compose(deps, theCase, summary, proposed, (current?.draft.version ?? 0) + 1);
    // The first draft starts from what the history says, so the drafter edits the composed advice, not an empty one.
    if (!current && !summary) composed.summary = composedSummary(composed, theCase);
    // A new summary carries its own confirmation; an unchanged one keeps the earlier one.
    const confirmed = args.summary !== undefined ? pii.value : current?.draft.summaryPiiConfirmed;
    const draft = confirmed ? { ...composed, summaryPiiConfirmed: confirmed } : composed;
    return { caseId: theCase.id, status: 'concept', draft, draftedBy: member.aadObjectId };
  });
  if (!result.ok) return result;
  await audit(deps, theCase.id, 'advice.draft', member, { version: result.value.draft.version, ...piiAuditDetail(pii.value) });
  await requestCardRefresh(deps, theCase.id);
  return result;
}

/** Send the advice to the OvJ on duty (channel or 1:1, by configuration) through the outbox. */
export async function sendAdvice(deps: AppDeps, args: Args): Promise<Result<AdviceRecord>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'advice.send');
  if (!access.ok) return access;
  const { theCase, member } = access.value;
  if (!mayDraft(theCase, member)) return deny(deps, theCase.id, member, 'advice.send', 'not_lead_or_chair');
  const now = deps.clock.now().toISOString();
  const result = await changeAdvice(deps, theCase.id, async (current) => {
    if (!current) return 'no_advice';
    if (current.status !== 'concept') return 'advice_sent';
    // Send what the history says now (a vote may have come in since the draft); a new version only when
    // the content changed, so the drafter and the OvJ speak of the same version.
    const recomposed = await compose(deps, theCase, current.draft.summary, current.draft.interventions, current.draft.version + 1);
    const confirmed = current.draft.summaryPiiConfirmed;
    const draft = sameContent(recomposed, current.draft)
      ? current.draft
      : confirmed
        ? { ...recomposed, summaryPiiConfirmed: confirmed }
        : recomposed;
    return { ...current, draft, status: 'verzonden', sentAt: now };
  });
  if (!result.ok) return result;
  await deps.repo.requestJob(newJob({ id: 'job:sendAdvice', caseId: theCase.id, type: 'sendAdvice', dueAt: now, now }));
  await audit(deps, theCase.id, 'advice.sent', member);
  deps.kickJobs();
  await requestCardRefresh(deps, theCase.id);
  return result;
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
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'advice.decide');
  if (!access.ok) return access;
  const pii = checkFreeText(deps, [args.text, args.concernAcknowledgement], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const { theCase, member } = access.value;
  if (!mayRecordDecision(member)) return deny(deps, theCase.id, member, 'advice.decide', 'not_ovj');
  const paletteById = new Map(deps.directory.palette.map((i) => [i.id, i]));
  const chosen = ids(args.interventionIds).filter((id) => paletteById.has(id));
  const text = (args.text ?? '').trim().slice(0, 2000);
  const ack = (args.concernAcknowledgement ?? '').trim().slice(0, 1000);
  // The remaining buikpijn the OvJ was shown (the advice as sent), so the card and this check agree.
  const sent = (await deps.repo.getAdvice(theCase.id))?.body;
  const openConcern = [...new Set((sent?.draft.openConcern ?? []).map((c) => c.orgId))];
  if (chosen.length === 0 && text.length === 0)
    return fail('invalid_input', [{ path: 'decision', message: 'choose interventions or write the decision' }]);
  if (openConcern.length > 0 && ack.length < 10)
    return fail('invalid_input', [{ path: 'concernAcknowledgement', message: 'required while buikpijn remains' }]);
  const now = deps.clock.now().toISOString();
  const result = await changeAdvice(deps, theCase.id, (current) => {
    if (!current) return 'no_advice';
    if (current.status === 'besloten') return 'already_decided';
    if (current.status !== 'verzonden') return 'no_advice';
    return {
      ...current,
      status: 'besloten',
      decision: {
        at: now,
        by: member.aadObjectId,
        interventions: chosen.map((interventionId) => ({
          interventionId,
          ...detailOf(args.details, interventionId, paletteById.get(interventionId)?.allowsLanguage ?? false),
        })),
        ...(text ? { freeText: text } : {}),
        ...(openConcern.length > 0 ? { concernAcknowledgement: ack } : {}),
        ...(pii.value ? { piiConfirmed: pii.value } : {}),
      },
    };
  });
  if (!result.ok) return result;
  await audit(deps, theCase.id, 'advice.decided', member, {
    interventions: chosen.join(','),
    openConcern: openConcern.join(','),
    ...piiAuditDetail(pii.value),
  });
  const location = deps.directory.location(theCase.locationId);
  const followUpAt = new Date(Date.parse(now) + (location?.followUpDays ?? 14) * DAY).toISOString();
  await deps.repo.requestJob(newJob({ id: 'job:refreshAdvice', caseId: theCase.id, type: 'refreshAdvice', dueAt: now, now }));
  await deps.repo.requestJob(
    newJob({ id: 'job:feedback:decision', caseId: theCase.id, type: 'feedback', dueAt: now, now, payload: { what: 'decision' } }),
  );
  await deps.repo.requestJob(newJob({ id: 'job:adviceFollowUp', caseId: theCase.id, type: 'adviceFollowUp', dueAt: followUpAt, now }));
  deps.kickJobs();
  await requestCardRefresh(deps, theCase.id);
  return result;
}

/** "Wat is ervan gekomen?": the case lead's answer is kept and shared; the case closes or stays open. */
export async function answerFollowUp(
  deps: AppDeps,
  args: Args & { text?: string; close?: boolean; piiConfirm?: boolean },
): Promise<Result<AdviceRecord>> {
  const access = await openCaseFor(deps, args.caseId, args.aadObjectId, 'advice.followup');
  if (!access.ok) return access;
  const pii = checkFreeText(deps, [args.text], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const { theCase, member } = access.value;
  if (!mayDraft(theCase, member)) return deny(deps, theCase.id, member, 'advice.followup', 'not_lead_or_chair');
  const text = (args.text ?? '').trim();
  if (text.length < 3) return fail('invalid_input', [{ path: 'followUp', message: 'required' }]);
  const now = deps.clock.now().toISOString();
  const result = await changeAdvice(deps, theCase.id, (current) => {
    if (!current || current.status !== 'besloten') return 'no_advice';
    return {
      ...current,
      followUp: {
        ...current.followUp,
        answer: text.slice(0, 2000),
        answeredBy: member.aadObjectId,
        answeredAt: now,
        closed: !!args.close,
        ...(pii.value ? { piiConfirmed: pii.value } : {}),
      },
    };
  });
  if (!result.ok) return result;
  await audit(deps, theCase.id, 'advice.followup', member, { closed: !!args.close, ...piiAuditDetail(pii.value) });
  if (args.close) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const loaded = await deps.repo.getCaseForUpdate(theCase.id);
      if (!loaded || loaded.theCase.status === 'closed') break;
      try {
        await deps.repo.replaceCase(
          {
            ...loaded.theCase,
            status: 'closed',
            closure: {
              at: now,
              by: member.aadObjectId,
              despiteConcern: false,
              reason: 'Afgesloten na terugkoppeling',
              remainingConcern: [],
            },
          },
          loaded.etag,
          {
            id: auditId({ at: now }),
            caseId: theCase.id,
            at: now,
            action: 'case.close',
            actorId: member.aadObjectId,
            actorOrg: member.orgId,
            detail: { afterFollowUp: true },
          },
        );
        break;
      } catch (e) {
        if (!(e instanceof PreconditionFailedError)) throw e;
      }
    }
  }
  await deps.repo.requestJob(
    newJob({ id: 'job:feedback:followUp', caseId: theCase.id, type: 'feedback', dueAt: now, now, payload: { what: 'followUp' } }),
  );
  deps.kickJobs();
  await requestCardRefresh(deps, theCase.id);
  return result;
}
