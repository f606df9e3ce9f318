/**
 * Dutch texts of the case-card layout rule (docs/cards.md): the status line that says what is asked
 * of the viewer, the danger block, the agenda's markers and the confirmations. New texts of the
 * case, channel, agenda, details, tombstone and audit-trail cards live here.
 */
export const nlCaseCards = {
  status: {
    /** "Uw stem gevraagd · ronde 2 · 1 van 6 buikpijn · nog 3 u 12 min" */
    voteAsked: 'Uw stem gevraagd',
    voted: (concern: boolean) => (concern ? 'U hebt buikpijn gemeld' : 'U hebt geen buikpijn gemeld'),
    roundOpen: 'Buikpijnronde open',
    roundClosed: 'Ronde gesloten',
    closed: 'Zaak gesloten',
    round: (n: number) => `ronde ${n}`,
    concernOf: (concern: number, expected: number) => `${concern} van ${expected} buikpijn`,
    nobodyVoted: (expected: number) => `nog niemand gestemd (0/${expected})`,
    termijnPassed: '⚠ termijn verstreken',
    separator: ' · ',
  },
  danger: {
    heading: '⚠ Gevaar',
    children: (ages: string) => (ages ? `Kinderen betrokken (${ages})` : 'Kinderen betrokken'),
    weapon: 'Wapen genoemd',
    acute: (orgs: string) => `ACUUT ONVEILIG volgens ${orgs}`,
    contactUnsafe: 'Contact met slachtoffer niet veilig',
    sentHome: 'Verdachte heengezonden',
  },
  /** A task for the desk (not danger): shown under the danger block, in a neutral box. */
  task: {
    heading: 'Te doen',
  },
  km: 'KM',
  kmMeaning: 'KM = kindermishandeling',
  hgMeaning: 'HG = huiselijk geweld',
  picture: {
    heading: 'Wie heeft buikpijn en waarom',
    standingReason: (org: string, round: number, reason: string) => `${org} (gestemd in ronde ${round}): ${reason}`,
    standingNoReason: (org: string, round: number) => `${org} (gestemd in ronde ${round})`,
  },
  toggles: {
    details: 'Meer tonen',
    chair: 'Voorzitter',
  },
  acuteHint: 'Let op: "Acuut onveilig" escaleert de zaak direct naar het Actieoverleg.',
  confirmCloseRound: {
    title: 'Ronde sluiten',
    question: (missing: number, expected: number) =>
      `${missing} van ${expected} organisaties hebben nog niet gestemd. Weet u zeker dat u de ronde nu sluit?`,
    confirm: 'Ja, ronde nu sluiten',
  },
  placeholders: {
    date: 'Kies een datum (dd-mm-jjjj)',
    time: 'Kies een tijd (uu:mm)',
  },
  confirmSend: {
    question: 'Het advies gaat nu naar de OvJ, die erop beslist. Versturen?',
    confirm: 'Ja, verstuur naar OvJ',
  },
  agenda: {
    nobodyVoted: (expected: number) => `Nog niemand gestemd (0/${expected})`,
    voted: (voted: number, expected: number) => `${voted} van ${expected} gestemd`,
    noConcern: (voted: number, expected: number) => `✓ Geen buikpijn (${voted}/${expected} gestemd)`,
    concern: (orgs: string) => `Buikpijn: ${orgs}`,
    children: 'Kinderen',
    acute: '⚠ ACUUT ONVEILIG',
    actieoverleg: 'Actieoverleg',
    vtQuestionOpen: '☎ Vraag aan VT open',
    sortNote: 'Volgorde: acuut, kinderen, termijn, buikpijn, nog niet gestemd.',
  },
  channel: {
    kmBadge: 'KM',
    kmMeaning: 'KM = kindermishandeling',
  },
} as const;
