import { aftercareConfigSchema } from '../../../../src/domain/aftercare/config';

describe('aftercare configuration', () => {
  it('has working defaults: reminder 09:00, five receiving parties with one "geen", 365 days, 48 h × 2', () => {
    const c = aftercareConfigSchema.parse({});
    expect(c.meetingReminderTime).toBe('09:00');
    expect(c.receivingParties.map((p) => p.kind)).toEqual(['save_jeugdbescherming', 'wijkteam', 'zvh', 'mda_plus_plus', 'none']);
    expect(c.returning.signalDays).toBe(365);
    expect(c.followUp).toEqual({ reminderAfterHours: 48, maxReminders: 2 });
  });

  it.each([
    { meetingReminderTime: '24:00' },
    { meetingReminderTime: '9:00' },
    { receivingParties: [] },
    { returning: { signalDays: 0 } },
    { unknown: true },
  ])('refuses %j', (x) => {
    expect(aftercareConfigSchema.safeParse(x).success).toBe(false);
  });
});
