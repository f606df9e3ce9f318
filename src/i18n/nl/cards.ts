import type { CUSTODY_STATUSES, OFFENCE_CATEGORIES, VICTIM_CONTACT } from '../../domain/case';
import type { CONTRIBUTION_SOURCES } from '../../domain/contribution';
import type { PartnerOrg } from '../../domain/orgs';
import type { PersonRole } from '../../domain/persons';
import type { ActionVerdict, EscalationRule } from '../../domain/rounds';

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

/** Short organisation names for dense lines (agenda, round changes). */
const orgsShort = {
  politie: 'Politie',
  om: 'OM',
  '3ro': '3RO',
  rvdk: 'RvdK',
  shn: 'SHN',
  halt: 'Halt',
  vt: 'VT',
} as const satisfies Record<PartnerOrg, string>;

/** Verdict on an action: as a choice (capitalised) and inside a sentence (lower case). */
const verdicts = {
  gedaan: 'Gedaan',
  omstandigheden_veranderd: 'Omstandigheden veranderd',
  niet_uitgevoerd: 'Niet uitgevoerd',
} as const satisfies Record<ActionVerdict, string>;
const verdictsInline = {
  gedaan: 'gedaan',
  omstandigheden_veranderd: 'omstandigheden veranderd',
  niet_uitgevoerd: 'niet uitgevoerd',
} as const satisfies Record<ActionVerdict, string>;

/**
 * Why a case went to the Actieoverleg, in plain Dutch (lower case: used after a dash or colon).
 * `orgs` is a list of organisation names; `rounds` the number of rounds the reasons span; `hours`
 * the location's time threshold.
 */
const escalationRules = {
  acuut_onveilig: (a: { orgs: string }) => `acuut onveilig gemeld door ${a.orgs}`,
  aanhoudend_meerdere_organisaties: (a: { orgs: string }) => `meerdere organisaties houden ronde na ronde buikpijn (${a.orgs})`,
  aanhoudend_rondes: (a: { orgs: string; rounds: number }) =>
    `de buikpijn gaat niet weg: ${a.rounds} rondes achter elkaar${a.orgs ? ` (nu bij ${a.orgs})` : ''}`,
  aanhoudend_tijd: (a: { orgs: string; hours: number }) =>
    `de buikpijn houdt al ${a.hours} uur of langer aan zonder ronde zonder buikpijn${a.orgs ? ` (${a.orgs})` : ''}`,
} as const satisfies Record<EscalationRule, (a: { orgs: string; rounds: number; hours: number }) => string>;

export const nlCards = {
  orgs,
  orgsShort,
  verdicts,
  verdictsInline,
  escalationRules,
  listSeparator: ', ',
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
    groupAcute: (orgs: string) => `⚠ ACUUT ONVEILIG volgens ${orgs}`,
    groupConcern: (orgs: string) => `Buikpijn: ${orgs}`,
    groupNone: (orgs: string) => `Geen buikpijn: ${orgs}`,
    roundHeading: (round: number, current: boolean) => (current ? `Ronde ${round} (huidige ronde)` : `Ronde ${round}`),
    castAt: (when: string) => `gestemd ${when}`,
    olderRounds: (count: number) =>
      `${count} oudere ${count === 1 ? 'ronde past' : 'rondes passen'} niet in dit venster en ${count === 1 ? 'wordt' : 'worden'} niet getoond.`,
  },
  round: {
    open: (round: number, since?: string) => (since ? `Ronde ${round} is open sinds ${since}` : `Ronde ${round} is open`),
    closed: (round: number, at: string) => `Ronde ${round} is gesloten (${at})`,
    missing: (orgs: string) => `Nog niet gestemd: ${orgs}`,
    missingClosed: (orgs: string) => `Niet gestemd: ${orgs}`,
    allVoted: 'Alle verwachte organisaties hebben gestemd.',
    standing: (orgs: string) => `Buikpijn staat nog uit een eerdere ronde: ${orgs}`,
    changesHeading: (previous: number) => `Verandering sinds ronde ${previous}:`,
    noChanges: (previous: number) => `Geen verandering sinds ronde ${previous}.`,
    up: (org: string) => `↑ ${org}: nieuwe buikpijn`,
    upFirst: (org: string) => `↑ ${org}: buikpijn (eerste stem)`,
    down: (org: string) => `↓ ${org}: geen buikpijn meer`,
    downFirst: (org: string) => `${org}: geen buikpijn (eerste stem)`,
    same: (orgs: string) => `= ongewijzigd: ${orgs}`,
  },
  regie: {
    holder: (org: string, since: string) => `Regie: ${org} (sinds ${since})`,
    none: 'Nog geen regiehouder',
    take: 'Regie nemen',
    handOver: 'Regie overdragen',
    handOverTo: 'Aan welke organisatie draagt u de regie over?',
    handOverPlaceholder: 'Kies een organisatie',
    handOverError: 'Kies de organisatie die de regie overneemt.',
    handOverSubmit: 'Overdragen',
  },
  caseActions: {
    heading: (open: number) => `Acties (${open} open)`,
    none: 'Nog geen acties.',
    meta: (org: string, due: string) => `${org} · uiterlijk ${due}`,
    overdue: (org: string, due: string) => `⚠ Verlopen — ${org} · uiterlijk ${due}`,
    overdueCount: (n: number) => `${n} ${n === 1 ? 'actie is' : 'acties zijn'} verlopen en ${n === 1 ? 'wacht' : 'wachten'} op afronding.`,
    settled: (parts: string) => `Afgerond: ${parts}`,
    settledPart: (verdict: string, n: number) => `${n} ${verdict}`,
    more: (n: number) => `en nog ${n} open ${n === 1 ? 'actie' : 'acties'}`,
    choice: (what: string, org: string) => `${what} (${org})`,
    add: 'Actie toevoegen',
    addSubmit: 'Actie vastleggen',
    what: 'Wat moet er gebeuren?',
    whatPlaceholder: 'Concreet en controleerbaar, zonder namen',
    whatError: 'Beschrijf de actie (minimaal 3 tekens).',
    org: 'Welke organisatie voert het uit?',
    orgPlaceholder: 'Kies een organisatie',
    orgError: 'Kies de organisatie die de actie uitvoert.',
    dueDate: 'Uiterlijk op (datum)',
    dueDateError: 'Kies de datum waarop de actie klaar moet zijn.',
    dueTime: 'Uiterlijk om (tijd)',
    dueTimeError: 'Kies de tijd waarop de actie klaar moet zijn.',
    settle: 'Actie afronden',
    settleWhich: 'Welke actie?',
    settleWhichError: 'Kies de actie die u afrondt.',
    verdict: 'Hoe is het afgelopen?',
    verdictPlaceholder: 'Kies een uitkomst',
    verdictError: 'Kies: gedaan, omstandigheden veranderd of niet uitgevoerd.',
    settleSubmit: 'Afronden',
  },
  reAgenda: {
    at: (when: string) => `Door-geagendeerd naar ${when}`,
    button: 'Door-agenderen',
    date: 'Volgende bespreking (datum)',
    dateError: (days: number) => `Kies een datum binnen ${days} dagen.`,
    time: 'Volgende bespreking (tijd)',
    timeError: 'Kies een tijd.',
    submit: 'Op de agenda zetten',
  },
  escalation: {
    line: (when: string, why: string) => `⚠ Naar Actieoverleg op ${when} — ${why}`,
  },
  closure: {
    at: (when: string) => `Zaak gesloten op ${when}`,
    despite: (orgs: string) => `⚠ Gesloten ondanks buikpijn van ${orgs}`,
    despiteNoOrgs: '⚠ Gesloten ondanks buikpijn',
    reason: (reason: string) => `**Reden:** ${reason}`,
  },
  chair: {
    heading: 'Voorzitter',
    startRound: 'Nieuwe ronde: wie heeft er nog buikpijn?',
    closeRound: 'Ronde sluiten',
    close: 'Zaak sluiten',
    closeDespite: 'Sluiten ondanks buikpijn',
    closeHint: 'Sluiten kan als de ronde gesloten is en niemand meer buikpijn heeft; anders alleen met een reden.',
    closeReason: 'Waarom sluit u de zaak ondanks de buikpijn?',
    closeReasonPlaceholder: 'De reden wordt bij het besluit vastgelegd (minimaal 20 tekens)',
    closeReasonError: (min: number) => `Geef een reden van minimaal ${min} tekens.`,
    closeDespiteSubmit: 'Zaak sluiten ondanks buikpijn',
  },
  actieoverleg: {
    title: (ref: string) => `Actieoverleg — HG-zaak ${ref}`,
    why: 'Waarom naar het Actieoverleg',
    escalatedAt: (when: string, why: string) => `Op ${when}: ${why}.`,
    reasonsHeading: 'Buikpijn per organisatie',
    reasonMeta: (org: string, round: number) => `**${org}** · ronde ${round}`,
    noReason: 'geen toelichting gegeven',
    moreReasons: (n: number) => `${n} oudere ${n === 1 ? 'toelichting' : 'toelichtingen'} — zie de zaak`,
    question: 'Vraag aan het Actieoverleg',
    attendees: 'Verwacht aan tafel',
    owner: (org: string, since: string) => `Casusverantwoordelijke: ${org} (sinds ${since})`,
    ownerNone: 'Casusverantwoordelijke: Nog niemand',
    becomeOwner: 'Ik word casusverantwoordelijke',
    editQuestion: 'Vraag aanpassen',
    questionInput: 'Concrete vraag aan het Actieoverleg',
    questionError: 'Stel een concrete vraag (minimaal 10 tekens).',
    questionSubmit: 'Vraag opslaan',
    toCase: 'Naar de zaak',
    olderContributions: (count: number) => `${count} oudere ${count === 1 ? 'bijdrage' : 'bijdragen'} — zie de zaak`,
  },
  agenda: {
    title: (location: string) => `Agenda ${location}`,
    titleAt: (location: string, at: string) => `Agenda ${location} voor ${at}`,
    count: (n: number) => `${n} open ${n === 1 ? 'zaak' : 'zaken'}`,
    empty: 'Geen open zaken',
    termijn: (left: string) => `Termijn: ${left}`,
    concern: (orgs: string) => `Buikpijn: ${orgs}`,
    noConcern: 'Geen buikpijn',
    actieoverleg: 'Actieoverleg',
    toCase: (ref: string) => `Naar zaak ${ref}`,
    more: (n: number) => `${n} ${n === 1 ? 'zaak past' : 'zaken passen'} niet op deze kaart.`,
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
