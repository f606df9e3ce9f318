/**
 * Dutch texts of the verdieping sections of the advice to the OvJ and of the safety plan on the
 * Actieoverleg card (issue 14: "het advies begint bij de bevestigde duiding"). Persons by role label only.
 */
export const nlAdviceVerdieping = {
  reading: {
    heading: 'Gezamenlijke duiding',
    confirmed: (version: number, org: string, when: string) => `Versie ${version} van ${org}, bevestigd door de voorzitter op ${when}`,
    none: '⚠ Er is nog geen bevestigde gezamenlijke duiding.',
    pending: (n: number) =>
      n === 1 ? '1 nieuwer voorstel wacht op de voorzitter.' : `${n} nieuwere voorstellen wachten op de voorzitter.`,
  },
  safety: {
    heading: 'Veiligheidsplan per persoon',
    line: (who: string, holder: string) => `**${who}**: ${holder}`,
    detail: (measure: string, status: string, check: string) =>
      [measure, status ? `status ${status}` : '', check ? `controle ${check}` : ''].filter((x) => x.length > 0).join(' · '),
    noHolder: (who: string) => `⚠ Voor ${who} is niemand verantwoordelijk voor de veiligheid.`,
    none: 'Er is nog geen veiligheidsplan.',
  },
  questions: {
    heading: (open: number, settled: number) => `Informatievragen (${open} open, ${settled} afgehandeld)`,
    open: (from: string, to: string, age: string) => `⏳ ${from} vraagt ${to} (${age})`,
    answered: (to: string, when: string) => `✓ Beantwoord door ${to} op ${when}`,
    answer: (text: string) => `Antwoord: ${text}`,
    answerNotVisible: 'Het antwoord is een bijdrage die u niet mag lezen.',
    declined: (to: string, reason: string) => `✗ Geweigerd door ${to}: ${reason}`,
    more: (n: number) => `En nog ${n} vraag/vragen (zie de zaak).`,
  },
  signals: {
    heading: 'Risicotaxatie, maatregelen en overtredingen',
    outcome: (instrument: string, level: string, date: string, org: string) => `${instrument}: risico ${level} (${date}, ${org})`,
    requested: (instrument: string, org: string) => `${instrument} gevraagd aan ${org}, nog geen uitkomst`,
    measure: (type: string, holder: string, until: string) => `${type}, houder ${holder}, loopt tot en met ${until}`,
    violation: (type: string, when: string, by: string) => `⚠ Overtreding van ${type.toLowerCase()} op ${when} (gemeld door ${by})`,
    more: (n: number) => `En nog ${n} regel(s) (zie de zaak).`,
  },
  short: {
    heading: 'Verdieping (kort; alles staat bij de zaak)',
    reading: (version: number, goal: string) => `Gezamenlijke duiding versie ${version} bevestigd. Doel: ${goal}`,
    safety: (n: number) => `Veiligheid belegd voor ${n} ${n === 1 ? 'persoon' : 'personen'}.`,
    violations: (n: number) => `⚠ ${n} overtreding(en) van een lopende maatregel.`,
    highRisk: (instruments: string) => `⚠ Hoog risico: ${instruments}.`,
    questions: (open: number, settled: number) => `Informatievragen: ${open} open, ${settled} afgehandeld.`,
    missing: (n: number) => `Over de betrokkenen ontbreken ${n} punt(en).`,
    inCase: 'Duiding, veiligheidsplan, vragen en maatregelen staan volledig bij de zaak (Verdiepen).',
  },
  /** The case card's questions and signals when there are more than fit (the rest is in "Verdiepen"). */
  caseCard: {
    moreAsked: (n: number) => (n === 1 ? 'En nog 1 vraag aan u (zie Verdiepen).' : `En nog ${n} vragen aan u (zie Verdiepen).`),
    moreLines: (n: number) => `En nog ${n} regel(s) (zie Verdiepen).`,
    moreViolations: (n: number) => `⚠ En nog ${n} eerdere overtreding(en).`,
    moreDanger: (n: number) => `en nog ${n} (zie Verdiepen)`,
  },
  /** Line 1 of the case card: what verdieping asks of the viewer's organisation now. */
  askedOfMe: {
    lead: (items: string) => `Gevraagd van u: ${items}`,
    questions: (n: number) => (n === 1 ? '1 vraag beantwoorden' : `${n} vragen beantwoorden`),
    risk: (instruments: string) => `${instruments} invullen`,
    check: (n: number) => (n === 1 ? 'veiligheid van 1 persoon controleren' : `veiligheid van ${n} personen controleren`),
    confirm: (version: number) => `duiding versie ${version} bevestigen`,
  },
  missing: {
    heading: 'Wat ontbreekt over de betrokkenen',
    more: (n: number) => `En nog ${n} punt(en) (zie de zaak).`,
  },
} as const;
