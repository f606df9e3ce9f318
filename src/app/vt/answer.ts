import type { CaseBundle } from '../../domain/case-bundle';
import { contributionInputSchema, type Contribution } from '../../domain/contribution';
import { consultedVtActor, decideVote, decideVtAnswer, decideVtInfo } from '../../domain/decisions';
import { partnerOrgSchema, type PartnerOrg } from '../../domain/orgs';
import { restrictionFrom } from '../../domain/views';
import { isVtPhone } from '../../domain/vt/phone';
import type { VtAnswerKind } from '../../domain/vt/record';
import { voteInputSchema, type VoteInput } from '../../domain/vote';
import { nlMessages } from '../../i18n/nl';
import { contributionId } from '../../store/repository';
import { authorizeForCase } from '../actor';
import { decisionLocation, runCaseCommandWithInput } from '../case-command';
import type { AppDeps } from '../deps';
import { fail, fieldsOf, ok, type Result } from '../errors';
import { checkFreeText } from '../pii-gate';

type Args = { caseId: string; seq: number; aadObjectId: string | undefined };
type VtText = Pick<Contribution, 'text' | 'source' | 'needToKnow'>;
type PiiKinds = Contribution['piiConfirmed'];

/** Only the on-call member or the backup who was asked may act for VT (decided on the loaded case). */
const consulted =
  (args: Args) =>
  (b: CaseBundle): ReturnType<typeof consultedVtActor> =>
    consultedVtActor(b, { aadObjectId: args.aadObjectId, seq: args.seq });

/** VT's free text as contribution input, or the field problem (no text echoed). */
function parseVtText(input: {
  text: string;
  source: string;
  needToKnow: string;
}): Result<Pick<Contribution, 'text' | 'source' | 'needToKnow'>> {
  const parsed = contributionInputSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
  return fail('invalid_input', [{ path: 'vtText', message: 'text and need-to-know reason are required', ...(tooLong ? { tooLong } : {}) }]);
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
  const asked = [s.primary, s.status === 'backup_asked' || s.backupAskedAt ? s.backup : undefined].filter(Boolean);
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
 * information on the case (with its need-to-know reason) and closes the consultation as answered:
 * one partition read, one decision (decideVtAnswer), one commit.
 */
export async function answerVt(
  deps: AppDeps,
  args: Args & { kind: VtAnswerKind; text?: string; needToKnow?: string; phone?: string; piiConfirm?: boolean; visibleTo?: string },
): Promise<Result<{ kind: VtAnswerKind }>> {
  const id = contributionId(deps.clock.now().toISOString());
  // The input is checked after the roster and closed-case checks (runCaseCommandWithInput).
  const input = (): Result<{ own: VtText | undefined; pii: PiiKinds; chosen: PartnerOrg[] | undefined }> => {
    if (args.kind === 'call_back' && !isVtPhone(args.phone ?? ''))
      return fail('invalid_input', [{ path: 'phone', message: 'is not a phone number' }]);
    // VT's own information is checked here; the fixed texts of the other answers are built from the loaded consultation.
    const own =
      args.kind === 'known' ? parseVtText({ text: args.text ?? '', source: 'own_system', needToKnow: args.needToKnow ?? '' }) : undefined;
    if (own && !own.ok) return own;
    // The call-back phone number is the purpose of that answer and exempt; VT's own information is checked.
    const pii = own?.ok ? checkFreeText(deps, [own.value.text, own.value.needToKnow], args.piiConfirm === true) : ok(undefined);
    if (!pii.ok) return pii;
    const chosen = parseRestriction(args.kind === 'known' ? args.visibleTo : undefined);
    if (!chosen.ok) return chosen;
    return ok({ own: own?.value, pii: pii.value, chosen: chosen.value });
  };
  const r = await runCaseCommandWithInput(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'vt.answer', actorFromCase: consulted(args) },
    input,
    (b, actor, ctx, { own, pii, chosen }) => {
      const region = b.vtConsultation?.body.regionName ?? '';
      const text = own
        ? own
        : args.kind === 'not_known'
          ? { text: nlMessages.vt.notKnownText(region), source: 'own_system' as const, needToKnow: nlMessages.vt.notKnownNeedToKnow }
          : { text: nlMessages.vt.callBackText(region), source: 'other' as const, needToKnow: nlMessages.vt.notKnownNeedToKnow };
      const visibleTo = restrictionOf(deps, b, chosen);
      return decideVtAnswer(
        b,
        {
          actor,
          seq: args.seq,
          kind: args.kind,
          contribution: { id, ...text, ...(pii ? { piiConfirmed: pii } : {}), ...(visibleTo ? { visibleTo } : {}) },
          ...(args.phone !== undefined ? { phone: args.phone } : {}),
          callBackReminderMinutes: deps.directory.vt?.delays.reminderMinutes ?? 15,
        },
        ctx,
      );
    },
  );
  if (!r.ok) {
    if (r.error.code === 'vt_already_answered')
      deps.log.info({ caseId: args.caseId, seq: args.seq, kind: args.kind }, 'VT answer refused: already answered');
    return r;
  }
  deps.log.info({ caseId: args.caseId, seq: args.seq, kind: args.kind }, 'VT answered');
  return ok({ kind: args.kind });
}

/** VT's buikpijn vote, cast by the consulted on-call member on behalf of VT (one read, one commit). */
export async function voteAsVt(
  deps: AppDeps,
  args: Args & { input: unknown; piiConfirm?: boolean },
): Promise<Result<{ concern: boolean }>> {
  let concern = false;
  const input = (): Result<{ vote: VoteInput; pii: PiiKinds }> => {
    const parsed = voteInputSchema.safeParse(args.input);
    if (!parsed.success) return fail('invalid_input', fieldsOf(parsed.error.issues));
    concern = parsed.data.concern;
    const pii = checkFreeText(deps, [parsed.data.reason], args.piiConfirm === true);
    if (!pii.ok) return pii;
    return ok({ vote: parsed.data, pii: pii.value });
  };
  const r = await runCaseCommandWithInput(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'vt.answer', actorFromCase: consulted(args) },
    input,
    (b, actor, ctx, { vote, pii }) =>
      decideVote(
        b,
        {
          actor,
          input: vote,
          ...(pii ? { piiConfirmed: pii } : {}),
          location: decisionLocation(deps, b.theCase.body.locationId),
          // The on-call member is not on the desk roster: closing a round stays with the desk.
          mayCloseRound: false,
        },
        ctx,
      ),
  );
  // A vote is not an answer to the question (is the family known?): the consultation stays open for that.
  return r.ok ? ok({ concern }) : r;
}

/** "Zichtbaar voor" of VT's information (e.g. only politie, OM and RvdK) as chosen; unknown organisations are refused. */
function parseRestriction(raw: string | undefined): Result<PartnerOrg[] | undefined> {
  if (raw === undefined) return ok(undefined);
  const chosen = partnerOrgSchema
    .array()
    .max(7)
    .safeParse(
      raw
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    );
  return chosen.success ? ok(chosen.data) : fail('invalid_input', [{ path: 'visibleTo', message: 'unknown organisation' }]);
}

/** The chosen audience resolved against the roster of the case's location. */
const restrictionOf = (deps: AppDeps, b: CaseBundle, chosen: PartnerOrg[] | undefined): PartnerOrg[] | undefined =>
  chosen === undefined ? undefined : restrictionFrom(chosen, 'vt', deps.directory.rosterOrgs(b.theCase.body.locationId));

/**
 * Further information from a consulted VT member after the question was answered (also what a
 * refused late answer is offered as): a VT contribution with its need-to-know reason; the
 * consultation itself does not change.
 */
export async function addVtInfo(
  deps: AppDeps,
  args: Args & { text?: string; needToKnow?: string; piiConfirm?: boolean; visibleTo?: string },
): Promise<Result<{ contributionId: string }>> {
  const id = contributionId(deps.clock.now().toISOString());
  const input = (): Result<{ text: VtText; pii: PiiKinds; chosen: PartnerOrg[] | undefined }> => {
    const parsed = parseVtText({ text: args.text ?? '', source: 'own_system', needToKnow: args.needToKnow ?? '' });
    if (!parsed.ok) return parsed;
    const pii = checkFreeText(deps, [parsed.value.text, parsed.value.needToKnow], args.piiConfirm === true);
    if (!pii.ok) return pii;
    const chosen = parseRestriction(args.visibleTo);
    if (!chosen.ok) return chosen;
    return ok({ text: parsed.value, pii: pii.value, chosen: chosen.value });
  };
  const r = await runCaseCommandWithInput(
    deps,
    { caseId: args.caseId, aadObjectId: args.aadObjectId, attempted: 'vt.info', actorFromCase: consulted(args) },
    input,
    (b, actor, ctx, { text, pii, chosen }) => {
      const visibleTo = restrictionOf(deps, b, chosen);
      return decideVtInfo(
        b,
        {
          actor,
          seq: args.seq,
          contribution: { id, ...text, ...(pii ? { piiConfirmed: pii } : {}), ...(visibleTo ? { visibleTo } : {}) },
        },
        ctx,
      );
    },
  );
  if (!r.ok) return r;
  deps.log.info({ caseId: args.caseId, seq: args.seq }, 'VT added information');
  return ok({ contributionId: r.value.value.id });
}
