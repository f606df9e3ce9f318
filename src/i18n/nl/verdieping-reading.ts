import { nlVerdieping } from './verdieping';

const v = nlVerdieping;

/**
 * Dutch texts of the shared-reading half of verdieping (issue 14 items 1, 2, 3, 6) as users meet them:
 * refusals per error code, confirmations, the card's section lines and the forms' labels. The domain's
 * own labels (reasons, statuses, forms of violence) stay in ./verdieping.ts.
 */
export const nlVerdiepingReading = {
  /** One per app error code of these commands (the teams layer maps codes to these). */
  errors: {
    nonexistent_local_time: v.phaseErrors.nonexistent_local_time,
    horizon_too_far: v.phaseErrors.too_far,
    already_in_verdieping: v.phaseErrors.already_in_verdieping,
    not_in_verdieping: v.phaseErrors.not_in_verdieping,
    reading_stale: v.reading.errors.stale_base,
    unknown_contribution: v.reading.errors.unknown_contribution,
    too_many_versions: v.reading.errors.too_many_versions,
    unchanged: 'Er is niets veranderd.',
    no_such_version: v.reading.errors.no_such_version,
    older_than_confirmed: v.reading.errors.older_than_confirmed,
    unknown_person: v.safety.errors.unknown_person,
    unknown_receiving_party: v.safety.errors.unknown_receiving_party,
  },
  /** Hints per invalid field of the forms (never the value typed). */
  fieldHints: {
    reason: 'Kies een reden.',
    date: 'Vul een datum in (jjjj-mm-dd).',
    time: 'Vul een tijd in (uu:mm).',
    whatHappened: 'Vul in wat er is gebeurd (hoogstens 2.000 tekens).',
    worries: 'Vul de zorgen in (hoogstens 2.000 tekens).',
    sharedGoal: 'Vul in wat we samen willen bereiken (hoogstens 2.000 tekens).',
    personRef: 'Kies een betrokkene.',
    holderOrg: 'Kies de organisatie die de veiligheid bewaakt.',
    measure: 'Vul de maatregel in (hoogstens 500 tekens).',
    status: 'Kies een status.',
    checkDate: 'Vul de controledatum in (jjjj-mm-dd).',
    wishes: 'Vul de wensen in een paar woorden in (hoogstens 300 tekens).',
  } as Record<string, string>,
  ok: {
    entered: (when: string) => `De zaak is in verdieping genomen. Volgende bespreking: ${when}.`,
    moved: (when: string) => `De volgende bespreking is verschoven naar ${when}.`,
    proposed: (n: number) => `Versie ${n} van de gezamenlijke duiding is voorgesteld. De voorzitter bevestigt haar.`,
    confirmed: (n: number) => `Versie ${n} van de gezamenlijke duiding is bevestigd.`,
    safetySet: 'Het veiligheidsplan is bijgewerkt.',
    involvementSet: 'De gegevens van de betrokkene zijn bijgewerkt.',
    unchanged: 'Dit stond al zo vast; er is niets veranderd.',
  },
  /** The reminder before the next moment of a case in verdieping. */
  horizonReminder: (clock: string, minutes: number) =>
    `Let op: deze zaak in verdieping staat om ${clock} op de agenda (over ${minutes} minuten).`,
  card: {
    phaseLine: (when: string, reason: string) => v.nextMoment(when, reason),
    phasePassed: (reason: string) => v.nextMomentPassed(reason),
    readingTitle: v.reading.title,
    readingNone: v.reading.none,
    readingPending: v.reading.pending,
    readingVersion: (n: number, org: string, when: string) => v.reading.version(n, org, when),
    fullInDetails: 'De volledige duiding staat in Details.',
    safetyTitle: v.safety.title,
    noHolder: v.safety.noHolder,
    safetyLine: v.safety.line,
    holderWithParty: (org: string, party: string) => `${org} (${party})`,
    missingTitle: 'Wat ontbreekt',
    moreMissing: (n: number) => `en nog ${n} punt(en); zie Details.`,
    missingCount: (n: number) => `${n} punt(en); zie Details.`,
    safetyPlaced: (n: number) => `Voor ${n} ${n === 1 ? 'persoon' : 'personen'} bewaakt iemand de veiligheid; zie Details.`,
    readingShort: (n: number) => `duiding versie ${n} bevestigd`,
    safetyShort: (n: number) => `veiligheid belegd voor ${n}`,
    missingShort: (n: number) => `${n} punt(en) ontbreken (zie Details)`,
  },
  actions: {
    enter: 'In verdieping nemen',
    move: 'Volgende bespreking verschuiven',
    propose: 'Duiding voorstellen',
    confirm: (n: number) => `Duiding versie ${n} bevestigen`,
    safety: 'Veiligheidsplan bijwerken',
    involvement: 'Betrokkene bijwerken',
    submit: 'Opslaan',
  },
  labels: {
    reason: 'Reden',
    date: 'Datum volgende bespreking (jjjj-mm-dd)',
    time: 'Tijd (standaard 09:00)',
    note: 'Toelichting (optioneel)',
    person: 'Betrokkene',
    holderOrg: 'Wie bewaakt de veiligheid',
    receivingParty: 'Overgedragen aan (optioneel)',
    measure: 'Maatregel',
    status: 'Status',
    checkDate: 'Controledatum (jjjj-mm-dd)',
    violenceForm: 'Vorm van geweld',
    relationship: 'Relatie tot de verdachte',
    spokenBy: 'Gesproken door',
    notSpoken: 'Niet gesproken',
    wishes: 'Wensen (in een paar woorden)',
    informed: 'Weet dat de zaak besproken wordt',
  },
};
