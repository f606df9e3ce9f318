/** Oude bekenden (issue 15 item 3): the 1:1 note to the lead of an earlier case. No person, no case text. */
export const nlReturning = {
  leadNote: (newCode: string, earlierCodes: readonly string[], link: string | undefined) =>
    `Een persoon uit ${earlierCodes.length === 1 ? 'jouw eerdere zaak' : 'jouw eerdere zaken'} ${earlierCodes.join(', ')} ` +
    `is terug bij ZSM: nieuwe zaak ${newCode}.${link ? ` Bekijk de zaak: ${link}` : ' De zaak staat in het kanaal van de locatie.'}`,
} as const;

/** Oude bekenden on the personal case card (issue 15 item 3): counts, dates, decisions, outcome; never a person. */
export const nlReturningCard = {
  heading: (count: number) => (count === 1 ? 'Oude bekende: 1 eerdere zaak' : `Oude bekende: ${count} eerdere zaken`),
  when: (dates: string, days: number) =>
    `Eerder: ${dates} (laatste ${days === 0 ? 'vandaag' : days === 1 ? '1 dag' : `${days} dagen`}${days === 0 ? '' : ' geleden'}).`,
  decided: (parts: string) => `Besloten: ${parts}.`,
  cameOf: (parts: string) => `Wat ervan kwam (laatste zaak): ${parts}.`,
  handedTo: (party: string) => `overgedragen aan ${party}`,
  followUp: (outcome: string) => `vervolg ${outcome.toLowerCase()}`,
  noFollowUp: 'nog niet bekend',
  measureRunning: '⚠ Er loopt nog een maatregel uit een eerdere zaak.',
  moreDates: (n: number) => `en ${n} eerder`,
} as const;
