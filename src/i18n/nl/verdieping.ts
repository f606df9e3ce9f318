import type { PersonRole } from '../../domain/persons';
import type { PersonRef } from '../../domain/verdieping/common';
import type { RiskLevel } from '../../domain/verdieping/config';
import type { DeclineReason, InfoRequestStatus } from '../../domain/verdieping/info-request';
import type { MissingItem, Relationship, ViolenceForm } from '../../domain/verdieping/people';
import type { CasePhase, HorizonReason, HorizonTimeError, PhaseError } from '../../domain/verdieping/phase';
import type { SafetyStatus } from '../../domain/verdieping/safety-plan';
import type { MeasureType, SafetyEscalationRule } from '../../domain/verdieping/safety-signals';

/** Dutch texts of verdieping (issue 14): phases, duiding, veiligheidsplan, informatievragen, risico, betrokkenen. */

const roleNoun: Record<PersonRole, string> = {
  verdachte: 'de verdachte',
  slachtoffer: 'het slachtoffer',
  kind: 'het kind',
  ouder: 'de ouder',
  getuige: 'de getuige',
  overig: 'de betrokkene',
};

const roleLabel: Record<PersonRole, string> = {
  verdachte: 'verdachte',
  slachtoffer: 'slachtoffer',
  kind: 'kind',
  ouder: 'ouder',
  getuige: 'getuige',
  overig: 'betrokkene',
};

/** "kind, 13 jr" / "slachtoffer": a label, never a name. Several of a role without an age get their ordinal. */
export function personLabel(p: PersonRef, all: readonly PersonRef[] = []): string {
  if (p.age !== undefined) return `${roleLabel[p.role]}, ${p.age} jr`;
  const sameRole = all.filter((o) => o.role === p.role).length;
  return sameRole > 1 ? `${roleLabel[p.role]} ${p.ref.split('-')[1]}` : roleLabel[p.role];
}

/** "het kind van 13" in a sentence. */
function personInSentence(p: PersonRef, all: readonly PersonRef[]): string {
  if (p.age !== undefined) return `${roleNoun[p.role]} van ${p.age}`;
  const sameRole = all.filter((o) => o.role === p.role).length;
  return sameRole > 1 ? `${roleNoun[p.role]} (${p.ref.split('-')[1]})` : roleNoun[p.role];
}

const missingSentence: Record<MissingItem, (who: string) => string> = {
  niet_gesproken: (who) => `Met ${who} is niet gesproken.`,
  niet_geinformeerd: (who) => `Het is niet bekend dat ${who} weet dat de zaak besproken wordt.`,
  geweldsvorm_onbekend: (who) => `De vorm van geweld bij ${who} is niet vastgelegd.`,
  relatie_onbekend: (who) => `De relatie van ${who} tot de verdachte is niet vastgelegd.`,
  wensen_onbekend: (who) => `De wensen van ${who} zijn niet bekend.`,
};

export const nlVerdieping = {
  phase: { zsm: 'ZSM', verdieping: 'Verdieping' } satisfies Record<CasePhase, string>,
  horizonReason: {
    termijn_case: 'Termijnzaak',
    held_by_prosecutor: 'Aangehouden',
    awaiting_statement: 'Wacht op een verklaring',
    awaiting_risk_assessment: 'Wacht op een risicotaxatie',
    awaiting_information: 'Wacht op informatie',
    check_safety_plan: 'Veiligheidsplan controleren',
    other: 'Anders',
  } satisfies Record<HorizonReason, string>,
  /** The line that replaces the dead termijn on the card. */
  nextMoment: (when: string, reason: string) => `Volgende bespreking: ${when} (${reason})`,
  nextMomentPassed: (reason: string) => `Volgende bespreking is verstreken (${reason})`,
  timeline: {
    verdieping_gestart: (when: string, reason: string) => `In verdieping genomen, volgende bespreking ${when} (${reason})`,
    horizon_verschoven: (when: string, reason: string, before: string) =>
      `Volgende bespreking verschoven van ${before} naar ${when} (${reason})`,
  },
  phaseErrors: {
    not_chair: 'Alleen de voorzitter kan dit doen.',
    case_closed: 'Deze zaak is gesloten.',
    already_in_verdieping: 'Deze zaak is al in verdieping. Verschuif de volgende bespreking.',
    not_in_verdieping: 'Deze zaak is nog niet in verdieping.',
    invalid_time: 'Deze datum of tijd is niet te lezen.',
    nonexistent_local_time: 'Die tijd bestaat niet op die dag (de klok gaat vooruit). Kies een andere tijd.',
    not_in_future: 'De volgende bespreking moet in de toekomst liggen.',
    too_far: 'De volgende bespreking ligt te ver weg. Kies een eerder moment.',
  } satisfies Record<PhaseError | HorizonTimeError, string>,

  reading: {
    title: 'Gezamenlijke duiding',
    whatHappened: 'Wat is er gebeurd',
    worries: 'Zorgen',
    protectiveFactors: 'Beschermende factoren',
    unknowns: 'Wat weten we nog niet',
    sharedGoal: 'Wat willen we samen bereiken?',
    version: (n: number, org: string, when: string) => `Versie ${n}, voorgesteld door ${org} op ${when}`,
    confirmed: (when: string) => `Bevestigd door de voorzitter op ${when}`,
    none: 'Er is nog geen bevestigde gezamenlijke duiding.',
    pending: (n: number) =>
      n === 1 ? 'Er ligt 1 voorstel klaar voor de voorzitter.' : `Er liggen ${n} voorstellen klaar voor de voorzitter.`,
    errors: {
      case_closed: 'Deze zaak is gesloten.',
      stale_base: 'Iemand heeft de duiding intussen aangepast. Bekijk de nieuwste versie en pas uw voorstel daarop aan.',
      unknown_contribution: 'Een gekozen bijdrage hoort niet bij deze zaak.',
      too_many_versions: 'Deze duiding heeft het maximale aantal versies.',
      unchanged: 'Uw voorstel is gelijk aan de huidige versie.',
      not_chair: 'Alleen de voorzitter bevestigt de duiding.',
      no_such_version: 'Deze versie bestaat niet.',
      older_than_confirmed: 'Er is al een nieuwere versie bevestigd.',
    },
  },

  safety: {
    title: 'Veiligheidsplan',
    status: { proposed: 'voorgesteld', running: 'loopt', realised: 'gerealiseerd', stopped: 'gestopt' } satisfies Record<
      SafetyStatus,
      string
    >,
    noHolder: (who: string) => `Voor ${who} is niemand verantwoordelijk voor de veiligheid.`,
    line: (who: string, holder: string, measure: string, status: string, check: string) =>
      `${who}: ${holder} — ${measure} (${status}, controle ${check})`,
    closeRefused: (who: string) =>
      `De zaak kan niet gewoon gesloten worden: de veiligheid is niet belegd voor ${who}. De voorzitter kan sluiten met een reden.`,
    errors: {
      case_closed: 'Deze zaak is gesloten.',
      unknown_person: 'Deze betrokkene hoort niet bij deze zaak.',
      unknown_receiving_party: 'Deze partij is niet ingesteld voor deze locatie.',
      unchanged: 'Er is niets veranderd.',
      not_chair: 'Alleen de voorzitter kan sluiten ondanks een onvolledig veiligheidsplan.',
      reason_too_short: 'Geef een reden van minstens 20 tekens.',
      reason_too_long: 'De reden is te lang.',
    },
  },

  questions: {
    title: 'Informatievragen',
    status: { open: 'open', answered: 'beantwoord', declined: 'geweigerd' } satisfies Record<InfoRequestStatus, string>,
    declineReason: {
      no_legal_basis: 'Geen wettelijke grondslag om te delen',
      consent_needed: 'Toestemming van de betrokkene nodig',
      not_known: 'Niet bekend bij onze organisatie',
      other: 'Anders',
    } satisfies Record<DeclineReason, string>,
    age: (hours: number) => (hours < 24 ? `${hours} uur open` : `${Math.floor(hours / 24)} dag(en) open`),
    askedOfYou: (n: number) => (n === 1 ? 'Er ligt 1 vraag voor uw organisatie.' : `Er liggen ${n} vragen voor uw organisatie.`),
    errors: {
      case_closed: 'Deze zaak is gesloten.',
      ask_own_org: 'Stel de vraag aan een andere organisatie.',
      too_many_open: 'Er staan te veel vragen open bij deze zaak.',
      not_asked_org: 'Alleen de gevraagde organisatie kan deze vraag beantwoorden of weigeren.',
      already_settled: 'Deze vraag is al beantwoord of geweigerd.',
    },
  },

  risk: {
    title: 'Risicotaxatie en maatregelen',
    level: { low: 'laag', medium: 'gemiddeld', high: 'hoog' } satisfies Record<RiskLevel, string>,
    requested: (instrument: string, org: string) => `${instrument} gevraagd aan ${org}`,
    outcome: (instrument: string, level: string, date: string) => `${instrument}: risico ${level} (${date})`,
    measureType: {
      location_ban: 'Locatieverbod',
      contact_ban: 'Contactverbod',
      behaviour_order: 'Gedragsaanwijzing',
      temporary_house_ban: 'Tijdelijk huisverbod',
      special_conditions: 'Bijzondere voorwaarden',
      probation_supervision: 'Reclasseringstoezicht',
      other: 'Andere maatregel',
    } satisfies Record<MeasureType, string>,
    measureLine: (type: string, holder: string, until: string) => `${type}, houder ${holder}, tot en met ${until}`,
    violation: (type: string, when: string) => `⚠ Overtreding van ${type.toLowerCase()} op ${when}`,
    escalationRule: {
      measure_violation: 'Een lopende maatregel is overtreden',
      high_risk: 'Een risicotaxatie geeft een hoog risico',
    } satisfies Record<SafetyEscalationRule, string>,
    errors: {
      case_closed: 'Deze zaak is gesloten.',
      unknown_instrument: 'Dit instrument is niet ingesteld voor deze locatie.',
      already_requested: 'Dit instrument is al gevraagd aan deze organisatie.',
      not_asked_org: 'Alleen de gevraagde organisatie legt de uitkomst vast.',
      date_in_future: 'De datum van de uitkomst ligt in de toekomst.',
      already_recorded: 'De uitkomst is al vastgelegd.',
      until_in_past: 'De einddatum van de maatregel ligt in het verleden.',
      in_future: 'Het moment van de overtreding ligt in de toekomst.',
      measure_ended: 'De maatregel liep toen niet meer.',
      too_many: 'Bij deze maatregel zijn al te veel overtredingen vastgelegd.',
    },
  },

  people: {
    title: 'Betrokkenen',
    violenceForm: {
      partner_violence: 'Partnergeweld',
      ex_partner_stalking: 'Ex-partnerstalking',
      honour_based_violence: 'Eergerelateerd geweld',
      elder_abuse: 'Ouderenmishandeling',
      child_abuse: 'Kindermishandeling',
      child_to_parent_violence: 'Kind-ouder-geweld',
      other: 'Andere vorm',
    } satisfies Record<ViolenceForm, string>,
    relationship: {
      partner: 'partner',
      ex_partner: 'ex-partner',
      child: 'kind',
      parent: 'ouder',
      other_relative: 'ander familielid',
      housemate: 'huisgenoot',
      other: 'anders',
    } satisfies Record<Relationship, string>,
    spokenBy: (org: string) => `gesproken door ${org}`,
    notSpoken: 'niet gesproken',
    informed: (yes: boolean) => (yes ? 'weet dat de zaak besproken wordt' : 'weet nog niet dat de zaak besproken wordt'),
    errors: { case_closed: 'Deze zaak is gesloten.', unknown_person: 'Deze betrokkene hoort niet bij deze zaak.' },
  },

  personLabel,
  /** One sentence per missing item, for the advice ("Met het kind van 13 is niet gesproken."). */
  missingLines: (items: readonly { person: PersonRef; missing: readonly MissingItem[] }[], all: readonly PersonRef[]): string[] =>
    items.flatMap(({ person, missing }) => missing.map((m) => capitalise(missingSentence[m](personInSentence(person, all))))),
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
