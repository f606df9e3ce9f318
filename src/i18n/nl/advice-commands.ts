/** Texts of the advice commands (src/app/advice/advice.ts). */
export const nlAdviceCommands = {
  /** The closure reason stored on a case that the case lead closes with the terugkoppeling. */
  closedAfterFollowUp: 'Afgesloten na terugkoppeling',
} as const;
