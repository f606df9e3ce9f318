import { contributionInputSchema, type Contribution } from '../../domain/contribution';
import type { VtAnswerKind } from '../../domain/vt/record';
import { partnerOrgSchema, type PartnerOrg } from '../../domain/orgs';
import { restrictionFrom } from '../../domain/views';
import { isVtPhone } from '../../domain/vt/phone';
import { voteInputSchema } from '../../domain/vote';
import { nlMessages } from '../../i18n/nl';
import { newJob } from '../../store/jobs';
import { auditId, contributionId } from '../../store/repository';
import { auditRefusal, authorizeForCase } from '../actor';
import { recordVote } from '../cast-vote';
import { requestCardRefresh } from '../case-access';
import type { AppDeps } from '../deps';
import { fail, ok, type Result, fieldsOf } from '../errors';
import { applyEvent, changeConsultation } from './consult';
import { checkFreeText, piiAuditDetail } from '../pii-gate';

type Args = { caseId: string; seq: number; aadObjectId: string | undefined };

/** Only the on-call member or the backup who was asked may answer for VT (they need not be on the desk roster). */
async function consultationFor(deps: AppDeps, args: Args): Promise<Result<{ regionName: string }>> {
  const doc = await deps.repo.getVtConsultation(args.caseId);
  if (!doc || doc.body.seq !== args.seq) return fail('vt_closed');
  const s = doc.body.state;
  const asked = [s.primary, s.status === 'achterwacht_gevraagd' || s.backupAskedAt ? s.backup : undefined].filter(Boolean);
  if (!args.aadObjectId || !asked.includes(args.aadObjectId)) {
    const at = deps.clock.now().toISOString();
    await deps.repo.appendAudit({
      id: auditId({ at }),
      caseId: args.caseId,
      at,
      action: 'access.denied',
      actorId: args.aadObjectId ?? 'unknown',
      detail: { attempted: 'vt.answer' },
    });
    return fail('vt_not_consulted');
  }
  // A closed case takes no more answers or votes, also not from VT.
  const theCase = await deps.repo.getCase(args.caseId);
  if (!theCase) return fail('case_not_found');
  if (theCase.status !== 'open') {
    await auditRefusal(
      deps,
      { caseId: args.caseId, actorId: args.aadObjectId, actorOrg: 'vt', attempted: 'vt.answer', reason: 'case_closed' },
      'action.refused',
    );
    return fail('case_closed');
  }
  return ok({ regionName: doc.body.regionName });
}

/**
 * Who may see the consultation card (vt.refresh): the on-call member asked, the backup once asked, or a
 * roster member of the case's location. A refusal is audited here; the view where it is built.
 */
export async function viewVtConsultation(deps: AppDeps, args: Args): Promise<Result<{ asked: boolean }>> {
  const doc = await deps.repo.getVtConsultation(args.caseId);
  const theCase = await deps.repo.getCase(args.caseId);
  if (!doc || !theCase) return fail('case_not_found');
  const s = doc.body.state;
  const asked = [s.primary, s.status === 'achterwacht_gevraagd' || s.backupAskedAt ? s.backup : undefined].filter(Boolean);
  const isAsked = !!args.aadObjectId && asked.includes(args.aadObjectId);
  if (!isAsked) {
    const authz = await authorizeForCase(deps, args.aadObjectId, args.caseId, theCase.locationId, 'vt.read');
    if (!authz.ok) return fail('vt_not_consulted');
  }
  // The view itself is audited where it is built (vtCardFor), once per view.
  return ok({ asked: isAsked });
}

/**
 * VT answers: known (with information), not known, or call me back. The answer becomes VT's context
 * information on the case (with its need-to-know reason) and closes the consultation as answered.
 */
export async function answerVt(
  deps: AppDeps,
  args: Args & { kind: VtAnswerKind; text?: string; needToKnow?: string; phone?: string; piiConfirm?: boolean; visibleTo?: string },
): Promise<Result<{ kind: VtAnswerKind }>> {
  const access = await consultationFor(deps, args);
  if (!access.ok) return access;
  const region = access.value.regionName;
  const aad = args.aadObjectId as string;
  if (args.kind === 'bel_terug' && !isVtPhone(args.phone ?? ''))
    return fail('invalid_input', [{ path: 'phone', message: 'is not a phone number' }]);
  const input =
    args.kind === 'bekend'
      ? { text: args.text ?? '', source: 'eigen_systeem', needToKnow: args.needToKnow ?? '' }
      : args.kind === 'niet_bekend'
        ? { text: nlMessages.vt.notKnownText(region), source: 'eigen_systeem', needToKnow: nlMessages.vt.notKnownNeedToKnow }
        : { text: nlMessages.vt.callBackText(region), source: 'overig', needToKnow: nlMessages.vt.notKnownNeedToKnow };
  const parsed = contributionInputSchema.safeParse(input);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
    return fail('invalid_input', [
      { path: 'vtText', message: 'text and need-to-know reason are required', ...(tooLong ? { tooLong } : {}) },
    ]);
  }
  // The call-back phone number is the purpose of that answer and exempt; VT's own information is checked.
  const pii =
    args.kind === 'bekend' ? checkFreeText(deps, [parsed.data.text, parsed.data.needToKnow], args.piiConfirm === true) : ok(undefined);
  if (!pii.ok) return pii;
  const restriction = await vtRestriction(deps, args.caseId, args.kind === 'bekend' ? args.visibleTo : undefined);
  if (!restriction.ok) return restriction;
  const at = deps.clock.now().toISOString();
  const contribution = vtContribution(args.caseId, aad, at, parsed.data, pii.value, restriction.value);
  const changed = await changeConsultation(deps, args.caseId, (r) => {
    if (r.seq !== args.seq) return 'refuse-closed';
    // Answered already (e.g. by the backup): the domain refuses a second answer, and so do we.
    const answered = applyEvent(r, { type: 'answer', at, by: aad });
    if (answered === 'unchanged') return 'unchanged';
    return {
      ...answered,
      ...(args.kind === 'bel_terug' ? { callBack: { phone: (args.phone ?? '').trim(), requestedAt: at } } : {}),
      answers: [
        ...r.answers,
        {
          kind: args.kind,
          by: aad,
          at,
          contributionId: contribution.id,
          ...(args.kind === 'bel_terug' ? { phone: (args.phone ?? '').trim() } : {}),
        },
      ],
    };
  });
  if (changed === 'missing' || changed === 'refuse-closed') return fail('vt_closed');
  if (changed === 'unchanged') {
    deps.log.info({ caseId: args.caseId, seq: args.seq, kind: args.kind }, 'VT answer refused: already answered');
    return fail('vt_already_answered');
  }
  await deps.repo.addContribution(contribution, {
    id: auditId({ at }),
    caseId: args.caseId,
    at,
    action: 'vt.answered',
    actorId: aad,
    actorOrg: 'vt',
    detail: { seq: args.seq, kind: args.kind, contributionId: contribution.id, ...piiAuditDetail(pii.value) },
  });
  deps.log.info({ caseId: args.caseId, seq: args.seq, kind: args.kind }, 'VT answered');
  if (args.kind === 'bel_terug') {
    // The call-back is the desk's task now: remind the desk in the thread until it is marked done.
    const reminderAt = new Date(Date.parse(at) + (deps.directory.vt?.delays.reminderMinutes ?? 15) * 60_000).toISOString();
    await deps.repo.requestJob(
      newJob({
        id: `job:vtReminder:${args.seq}:callBack`,
        caseId: args.caseId,
        type: 'vtReminder',
        dueAt: reminderAt,
        now: at,
        payload: { seq: args.seq, target: 'callBack' },
      }),
    );
    deps.kickJobs();
  }
  await requestCardRefresh(deps, args.caseId);
  return ok({ kind: args.kind });
}

/** VT's buikpijn vote, cast by the consulted on-call member on behalf of VT. */
export async function voteAsVt(
  deps: AppDeps,
  args: Args & { input: unknown; piiConfirm?: boolean },
): Promise<Result<{ concern: boolean }>> {
  const access = await consultationFor(deps, args);
  if (!access.ok) return access;
  const parsed = voteInputSchema.safeParse(args.input);
  if (!parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
  const pii = checkFreeText(deps, [parsed.data.reason], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const theCase = await deps.repo.getCase(args.caseId);
  if (!theCase) return fail('case_not_found');
  // The on-call member is not on the desk roster: closing a round stays with the desk.
  const vote = await recordVote(deps, theCase, {
    orgId: 'vt',
    voterId: args.aadObjectId as string,
    input: parsed.data,
    closeAsVoter: false,
    ...(pii.value ? { piiConfirmed: pii.value } : {}),
  });
  if (!vote.ok) return vote;
  // A vote is not an answer to the question (is the family known?): the consultation stays open for that.
  // (The vote's own commit requested the card refresh.)
  return ok({ concern: parsed.data.concern });
}

/**
 * Further information from a consulted VT member after the question was answered (also what a
 * refused late answer is offered as): a VT contribution with its need-to-know reason; the
 * consultation itself does not change.
 */
/** VT's information as context information of the case, with its free-text confirmation and audience. */
function vtContribution(
  caseId: string,
  authorId: string,
  at: string,
  data: Pick<Contribution, 'text' | 'source' | 'needToKnow'>,
  piiConfirmed: Contribution['piiConfirmed'],
  visibleTo: PartnerOrg[] | undefined,
): Contribution {
  return {
    id: contributionId(at),
    caseId,
    orgId: 'vt',
    authorId,
    ...data,
    ...(piiConfirmed ? { piiConfirmed } : {}),
    ...(visibleTo ? { visibleTo } : {}),
    createdAt: at,
  };
}

/** "Zichtbaar voor" of VT's information (e.g. only politie, OM and RvdK); unknown organisations are refused. */
async function vtRestriction(deps: AppDeps, caseId: string, raw: string | undefined): Promise<Result<PartnerOrg[] | undefined>> {
  const chosen = partnerOrgSchema
    .array()
    .max(7)
    .safeParse(
      (raw ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    );
  if (!chosen.success) return fail('invalid_input', [{ path: 'visibleTo', message: 'unknown organisation' }]);
  const theCase = await deps.repo.getCase(caseId);
  return ok(raw !== undefined && theCase ? restrictionFrom(chosen.data, 'vt', deps.directory.rosterOrgs(theCase.locationId)) : undefined);
}

export async function addVtInfo(
  deps: AppDeps,
  args: Args & { text?: string; needToKnow?: string; piiConfirm?: boolean; visibleTo?: string },
): Promise<Result<{ contributionId: string }>> {
  const access = await consultationFor(deps, args);
  if (!access.ok) return access;
  const theCase = await deps.repo.getCase(args.caseId);
  if (!theCase) return fail('case_not_found');
  if (theCase.status === 'closed') return fail('case_closed');
  const parsed = contributionInputSchema.safeParse({ text: args.text ?? '', source: 'eigen_systeem', needToKnow: args.needToKnow ?? '' });
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
    return fail('invalid_input', [
      { path: 'vtText', message: 'text and need-to-know reason are required', ...(tooLong ? { tooLong } : {}) },
    ]);
  }
  const pii = checkFreeText(deps, [parsed.data.text, parsed.data.needToKnow], args.piiConfirm === true);
  if (!pii.ok) return pii;
  const restriction = await vtRestriction(deps, args.caseId, args.visibleTo);
  if (!restriction.ok) return restriction;
  const aad = args.aadObjectId as string;
  const at = deps.clock.now().toISOString();
  const contribution = vtContribution(args.caseId, aad, at, parsed.data, pii.value, restriction.value);
  await deps.repo.addContribution(contribution, {
    id: auditId({ at }),
    caseId: args.caseId,
    at,
    action: 'vt.info',
    actorId: aad,
    actorOrg: 'vt',
    detail: { seq: args.seq, contributionId: contribution.id },
  });
  deps.log.info({ caseId: args.caseId, seq: args.seq }, 'VT added information');
  await requestCardRefresh(deps, args.caseId);
  return ok({ contributionId: contribution.id });
}
