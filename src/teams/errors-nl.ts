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
  }
  return [e.invalidInput, ...hints].join(' ');
}
