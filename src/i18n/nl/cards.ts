import type { CUSTODY_STATUSES, OFFENCE_CATEGORIES, VICTIM_CONTACT } from '../../domain/case';
import type { CONTRIBUTION_SOURCES } from '../../domain/contribution';
import type { PartnerOrg } from '../../domain/orgs';
import type { PersonRole } from '../../domain/persons';

/**
 * Every Dutch text on the Adaptive Cards. `satisfies` makes the compiler check that each domain
 * value (organisation, role, offence, …) has a label, so a new value cannot appear unlabelled.
 */
const orgs = {
  politie: 'Politie',
  om: 'OM',
  '3ro': 'Reclassering (3RO)',
  rvdk: 'Raad voor de Kinderbescherming',
  shn: 'Slachtofferhulp Nederland',
  halt: 'Halt',
  vt: 'Veilig Thuis',
} as const satisfies Record<PartnerOrg, string>;

const roles = {
  verdachte: 'verdachte',
  slachtoffer: 'slachtoffer',
  kind: 'kind',
  ouder: 'ouder',
  getuige: 'getuige',
  overig: 'overige betrokkene',
} as const satisfies Record<PersonRole, string>;

const offences = {
  mishandeling: 'Mishandeling',
  bedreiging: 'Bedreiging',
  stalking: 'Stalking',
  vernieling: 'Vernieling',
  zedendelict: 'Zedendelict',
  vrijheidsberoving: 'Vrijheidsberoving',
  overig: 'Overig delict',
} as const satisfies Record<(typeof OFFENCE_CATEGORIES)[number], string>;

const custody = {
  in_verzekering: 'In verzekering gesteld',
  heengezonden: 'Heengezonden',
  voorgeleiding: 'Voorgeleiding bij de rechter-commissaris',
  onbekend: 'Onbekend',
} as const satisfies Record<(typeof CUSTODY_STATUSES)[number], string>;

const victimContact = {
  ja: 'Ja',
  nee: 'Nee — niet veilig',
  onbekend: 'Onbekend',
} as const satisfies Record<(typeof VICTIM_CONTACT)[number], string>;

const sources = {
  eigen_systeem: 'Eigen systeem',
  gesprek_betrokkene: 'Gesprek met betrokkene',
  melding: 'Melding',
  ketenpartner: 'Via ketenpartner',
  overig: 'Overig',
} as const satisfies Record<(typeof CONTRIBUTION_SOURCES)[number], string>;

export const nlCards = {
  orgs,
  roles,
  offences,
  custody,
  victimContact,
  sources,
  yes: 'ja',
  no: 'nee',
  header: {
    hg: 'HG',
    km: 'KM',
    caseRef: (ref: string) => `Zaak ${ref}`,
    closed: 'Zaak gesloten',
  },
  termijn: {
    heading: 'ZSM-termijn',
    deadline: (when: string) => `Termijn: ${when}`,
    left: (hours: number, minutes: number) => (hours > 0 ? `nog ${hours} u ${minutes} min` : `nog ${minutes} min`),
    passed: 'Termijn verstreken',
  },
  facts: {
    heading: 'Feiten',
    persons: 'Betrokkenen',
    personWithAge: (role: string, age: number) => `${role} (${age} jr)`,
    noPersons: 'geen betrokkenen bekend',
    summary: 'Samenvatting politie',
  },
  safety: {
    heading: 'Veiligheid',
    children: 'Kinderen betrokken',
    childAges: (ages: number[]) => ages.map((a) => `${a} jr`).join(', '),
    weapon: 'Wapen genoemd',
    victimContact: 'Slachtoffer veilig te benaderen',
    custody: 'Verdachte',
  },
  contributions: {
    heading: (count: number) => `Contextinformatie (${count})`,
    byOrg: 'Aangeleverd door',
    orgCount: (org: string, count: number) => `${org} (${count})`,
    none: 'Nog geen contextinformatie.',
    meta: (org: string, when: string, source: string) => `**${org}** · ${when} · ${source}`,
    needToKnow: 'Waarom nodig:',
    olderOnCard: (count: number) => `${count} oudere ${count === 1 ? 'bijdrage' : 'bijdragen'} — zie Details`,
    olderInDialog: (count: number) =>
      `${count} oudere ${count === 1 ? 'bijdrage past' : 'bijdragen passen'} niet in dit venster en ${count === 1 ? 'wordt' : 'worden'} niet getoond.`,
  },
  votes: {
    heading: (round: number) => `Buikpijn — ronde ${round}`,
    question: 'Wie heeft er nog buikpijn?',
    tally: (concern: number, none: number, open: number, current = true) =>
      `${concern} buikpijn · ${none} geen buikpijn · ${open} ${current ? 'nog niet gestemd' : 'niet gestemd'}`,
    concern: 'Buikpijn',
    noConcern: 'Geen buikpijn',
    notVoted: 'Nog niet gestemd',
    didNotVote: 'Niet gestemd',
    acute: 'ACUUT ONVEILIG',
    yourOrg: (org: string) => `${org} (uw organisatie)`,
    roundHeading: (round: number, current: boolean) => (current ? `Ronde ${round} (huidige ronde)` : `Ronde ${round}`),
    castAt: (when: string) => `gestemd ${when}`,
    olderRounds: (count: number) =>
      `${count} oudere ${count === 1 ? 'ronde past' : 'rondes passen'} niet in dit venster en ${count === 1 ? 'wordt' : 'worden'} niet getoond.`,
  },
  actions: {
    addContribution: 'Contextinformatie toevoegen',
    concern: 'Buikpijn',
    noConcern: 'Geen buikpijn',
    details: 'Details',
    submitContribution: 'Toevoegen',
    submitConcern: 'Buikpijn vastleggen',
  },
  inputs: {
    contribText: 'Contextinformatie',
    contribTextPlaceholder: 'Wat weet uw organisatie over deze zaak of deze mensen?',
    contribTextError: 'Vul de contextinformatie in (maximaal 2000 tekens).',
    contribSource: 'Bron',
    contribSourcePlaceholder: 'Kies waar de informatie vandaan komt',
    contribSourceError: 'Kies waar de informatie vandaan komt.',
    contribNeedToKnow: 'Waarom is dit nodig en wat verandert het aan de aanpak?',
    contribNeedToKnowPlaceholder: 'Need to know, geen nice to know (minimaal 10 tekens)',
    contribNeedToKnowError: 'Geef aan waarom deze informatie nodig is en wat het verandert aan de aanpak (minimaal 10 tekens).',
    voteReason: 'Waar gaat de buikpijn over?',
    voteReasonPlaceholder: 'Benoem concreet wat u zorgen baart',
    voteReasonError: 'Geef kort aan waar de buikpijn over gaat (minimaal 3 tekens).',
    voteAcute: 'Acuut onveilig',
  },
  details: {
    votesHeading: 'Buikpijn per ronde',
    contributionsHeading: 'Alle contextinformatie',
    noVotes: 'Er is nog niet gestemd.',
  },
  newCase: {
    title: 'Nieuwe HG-zaak',
    intro: 'Vul alleen in wat nodig is. Geen namen, geboortedata of adressen: personen alleen als rol en leeftijd.',
    location: 'ZSM-locatie',
    locationPlaceholder: 'Kies de ZSM-locatie',
    locationError: 'Kies een ZSM-locatie.',
    offence: 'Delict',
    offencePlaceholder: 'Kies het delict',
    offenceError: 'Kies een delict.',
    summary: 'Samenvatting (feiten)',
    summaryPlaceholder: 'Wat is er gebeurd? Geen namen.',
    summaryError: 'Vul een samenvatting in (maximaal 2000 tekens).',
    persons: 'Betrokkenen (rol en leeftijd)',
    personsPlaceholder: 'verdachte 34; slachtoffer 31; kind 13',
    personsHint:
      'Per persoon de rol en eventueel de leeftijd, gescheiden door een puntkomma. Rollen: verdachte, slachtoffer, kind, ouder, getuige, overig. Voorbeeld: verdachte 34; slachtoffer 31; kind 13; kind 9',
    personsError: 'Vul minstens één betrokkene in, bijvoorbeeld: verdachte 34; slachtoffer 31.',
    childrenInvolved: 'Kinderen betrokken',
    childAges: 'Leeftijden van de kinderen',
    childAgesPlaceholder: '13, 9',
    weapon: 'Wapen genoemd',
    victimContact: 'Slachtoffer veilig te benaderen?',
    custody: 'Verdachte (status)',
    termijnHint: 'De ZSM-termijn start bij het aanmaken van de zaak.',
    fields: { externalId: 'Zaaknummer', intakeAt: 'Tijdstip van instroom', other: 'Formulier' },
    submit: 'Zaak aanmaken',
    errors: {
      heading: 'De zaak is niet aangemaakt:',
      location: 'Kies een ZSM-locatie.',
      offence: 'Kies een delict uit de lijst.',
      summary: 'Vul een samenvatting in van maximaal 2000 tekens.',
      personsEmpty: 'Vul minstens één betrokkene in, bijvoorbeeld: verdachte 34; slachtoffer 31.',
      personsTooMany: 'Vul maximaal 20 betrokkenen in.',
      // By position, never by content: what was typed may be a name.
      personEntry: (position: number) =>
        `Betrokkene ${position} is niet te lezen. Gebruik een rol (verdachte, slachtoffer, kind, ouder, getuige, overig) en eventueel een leeftijd, bijvoorbeeld "kind 13".`,
      personAge: (position: number) => `De leeftijd bij betrokkene ${position} moet een heel getal van 0 tot en met 120 zijn.`,
      childAges: "Leeftijden van kinderen: hele getallen van 0 tot en met 17, gescheiden door komma's (bijvoorbeeld 13, 9).",
      victimContact: 'Kies of het slachtoffer veilig te benaderen is.',
      custody: 'Kies de status van de verdachte.',
      invalid: (field: string) => `${field}: ongeldige waarde.`,
    },
  },
} as const;

export type NlCards = typeof nlCards;
