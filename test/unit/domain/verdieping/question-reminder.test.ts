import { DEFAULT_VERDIEPING_CONFIG, verdiepingConfigSchema } from '../../../../src/domain/verdieping/config';
import { questionReminderIntent, questionReminderJobId, questionReminderSpeaks } from '../../../../src/domain/verdieping/question-reminder';
import { nlVerdiepingRules } from '../../../../src/i18n/nl/verdieping-rules';

/** The reminder of an open informatievraag (issue 14 item 4): its configuration, its jobs and when it speaks. */
const request = { id: 'inforeq:2026-03-28T20:00:00.000Z:abc', askedAt: '2026-03-28T20:00:00.000Z' };

describe('the question reminder policy (roster file, locations[].verdieping.questionReminder)', () => {
  it('defaults to after 24 hours, twice; existing roster files stay valid', () => {
    expect(DEFAULT_VERDIEPING_CONFIG.questionReminder).toEqual({ afterHours: 24, times: 2 });
    expect(verdiepingConfigSchema.parse({ questionReminder: { afterHours: 4 } }).questionReminder).toEqual({ afterHours: 4, times: 2 });
  });

  it.each([
    ['zero hours', { afterHours: 0 }],
    ['more than a week', { afterHours: 169 }],
    ['a fraction', { afterHours: 1.5 }],
    ['too many times', { times: 6 }],
    ['an unknown field', { afterHours: 4, to: 'channel' }],
  ])('refuses %s', (_name, questionReminder) => {
    expect(verdiepingConfigSchema.safeParse({ questionReminder }).success).toBe(false);
  });
});

describe('questionReminderIntent', () => {
  it.each([
    // n, policy, expected due (UTC) or null. Real hours: 24 h after Saturday 21:00 CET is Sunday 22:00 CEST (DST began in between).
    [1, { afterHours: 24, times: 2 }, '2026-03-29T20:00:00.000Z'],
    [2, { afterHours: 24, times: 2 }, '2026-03-30T20:00:00.000Z'],
    [3, { afterHours: 24, times: 2 }, null],
    [1, { afterHours: 6, times: 1 }, '2026-03-29T02:00:00.000Z'],
    [1, { afterHours: 24, times: 0 }, null],
    [0, { afterHours: 24, times: 2 }, null],
  ] as const)('reminder %i with %j: %s', (n, policy, due) => {
    const intent = questionReminderIntent(request, policy, n);
    if (due === null) {
      expect(intent).toBeNull();
      return;
    }
    expect(intent).toEqual({
      id: questionReminderJobId(request.id, n),
      type: 'questionReminder',
      dueAt: due,
      payload: { requestId: request.id, n },
      mode: 'ensure',
    });
  });

  it('one job id per question and reminder number', () => {
    expect(new Set([1, 2].map((n) => questionReminderJobId(request.id, n))).size).toBe(2);
    expect(questionReminderJobId(request.id, 1)).not.toBe(questionReminderJobId('inforeq:other', 1));
  });
});

describe('questionReminderSpeaks', () => {
  it.each([
    ['open question, open case', { status: 'open' as const }, true, true],
    ['answered', { status: 'answered' as const }, true, false],
    ['declined', { status: 'declined' as const }, true, false],
    ['open question, closed case', { status: 'open' as const }, false, false],
    ['question gone (case purged)', undefined, true, false],
  ])('%s', (_name, req, caseOpen, speaks) => {
    expect(questionReminderSpeaks(req, caseOpen)).toBe(speaks);
  });
});

describe('the reminder text names no content', () => {
  it.each([
    [5, '5 uur'],
    [23, '23 uur'],
    [24, '1 dag'],
    [49, '2 dagen'],
  ])('age of %i hours reads "%s"', (hours, text) => {
    expect(nlVerdiepingRules.age(hours)).toBe(text);
  });

  it('says who asked, the case code and the age', () => {
    expect(nlVerdiepingRules.questionReminder('Politie', 'NHF-753', '1 dag')).toMatch(/Politie.*NHF-753.*1 dag/);
  });
});
