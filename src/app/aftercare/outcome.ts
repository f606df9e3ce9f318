import { z } from 'zod';
import { outcomeInputSchema, recordOutcome, type ActieoverlegOutcome } from '../../domain/aftercare/outcome';
import type { AuditEntry } from '../../domain/audit';
import type { Case } from '../../domain/case';
import { caseCode } from '../../domain/case-code';
import { amsterdamToUtc } from '../../domain/local-time';
import type { CaseAction } from '../../domain/rounds/case-lifecycle';
import { nlAftercare } from '../../i18n/nl/aftercare';
import { nlCards } from '../../i18n/nl/cards';
import { withEtagRetry } from '../../store/etag-retry';
import type { Job } from '../../store/jobs';
import { auditId } from '../../store/repository';
import { REFRESH_CARD_JOB_ID } from '../case-access';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import { reportRowOps } from '../report/report-row-hook';
import { ADVICE_JOB_IDS, snapshotOf } from '../../domain/decisions';
import type { Outbound } from '../ports';
import { auditView } from '../views';
import { commitOps, load, refreshAo, refuse } from './meeting';

/**
 * The outcome of the Actieoverleg (issue 15, item 2): the casusverantwoordelijke records the
 * decisions (safety plan, interventions, each in a phase), who does what by when, and whether the
 * case is registered with the Zorg- en Veiligheidshuis. One commit: the outcome on the escalation,
 * its actions on the case (the case card's actions, due at the end of that working day), the audit
 * entry, and the jobs that refresh both cards and give terugkoppeling.
 */

/** The card has fixed slots; empty slots are left out before the domain's schema parses the rest. */
export const OUTCOME_SLOTS = 3;

export const outcomeFormSchema = z
  .object({
    decisions: z
      .array(z.object({ subject: z.string().max(2000), phase: z.string().max(2000), text: z.string().max(2000) }).strict())
      .max(10),
    actions: z.array(z.object({ owner: z.string().max(2000), what: z.string().max(2000), due: z.string().max(2000) }).strict()).max(10),
    zvh: z.boolean(),
  })
  .strict();
export type OutcomeForm = z.infer<typeof outcomeFormSchema>;

/** An action of the outcome is due at the end of the working day of its date (Amsterdam time). */
export const OUTCOME_ACTION_DUE_TIME = '17:00';
const outcomeActionId = (i: number): string => `ao-action-${i + 1}`;

/**
 * The case's actions with the outcome's: slot i is `ao-action-<i+1>`; a correction replaces an
 * earlier outcome action that is still open, keeps one that was settled, and drops open ones
 * beyond the new list.
 */
export function withOutcomeActions(c: Case, outcome: ActieoverlegOutcome, now: string): CaseAction[] {
  const ours = new Set(outcome.actions.map((_a, i) => outcomeActionId(i)));
  const kept = c.actions.filter((a) => !a.id.startsWith('ao-action-') || a.status !== 'open' || ours.has(a.id));
  const next = [...kept];
  outcome.actions.forEach((a, i) => {
    const id = outcomeActionId(i);
    const at = next.findIndex((x) => x.id === id);
    if (at >= 0 && next[at]?.status !== 'open') return;
    const action: CaseAction = {
      id,
      what: a.what,
      orgId: a.owner,
      dueAt: amsterdamToUtc(a.due, OUTCOME_ACTION_DUE_TIME) ?? `${a.due}T16:00:00.000Z`,
      status: 'open',
      createdAt: now,
    };
    if (at >= 0) next[at] = action;
    else next.push(action);
  });
  return next;
}

export const outcomeFeedbackJobId = (revision: number): string => `job:aoOutcomeFeedback:${revision}`;

export async function recordActieoverlegOutcome(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; form: OutcomeForm },
): Promise<Result<{ changed: boolean }>> {
  const filled = {
    decisions: args.form.decisions.filter((d) => d.text.trim() !== ''),
    actions: args.form.actions.filter((a) => a.what.trim() !== '' || a.due.trim() !== ''),
    zvhCasusregie: args.form.zvh,
  };
  const parsed = outcomeInputSchema.safeParse(filled);
  return withEtagRetry(`outcome on ${args.caseId}`, async () => {
    const l = await load(deps, args.caseId, args.aadObjectId, 'actieoverleg.outcome');
    if (!l.ok) return l;
    if (!parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
    const pii = checkFreeText(deps, [...parsed.data.decisions.map((d) => d.text), ...parsed.data.actions.map((a) => a.what)], false);
    if (!pii.ok) return pii;
    const e = l.value.escalation;
    const now = deps.clock.now().toISOString();
    const res = recordOutcome({
      caseId: args.caseId,
      input: parsed.data,
      actor: l.value.actor,
      caseOwnerOrg: e.caseOwner?.orgId,
      meeting: e.meeting,
      ...(e.outcome ? { previous: e.outcome } : {}),
      now,
    });
    if (!res.ok) return refuse(res.error, 'outcome');
    if (!res.changed) return ok({ changed: false });
    const o = res.outcome;
    const nextCase: Case = { ...l.value.theCase, actions: withOutcomeActions(l.value.theCase, o, now) };
    const audit: AuditEntry = {
      id: auditId({ at: now }),
      caseId: args.caseId,
      at: now,
      action: 'actieoverleg.outcome',
      actorId: l.value.actor.aadObjectId,
      actorOrg: l.value.actor.orgId,
      detail: {
        revision: String(o.revision),
        decisions: String(o.decisions.length),
        actions: String(o.actions.length),
        zvh: String(o.zvhCasusregie),
      },
    };
    const jobs = [
      refreshAo(now),
      { id: REFRESH_CARD_JOB_ID, type: 'refreshCard' as const, dueAt: now, mode: 'request' as const },
      {
        id: outcomeFeedbackJobId(o.revision),
        type: 'aoOutcomeFeedback' as const,
        dueAt: now,
        payload: { revision: o.revision },
        mode: 'ensure' as const,
      },
      // The outcome flows into the advice: the OvJ's advice card, once sent, shows it.
      ...(l.value.loaded.bundle.advice?.body.adviceRef
        ? [{ id: ADVICE_JOB_IDS.refreshAdvice, type: 'refreshAdvice' as const, dueAt: now, mode: 'request' as const }]
        : []),
    ];
    const nextEscalation = { ...e, outcome: o };
    // The decisions per phase count in the report: the case's row in the same commit.
    const rowOps = reportRowOps(deps, l.value.loaded, {
      ...snapshotOf(l.value.loaded.bundle),
      theCase: nextCase,
      escalation: nextEscalation,
    });
    await deps.repo.cases.commit([...commitOps(l.value, nextEscalation, audit, jobs, now, nextCase), ...rowOps]);
    deps.kickJobs();
    return ok({ changed: true });
  });
}

/** The personal terugkoppeling: the decisions per phase, who does what by when, the ZVH registration. */
export function outcomeFeedbackText(code: string, o: ActieoverlegOutcome): string {
  const t = nlAftercare.outcome;
  const decisions = o.decisions.map((d) => `- ${t.subject[d.subject]} (${t.phase[d.phase]}): ${d.text}`);
  const actions = o.actions.map((a) => `- ${nlCards.orgs[a.owner]}: ${a.what} (${nlAftercare.outcomeExtra.dueOn(a.due)})`);
  return [
    nlAftercare.outcomeExtra.feedbackHeading(code),
    ...decisions,
    ...(actions.length > 0 ? [nlAftercare.outcomeExtra.actionsHeading, ...actions] : []),
    t.zvh(o.zvhCasusregie),
  ].join('\n');
}

/**
 * Terugkoppeling of the outcome: the case thread hears that there is an outcome (no content: it is
 * the location channel); every contributor and every partner that prepared gets it 1:1 (audited as
 * delivered). A later correction (next revision) sends again; a stale job does nothing.
 */
export async function outcomeFeedbackJob(deps: AppDeps, outbound: Outbound, job: Job): Promise<void> {
  const theCase = await deps.repo.getCase(job.caseId);
  const e = (await deps.repo.getEscalation(job.caseId))?.body;
  const o = e?.outcome;
  if (!theCase || !e || !o || o.revision !== Number(job.payload.revision)) return;
  const code = caseCode(theCase.id);
  const cardRef = await deps.repo.getCardRef(theCase.id);
  if (cardRef) await outbound.replyInThread(cardRef, { text: nlAftercare.outcomeExtra.thread(code) });
  if (e.actieoverlegRef) await outbound.replyInThread(e.actieoverlegRef, { text: nlAftercare.outcomeExtra.thread(code) });
  const contributors = (await deps.repo.listContributions(theCase.id)).map((c) => c.authorId);
  const prepared = (e.meeting?.preparations ?? []).map((p) => p.by);
  const text = outcomeFeedbackText(code, o);
  for (const aad of [...new Set([...contributors, ...prepared])]) {
    if (aad === o.recordedBy.aadObjectId) continue;
    try {
      await outbound.sendToUser(aad, { text });
      const member = deps.directory.member(aad);
      await auditView(
        deps,
        theCase.id,
        { aadObjectId: aad, ...(member ? { member, orgId: member.orgId } : {}) },
        'actieoverleg',
        'delivered',
      );
    } catch (err) {
      deps.log.info(
        { caseId: theCase.id, err: err instanceof Error ? err.message.slice(0, 120) : 'error' },
        'outcome terugkoppeling 1:1 not delivered',
      );
    }
  }
}
