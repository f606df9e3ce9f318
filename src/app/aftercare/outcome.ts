import { z } from 'zod';
import { outcomeInputSchema, type ActieoverlegOutcome } from '../../domain/aftercare/outcome';
import { caseCode } from '../../domain/case-code';
import type { CaseSnapshot } from '../../domain/decisions';
import { decideOutcome } from '../../domain/decisions/aftercare-decisions';
import type { ViewVia } from '../../domain/views';
import { nlAftercare } from '../../i18n/nl/aftercare';
import { nlCards } from '../../i18n/nl/cards';
import type { Job } from '../../store/jobs';
import { runCaseCommandWithInput } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';
import type { Outbound } from '../ports';
import { auditView } from '../views';
import { aftercareDecided, aoCommand } from './meeting';

export { OUTCOME_ACTION_DUE_TIME, outcomeFeedbackJobId, withOutcomeActions } from '../../domain/decisions/aftercare-decisions';

/**
 * The outcome of the Actieoverleg (issue 15, item 2): the casusverantwoordelijke records the
 * decisions (safety plan, interventions, each in a phase), who does what by when, and whether the
 * case is registered with the Zorg- en Veiligheidshuis. runCaseCommand's one path and ONE commit
 * (decideOutcome): the outcome on the escalation, its actions on the case (the case card's actions,
 * due at the end of that working day), the audit entry, the jobs that refresh both cards and give
 * terugkoppeling, and the case's report row (the decisions per phase count in the report).
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

export async function recordActieoverlegOutcome(
  deps: AppDeps,
  args: { caseId: string; aadObjectId: string | undefined; form: OutcomeForm; answerView?: ViewVia },
): Promise<Result<{ changed: boolean; after: CaseSnapshot }>> {
  const input = () => {
    const filled = {
      decisions: args.form.decisions.filter((d) => d.text.trim() !== ''),
      actions: args.form.actions.filter((a) => a.what.trim() !== '' || a.due.trim() !== ''),
      zvhCasusregie: args.form.zvh,
    };
    const parsed = outcomeInputSchema.safeParse(filled);
    if (!parsed.success) return fail<never>('invalid_input', fieldsOf(parsed.error.issues));
    const pii = checkFreeText(deps, [...parsed.data.decisions.map((d) => d.text), ...parsed.data.actions.map((a) => a.what)], false);
    return pii.ok ? ok(parsed.data) : pii;
  };
  const r = await runCaseCommandWithInput(deps, aoCommand(args, 'actieoverleg.outcome'), input, (b, actor, ctx, data) =>
    aftercareDecided(decideOutcome(b, { actor, input: data }, ctx), 'outcome'),
  );
  return r.ok ? ok({ ...r.value.value, after: r.value.after }) : r;
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
