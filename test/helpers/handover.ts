import { INPUTS } from '../../src/cards/verbs';

/**
 * A handover for tests that close a case (issue 15: every closing names who holds the case from now
 * on). The default receiving parties come from the location's configuration (`aftercare`).
 */
export const HANDOVER_FIELDS = { party: 'wijkteam', items: 'safety_plan,contact_person' } as const;

/** The same handover as the chair's close form submits it. */
export const HANDOVER_DATA = {
  [INPUTS.handoverParty]: HANDOVER_FIELDS.party,
  [INPUTS.handoverItems]: HANDOVER_FIELDS.items,
} as const;
