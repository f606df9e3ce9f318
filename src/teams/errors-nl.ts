import type { AppError, AppErrorCode } from '../app/errors';
import { nlVerdiepingReading } from '../i18n/nl/verdieping-reading';
import { nlVerdiepingRules } from '../i18n/nl/verdieping-rules';
import { nlClosing, nlMessages, nlPrivacy, nlVerdiepingSignals, nlViews, nlVtAdviceFixes, piiKindList } from '../i18n/nl';

const e = nlMessages.errors;
const verdiepingReadingErrors = nlVerdiepingReading.errors;

/**
 * The Dutch text per failure. Typed as a complete record, so a new error code cannot be added without
 * its message. Codes only the HTTP intake returns still get the general text.
 */
const MESSAGES: Record<Exclude<AppErrorCode, 'invalid_input' | 'pii_found'>, string> = {
  not_on_roster: e.notOnRoster,
  not_for_location: e.notForLocation,
  not_chair: e.notChair,
  case_not_found: e.caseNotFound,
  case_closed: e.caseClosed,
  unknown_location: e.invalidInput,
  not_hg: e.invalidInput,
  intake_conflict: e.invalidInput,
  round_open: e.roundOpen,
  no_open_round: e.noOpenRound,
  lead_taken: e.leadTaken,
  no_lead: e.noLead,
  not_lead_or_chair: e.notLeadOrChair,
  concern_remaining: e.concernRemaining,
  no_closed_round: e.noClosedRound,
  invalid_time: e.invalidTime,
  not_in_future: e.notInFuture,
  too_far: e.tooFar,
  already_settled: e.alreadySettled,
  unknown_action: e.unknownCaseAction,
  not_allowed: e.notAllowed,
  not_escalated: e.notEscalated,
  owner_taken: e.ownerTaken,
  round_closed: e.roundClosed,
  vt_not_consulted: nlMessages.vt.notConsulted,
  vt_closed: nlMessages.vt.consultationClosed,
  vt_region_unknown: nlMessages.vt.regionUnknown,
  vt_already_asked: nlMessages.vt.alreadyAsked,
  vt_already_answered: nlVtAdviceFixes.vt.alreadyAnswered,
  advice_sent: nlMessages.advice.alreadySent,
  no_advice: nlMessages.advice.noAdvice,
  already_decided: nlMessages.advice.alreadyDecided,
  not_ovj: nlMessages.advice.notOvj,
  not_for_view: nlViews.refused.view,
  ...verdiepingReadingErrors,
  ...nlVerdiepingRules.errors,
  ...nlVerdiepingSignals.errors,
  ...nlClosing.errors,
};

/** A hint per invalid field (field paths as the use cases report them). */
const FIELD_HINTS: Record<string, string> = {
  text: e.contributionTextRequired,
  source: e.contributionSourceRequired,
  needToKnow: e.needToKnowRequired,
  reason: e.voteReasonRequired,
  question: e.questionInvalid,
  phone: nlMessages.vt.phoneInvalid,
  vtText: nlMessages.vt.textRequired,
  decision: nlMessages.advice.decisionInvalid,
  concernAcknowledgement: nlMessages.advice.concernAckRequired,
  followUp: nlMessages.advice.followUpRequired,
  closeReason: e.closeReasonRequired,
  ...Object.fromEntries(Object.entries(nlVerdiepingReading.fieldHints).map(([k, v]) => [`vd.${k}`, v])),
  ...nlClosing.fieldHints,
};

const long = nlVtAdviceFixes.errors;
/** The hint when the value was too long (the minimum would be the wrong advice). */
const TOO_LONG_HINTS: Record<string, string> = {
  reason: long.voteReasonTooLong,
  closeReason: long.closeReasonTooLong,
  text: long.contributionTextTooLong,
  needToKnow: long.needToKnowTooLong,
  vtText: long.vtTextTooLong,
};

function hintFor(f: { path: string; tooLong?: boolean }): string | undefined {
  if (f.tooLong && Object.hasOwn(TOO_LONG_HINTS, f.path)) return TOO_LONG_HINTS[f.path];
  return Object.hasOwn(FIELD_HINTS, f.path) ? FIELD_HINTS[f.path] : undefined;
}

/** The Dutch message a Teams user sees for a use-case failure (never echoes their input). */
export function dutchError(error: AppError): string {
  if (error.code === 'pii_found') return nlPrivacy.piiRefused(piiKindList(error.piiKinds ?? []));
  if (error.code !== 'invalid_input') return MESSAGES[error.code];
  const hints = new Set((error.fields ?? []).map(hintFor).filter((h): h is string => h !== undefined));
  return [e.invalidInput, ...hints].join(' ');
}
