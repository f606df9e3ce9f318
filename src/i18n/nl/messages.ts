/** Dutch texts for users outside the cards: errors, confirmations, chat replies. */
export const nlMessages = {
  errors: {
    notOnRoster: 'U staat niet op het rooster van deze ZSM-locatie. Er is niets gewijzigd. Neem contact op met de ZSM-coördinator.',
    notForLocation: 'U bent niet ingeroosterd voor deze ZSM-locatie. Er is niets gewijzigd.',
    notChair: 'Alleen de voorzitter kan dit doen. Er is niets gewijzigd.',
    caseNotFound: 'Deze zaak is niet gevonden. Er is niets gewijzigd.',
    caseClosed: 'Deze zaak is gesloten. Er is niets gewijzigd.',
    unknownAction: 'Deze actie wordt niet herkend. Er is niets gewijzigd.',
    invalidInput: 'De invoer is niet volledig of niet geldig. Er is niets gewijzigd.',
    contributionTextRequired: 'Vul de contextinformatie in (maximaal 2000 tekens).',
    contributionSourceRequired: 'Kies waar de informatie vandaan komt.',
    needToKnowRequired: 'Geef aan waarom deze informatie nodig is en wat het verandert aan de aanpak (minimaal 10 tekens).',
    voteReasonRequired: 'Geef kort aan waar de buikpijn over gaat (minimaal 3 tekens).',
    temporary: 'Er ging iets mis bij het opslaan. Er is niets gewijzigd; probeer het opnieuw.',
  },
  ok: {
    contributionAdded: 'Uw contextinformatie is toegevoegd.',
    voteConcern: 'Uw buikpijn is vastgelegd.',
    voteNoConcern: 'Vastgelegd: geen buikpijn.',
    caseCreated: 'De zaak is aangemaakt en wordt in het kanaal geplaatst.',
  },
  chat: {
    help: 'Ik ben de ZSM HG-bot. Nieuwe HG-zaken verschijnen als kaart in het kanaal van uw ZSM-locatie. Typ "nieuwe zaak" om zelf een zaak te starten.',
    newCasePrompt: 'Start een nieuwe HG-zaak:',
    newCaseButton: 'Nieuwe zaak',
    newCaseDialogTitle: 'Nieuwe HG-zaak',
    detailsDialogTitle: 'Details van de zaak',
  },
} as const;
