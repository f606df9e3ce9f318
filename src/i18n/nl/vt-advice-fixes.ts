/**
 * Dutch texts added for issue 13 (VT consultation, advice and escalation defects). Kept apart from
 * the big shared tables to avoid merge conflicts; merged into `nlMessages` / `nlCards` by nobody —
 * import `nlVtAdviceFixes` where needed.
 */
export const nlVtAdviceFixes = {
  /** The Actieoverleg card kept current after escalation (issue 13.13). */
  actieoverleg: {
    sinceHeading: (at: string) => `Sinds de escalatie (${at})`,
    sinceNone: 'Nog niets nieuws sinds de escalatie.',
    voteConcern: (org: string, round: number, at: string, reason?: string) =>
      `**${org}** · ronde ${round} · ${at}: buikpijn${reason ? ` — ${reason}` : ''}`,
    voteNoConcern: (org: string, round: number, at: string) => `**${org}** · ronde ${round} · ${at}: geen buikpijn (meer)`,
    contribution: (org: string, at: string) => `**${org}** · ${at}: nieuwe contextinformatie (hieronder)`,
    more: (n: number) => `en nog ${n} eerder na de escalatie — zie de zaak`,
  },
  /** Per intervention: a short note and the language of the letter (issue 13.7). */
  interventionDetails: {
    noteLabel: (label: string) => `Toelichting bij "${label}"`,
    notePlaceholder: 'Bijvoorbeeld proeftijd, voorwaarden of termijn; geen namen',
    languageLabel: (label: string) => `Taal van "${label}"`,
    languagePlaceholder: 'Bijvoorbeeld Pools of Arabisch (leeg: Nederlands)',
    hint: 'Sla het voorstel op om bij een nieuw gekozen interventie een toelichting te geven.',
  },
  /** The advice's Details dialog, page by page (issue 13.8). */
  adviceDetails: {
    onNextPages: (n: number, what: string) => `${n} ${what} op de volgende pagina's.`,
    next: (page: number, total: number) => `Volgende pagina (${page} van ${total})`,
    previous: (page: number, total: number) => `Vorige pagina (${page} van ${total})`,
    pageHeading: (page: number, total: number, from: number, to: number, count: number) =>
      `Contextinformatie, pagina ${page} van ${total}: bijdragen ${from}–${to} van ${count} (nieuwste eerst)`,
  },
  /** The composed starting text of an advice, for the drafter to edit (issue 13.9). */
  adviceDraft: {
    offence: (offence: string, children: boolean) => `${offence}${children ? ', kinderen betrokken' : ''}.`,
    contributions: (orgs: string) => `Contextinformatie van: ${orgs}.`,
    noContributions: 'Nog geen contextinformatie.',
    patterns: (list: string) => `Patronen: ${list}.`,
    openConcern: (lines: string) => `Nog buikpijn: ${lines}.`,
    noConcern: 'Niemand heeft nog buikpijn.',
    proposalHint: 'Voorstel: [vul aan — eerst veiligheid, dan zorg, dan herstel]',
  },
  /** The advice card as the OvJ reads it (issue 13.11). */
  adviceCard: {
    decisionAsked: (sentAt: string, deadline: string) => `Verzonden om ${sentAt} — uw besluit gevraagd vóór ${deadline}`,
    decisionAskedOther: (sentAt: string, deadline: string) => `Verzonden om ${sentAt} — besluit van de OvJ gevraagd vóór ${deadline}`,
    contributionLine: (org: string, at: string, source: string, text: string) => `**${org}** · ${at} · ${source}: ${text}`,
    needToKnowLine: (reason: string) => `Waarom nodig: ${reason}`,
  },
  /** Terugkoppeling of the OvJ's decision: every part with its label (issue 13.10). */
  feedback: {
    title: (ref: string) => `Terugkoppeling zaak ${ref}: het besluit van de OvJ.`,
    interventions: (list: string) => `Interventies: ${list}`,
    noInterventions: 'Interventies: geen',
    intervention: (label: string, note?: string, language?: string) =>
      `${label}${language ? ` (vertaald: ${language})` : ''}${note ? ` — ${note}` : ''}`,
    freeText: (text: string) => `Toelichting van de OvJ: ${text}`,
    despiteConcern: (orgs: string, reason: string) => `Besluit ondanks buikpijn van ${orgs}. Reden van de OvJ: ${reason}`,
    /** 1:1 to the organisation whose buikpijn remained. */
    toConcerned: (ref: string, org: string, reason: string) =>
      `Terugkoppeling zaak ${ref}: de OvJ heeft besloten terwijl ${org} nog buikpijn had. Reden van de OvJ: ${reason}`,
  },
  /** Refusals that say what was wrong: a value that was too long gets its maximum, not the minimum (issue 13.14). */
  errors: {
    closeReasonTooLong: 'De reden om te sluiten ondanks buikpijn is te lang (maximaal 1000 tekens).',
    voteReasonTooLong: 'De reden voor buikpijn is te lang (maximaal 500 tekens).',
    contributionTextTooLong: 'De contextinformatie is te lang (maximaal 2000 tekens).',
    needToKnowTooLong: 'De reden waarom de informatie nodig is, is te lang (maximaal 500 tekens).',
    vtTextTooLong: 'Wat Veilig Thuis weet is te lang (maximaal 2000 tekens); de reden maximaal 500 tekens.',
  },
  vt: {
    /** A second (late) answer on a consultation that is already answered. */
    alreadyAnswered:
      'Deze vraag is al beantwoord; uw antwoord is niet opgeslagen. Heeft u informatie voor de zaak? Voeg die hieronder toe als aanvullende informatie.',
    extraHeading: 'Aanvullende informatie van Veilig Thuis',
    extraIntro:
      'De vraag is beantwoord. Weet u nog iets dat de ZSM-tafel nodig heeft? Voeg het toe als contextinformatie van Veilig Thuis.',
    extraButton: 'Aanvullende informatie toevoegen',
    extraSubmit: 'Toevoegen aan de zaak',
    extraAdded: 'Dank u. Uw aanvullende informatie staat bij de zaak.',
    /** Reasons for "geen reactie" beyond the original three. */
    noReactionReasons: {
      unreachable: 'de dienstdoende is niet bereikbaar via Teams',
      backup_silent: 'ook de achterwacht reageerde niet',
    },
    steps: {
      backup_reminder: (at: string) => `herinnering aan de achterwacht om ${at}`,
    },
    /** Status parts on the case card. */
    primaryUnreachable: (at: string) => `⚠ dienstdoende niet bereikbaar via Teams (${at}): de app is niet voor hem/haar geïnstalleerd`,
    backupUnreachable: (at: string) => `⚠ achterwacht niet bereikbaar via Teams (${at})`,
    backupReminded: (at: string) => `achterwacht herinnerd om ${at}`,
    /** In the desk's thread. */
    deskPrimaryUnreachable: (region: string) =>
      `De dienstdoende van Veilig Thuis ${region} is niet bereikbaar via Teams (de app is niet voor hem/haar geïnstalleerd); de achterwacht is gevraagd.`,
    deskUnreachable: (region: string) =>
      `Veilig Thuis ${region} is niet bereikbaar via Teams (de app is niet geïnstalleerd voor de dienstdoende of de achterwacht). Bel Veilig Thuis zelf.`,
    deskBackupSilent: (region: string) =>
      `Ook de achterwacht van Veilig Thuis ${region} reageerde niet. Bel Veilig Thuis zo nodig zelf; een antwoord dat later komt, verschijnt alsnog bij de zaak.`,
    /** "Bel mij terug" as the desk's open task. */
    callBackOpen: (phone: string) => `☎ Terugbellen staat nog open: bel Veilig Thuis op ${phone}`,
    callBackDone: (at: string) => `teruggebeld om ${at}`,
    callBackPending: 'terugbellen open',
    calledBackButton: 'Teruggebeld',
    calledBack: 'Vastgelegd: Veilig Thuis is teruggebeld.',
    /** In the case thread (a channel): no number there; the number is in the personal view of the case. */
    deskCallBackReminder: (region: string) =>
      `Herinnering: Veilig Thuis ${region} vroeg om terugbellen, en dat staat nog open. Open de zaak voor het nummer en druk op "Teruggebeld" als het gesprek er was.`,
    /** The reminder in the 1:1 chat names the case and the question, so two open questions are never confused. */
    reminder: (location: string, ref: string, question: string, deadline: string) =>
      `Herinnering: ${location} wacht op uw antwoord over zaak ${ref} (termijn ${deadline}): "${question}" Antwoord op de kaart van zaak ${ref} hierboven.`,
  },
} as const;
