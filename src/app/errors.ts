import type { CaseSnapshot } from '../domain/decisions';
import type { PiiKind } from '../domain/pii';

/** Failures a use case reports; adapters map them to Dutch messages (Teams) or HTTP statuses. */
export type AppErrorCode =
  | 'not_on_roster'
  | 'not_for_location'
  | 'not_chair'
  | 'case_not_found'
  | 'case_closed'
  | 'invalid_input'
  | 'unknown_location'
  | 'not_hg'
  | 'intake_conflict'
  | 'round_open'
  | 'no_open_round'
  | 'lead_taken'
  | 'no_lead'
  | 'not_lead_or_chair'
  | 'concern_remaining'
  | 'no_closed_round'
  | 'invalid_time'
  | 'not_in_future'
  | 'too_far'
  // verdieping: the shared reading (issue 14)
  | 'nonexistent_local_time'
  | 'horizon_too_far'
  | 'already_in_verdieping'
  | 'not_in_verdieping'
  /** Door-agenderen of a case in verdieping: the chair moves the horizon instead. */
  | 'reagenda_in_verdieping'
  | 'reading_stale'
  | 'unknown_contribution'
  | 'too_many_versions'
  | 'unchanged'
  | 'no_such_version'
  | 'older_than_confirmed'
  | 'unknown_person'
  | 'unknown_receiving_party'
  | 'already_settled'
  | 'unknown_action'
  | 'not_allowed'
  | 'not_escalated'
  | 'owner_taken'
  | 'round_closed'
  | 'vt_not_consulted'
  | 'vt_closed'
  | 'vt_region_unknown'
  | 'vt_already_asked'
  | 'vt_already_answered'
  | 'advice_sent'
  | 'no_advice'
  | 'already_decided'
  | 'not_ovj'
  /** Free text with likely personal identifiers, not confirmed by the author (see piiKinds). */
  | 'pii_found'
  /** On the roster, but no need-to-know for this card (e.g. the advice). */
  | 'not_for_view'
  // informatievragen, risicotaxatie, maatregelen (issue 14; src/app/verdieping/questions.ts, signals.ts)
  | 'ask_own_org'
  | 'too_many_open'
  | 'not_asked_org'
  | 'unknown_item'
  | 'unknown_instrument'
  | 'already_requested'
  | 'date_in_future'
  | 'already_recorded'
  | 'until_in_past'
  | 'violation_in_future'
  | 'measure_ended'
  | 'too_many_violations'
  /** Closing (issue 14): a person in the safety plan has no safety holder. */
  | 'safety_not_placed';

export interface AppError {
  code: AppErrorCode;
  /** Field-level problems (English, no personal data) for invalid_input; `tooLong` when the value exceeded its maximum. */
  fields?: { path: string; message: string; tooLong?: boolean }[];
  /** For pii_found: the kinds of identifier found (never the values). */
  piiKinds?: PiiKind[];
}

/** Zod issues as field problems: the path, zod's English message, and whether the value was too long. */
export function fieldsOf(issues: readonly { path: readonly (string | number)[]; message: string; code: string }[]): AppError['fields'] {
  return issues.map((i) => ({ path: i.path.join('.'), message: i.message, ...(i.code === 'too_big' ? { tooLong: true } : {}) }));
}

/**
 * `seen` on a refusal: the case as the refused command loaded it, when that command already audited the
 * actor's view of it (runCaseCommand with `answerView`); the answer shows that view without reading the
 * case again. Case content: never logged, never sent anywhere but into the actor's own view.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError; seen?: CaseSnapshot };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(code: AppErrorCode, fields?: AppError['fields']): Result<T> => ({ ok: false, error: { code, fields } });
