import type { AppError } from '../app/errors';
import { nlMessages } from '../i18n/nl';

/** The Dutch message a Teams user sees for a use-case failure (never echoes their input). */
export function dutchError(error: AppError): string {
  const e = nlMessages.errors;
  switch (error.code) {
    case 'not_on_roster':
      return e.notOnRoster;
    case 'not_for_location':
      return e.notForLocation;
    case 'not_chair':
      return e.notChair;
    case 'case_not_found':
      return e.caseNotFound;
    case 'case_closed':
      return e.caseClosed;
    case 'invalid_input':
      return invalidInputMessage(error.fields ?? []);
    case 'round_open':
      return e.roundOpen;
    case 'no_open_round':
      return e.noOpenRound;
    case 'lead_taken':
      return e.leadTaken;
    case 'no_lead':
      return e.noLead;
    case 'not_lead_or_chair':
      return e.notLeadOrChair;
    case 'concern_remaining':
      return e.concernRemaining;
    case 'no_closed_round':
      return e.noClosedRound;
    case 'invalid_time':
      return e.invalidTime;
    case 'not_in_future':
      return e.notInFuture;
    case 'too_far':
      return e.tooFar;
    case 'already_settled':
      return e.alreadySettled;
    case 'unknown_action':
      return e.unknownCaseAction;
    case 'not_allowed':
      return e.notAllowed;
    case 'not_escalated':
      return e.notEscalated;
    case 'owner_taken':
      return e.ownerTaken;
    case 'round_closed':
      return e.roundClosed;
    case 'vt_not_consulted':
      return nlMessages.vt.notConsulted;
    case 'vt_closed':
      return nlMessages.vt.consultationClosed;
    case 'vt_region_unknown':
      return nlMessages.vt.regionUnknown;
    case 'vt_already_asked':
      return nlMessages.vt.alreadyAsked;
    case 'advice_sent':
      return nlMessages.advice.alreadySent;
    case 'no_advice':
      return nlMessages.advice.noAdvice;
    case 'already_decided':
      return nlMessages.advice.alreadyDecided;
    case 'not_ovj':
      return nlMessages.advice.notOvj;
    default:
      return e.invalidInput;
  }
}

function invalidInputMessage(fields: NonNullable<AppError['fields']>): string {
  const e = nlMessages.errors;
  const hints = new Set<string>();
  for (const f of fields) {
    if (f.path === 'text') hints.add(e.contributionTextRequired);
    else if (f.path === 'source') hints.add(e.contributionSourceRequired);
    else if (f.path === 'needToKnow') hints.add(e.needToKnowRequired);
    else if (f.path === 'reason') hints.add(e.voteReasonRequired);
    else if (f.path === 'question') hints.add(e.questionInvalid);
    else if (f.path === 'phone') hints.add(nlMessages.vt.phoneInvalid);
    else if (f.path === 'vtText') hints.add(nlMessages.vt.textRequired);
    else if (f.path === 'decision') hints.add(nlMessages.advice.decisionInvalid);
    else if (f.path === 'concernAcknowledgement') hints.add(nlMessages.advice.concernAckRequired);
    else if (f.path === 'followUp') hints.add(nlMessages.advice.followUpRequired);
  }
  return [e.invalidInput, ...hints].join(' ');
}
