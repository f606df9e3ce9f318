/**
 * Dutch texts of the cards and dialogs laid out as templates in cards/ and dialogs/ by the
 * cards-other work (VT consultation, VT morning summary, Actieoverleg, advice card, new-case and
 * advice-editor dialogs): the status lines ("what is asked of you") and the hints the layout rule
 * adds. Existing texts stay in cards.ts.
 */
export const nlCardsOther = {
  termijnPassed: 'termijn verstreken',
  vt: {
    statusAsked: (left: string) => `Uw antwoord gevraagd · ${left} tot de termijn`,
    statusAskedPassed: 'Uw antwoord gevraagd · de termijn is verstreken',
    statusAnswered: '✓ Beantwoord · aanvullen of buikpijn vastleggen kan nog',
    statusLate: 'Uw antwoord is nog welkom · de ZSM-tafel wacht niet meer op u',
    acuteHint: 'Met "Acuut onveilig" gaat de zaak direct naar het Actieoverleg; de ZSM-tafel en de voorzitter zien het meteen.',
  },
  actieoverleg: {
    status: (left: string) => `Actieoverleg gevraagd · ${left} tot de termijn`,
    statusPassed: 'Actieoverleg gevraagd · de termijn is verstreken',
    statusClosed: 'Zaak gesloten · alleen ter informatie',
    statusOutcome: (at: string, actions: number) =>
      `✓ Uitkomst vastgelegd ${at} · ${actions} ${actions === 1 ? 'actie' : 'acties'} · de termijn telt niet meer`,
    details: 'Feiten en contextinformatie tonen',
  },
  summary: {
    status: (callBacks: number) =>
      callBacks > 0
        ? `☎ ${callBacks} ${callBacks === 1 ? 'verzoek' : 'verzoeken'} om terugbellen · eerst afhandelen`
        : '✓ Geen verzoeken om terugbellen',
  },
  advice: {
    confirmSendTitle: 'Advies versturen naar de OvJ?',
    confirmSendText: 'De OvJ krijgt het advies zoals het er nu staat. Daarna kunt u het niet meer aanpassen.',
    confirmSend: 'Ja, versturen',
  },
  newCase: {
    childrenHint: 'Leeftijden invullen betekent: kinderen betrokken.',
  },
} as const;
