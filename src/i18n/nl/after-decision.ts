/**
 * After the decision (issue 15 items 1 and 2): the OvJ's decision on the Actieoverleg card, and the
 * Actieoverleg's outcome on the advice card for the OvJ. No names; free text is the authors' own,
 * checked for personal data when it was entered.
 */
export const nlAfterDecision = {
  ovj: {
    headingBefore: (at: string) => `Eerder besluit van de OvJ (${at})`,
    heading: (at: string) => `Besluit van de OvJ (${at})`,
    interventions: (list: string) => `**Interventies:** ${list}`,
    none: 'geen interventies gekozen',
    text: (text: string) => `**Toelichting:** ${text}`,
    despite: (orgs: string, text: string) => `⚠ **Besloten ondanks buikpijn van ${orgs}:** ${text}`,
    repeatNote: 'Dezelfde buikpijn leidt niet opnieuw tot escalatie; een nieuwe reden, overtreding of nieuw incident wel.',
  },
  outcome: {
    heading: (at: string, revision: number) =>
      revision > 1 ? `Uitkomst van het Actieoverleg (${at}, aangepast)` : `Uitkomst van het Actieoverleg (${at})`,
    decision: (subject: string, phase: string, text: string) => `• **${subject}** (${phase}): ${text}`,
    actionsHeading: '**Wie doet wat, wanneer:**',
    action: (org: string, what: string, due: string) => `• ${org}: ${what} (${due})`,
    more: (n: number) => `… en nog ${n} (volledig op de kaart van het Actieoverleg)`,
  },
} as const;
