/** Oude bekenden (issue 15 item 3): the 1:1 note to the lead of an earlier case. No person, no case text. */
export const nlReturning = {
  leadNote: (newCode: string, earlierCodes: readonly string[], link: string | undefined) =>
    `Een persoon uit ${earlierCodes.length === 1 ? 'jouw eerdere zaak' : 'jouw eerdere zaken'} ${earlierCodes.join(', ')} ` +
    `is terug bij ZSM: nieuwe zaak ${newCode}.${link ? ` Bekijk de zaak: ${link}` : ' De zaak staat in het kanaal van de locatie.'}`,
} as const;
