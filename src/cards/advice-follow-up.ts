import type { AdviceRecord } from '../domain/advice/types';
import { nlCards } from '../i18n/nl/cards';
import { nlClosing as n } from '../i18n/nl/closing';
import { tm, type TextModel } from './advice-model';
import { formatAmsterdamShort } from './text';

/**
 * "Wat is ervan gekomen?" on the OvJ's advice card while it is open (issue 15 item 4): whom it was
 * asked of, when, and how many reminders went out. The answer itself is in the decision lines.
 */
export function followUpStatusLines(advice: Pick<AdviceRecord, 'followUp'>, now: Date): TextModel[] {
  const f = advice.followUp;
  if (!f?.askedAt || f.answer || !f.addressee) return [];
  const sent = f.remindersSent ?? 0;
  return [
    tm(n.followUp.adviceAsked(nlCards.orgs[f.addressee.orgId], formatAmsterdamShort(f.askedAt, now)), { spacing: 'small' }),
    ...(sent > 0 ? [tm(n.followUp.adviceReminders(sent), { size: 'small', subtle: true, spacing: 'none' })] : []),
  ];
}
