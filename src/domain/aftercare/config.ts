import { z } from 'zod';
import { followUpConfigSchema } from './follow-up';
import { receivingPartiesSchema } from './handover';
import { LOCAL_TIME } from './meeting';
import { returningConfigSchema } from './returning';

/**
 * The aftercare part of a location's configuration (to be read by src/config.ts with the rest, per
 * location): when the Actieoverleg reminder goes out, the receiving parties at closing, the oude-bekenden
 * signal period and the follow-up reminders.
 */
export const aftercareConfigSchema = z
  .object({
    /** Local (Europe/Amsterdam) time on the day before the meeting. */
    meetingReminderTime: z.string().regex(LOCAL_TIME).default('09:00'),
    receivingParties: receivingPartiesSchema.default([
      { id: 'save', kind: 'save_jeugdbescherming', label: 'SAVE / jeugdbescherming' },
      { id: 'wijkteam', kind: 'wijkteam', label: 'Wijkteam' },
      { id: 'zvh', kind: 'zvh', label: 'Zorg- en Veiligheidshuis' },
      { id: 'mda', kind: 'mda_plus_plus', label: 'MDA++' },
      { id: 'geen', kind: 'none', label: 'Geen overdracht' },
    ]),
    returning: returningConfigSchema.default({}),
    followUp: followUpConfigSchema.default({}),
  })
  .strict();
export type AftercareConfig = z.infer<typeof aftercareConfigSchema>;
