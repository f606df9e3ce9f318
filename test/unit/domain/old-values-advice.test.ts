import { normalizeAdvice, OLD_ADVICE_STATUS } from '../../../src/domain/old-values-advice';
import { ADVICE_STATUSES, type AdviceRecord } from '../../../src/domain/advice/types';
import { adviceRecord } from './advice/fixtures';

describe('advice values stored in Dutch before issue 11 item 6', () => {
  it.each(Object.entries(OLD_ADVICE_STATUS))('advice status %s reads as %s', (old, now) => {
    const stored = { ...adviceRecord('draft'), status: old } as unknown as AdviceRecord;
    expect(normalizeAdvice(stored).status).toBe(now);
  });

  it('every new status has an old name, and a current record comes back as the same object', () => {
    expect(new Set(Object.values(OLD_ADVICE_STATUS))).toEqual(new Set(ADVICE_STATUSES));
    const current = adviceRecord('sent');
    expect(normalizeAdvice(current)).toBe(current);
  });
});
