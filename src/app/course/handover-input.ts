import {
  HANDED_OVER_ITEMS,
  MAX_HANDOVER_TEXT,
  handoverInputSchema,
  type HandedOverItem,
  type HandoverInput,
} from '../../domain/aftercare/handover';
import { currentHandedOverItem } from '../../domain/old-values-advice';
import type { CloseError } from '../../domain/decisions/close-decisions';
import { fail, ok, type AppError, type AppErrorCode, type Result } from '../errors';

/** The closing form's fields as the card submits them (strings; the items a comma-separated multi-select). */
export interface HandoverFields {
  party?: string;
  items?: string;
  note?: string;
  noneReason?: string;
}

const isItem = (s: string): s is HandedOverItem => (HANDED_OVER_ITEMS as readonly string[]).includes(s);

/** The handover as the domain takes it, or invalid_input naming the field (never the value). */
export function handoverFromFields(f: HandoverFields): Result<HandoverInput> {
  const party = f.party?.trim() ?? '';
  if (!party) return fail('invalid_input', [{ path: 'handover.party', message: 'required' }]);
  const raw = (f.items ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    // A close form posted before issue 11 item 6 still sends the Dutch item names.
    .map(currentHandedOverItem);
  if (!raw.every(isItem)) return fail('invalid_input', [{ path: 'handover.items', message: 'unknown item' }]);
  for (const [path, v] of [
    ['handover.note', f.note],
    ['handover.noneReason', f.noneReason],
  ] as const)
    if (v !== undefined && v.trim().length > MAX_HANDOVER_TEXT)
      return fail('invalid_input', [{ path, message: 'too long', tooLong: true }]);
  const parsed = handoverInputSchema.safeParse({
    receivingPartyId: party,
    handedOver: [...new Set(raw)],
    ...(f.note?.trim() ? { note: f.note } : {}),
    ...(f.noneReason?.trim() ? { noneReason: f.noneReason } : {}),
  });
  return parsed.success ? ok(parsed.data) : fail('invalid_input', [{ path: 'handover.party', message: 'invalid' }]);
}

/** The field each refusal of a closing names (input refusals); other refusals are app codes of their own. */
const FIELD_OF: Partial<Record<CloseError, NonNullable<AppError['fields']>[number]>> = {
  unknown_party: { path: 'handover.party', message: 'unknown receiving party' },
  none_needs_reason: { path: 'handover.noneReason', message: 'required without a receiving party' },
  none_hands_nothing: { path: 'handover.unexpectedItems', message: 'nothing is handed over to nobody' },
  nothing_handed_over: { path: 'handover.items', message: 'choose what is handed over' },
  other_needs_note: { path: 'handover.note', message: 'required with overig' },
  reason_too_short: { path: 'closeReason', message: 'reason_too_short' },
  reason_too_long: { path: 'closeReason', message: 'reason_too_long', tooLong: true },
};

/** A closing refusal as the app reports it: input refusals as invalid_input with their field. */
export function closeRefusal(error: CloseError): AppError {
  const field = FIELD_OF[error];
  if (field) return { code: 'invalid_input', fields: [field] };
  // Every refusal without a field is an app code of the same name (case_closed, safety_not_placed, ...).
  return { code: error as Extract<CloseError, AppErrorCode> };
}
