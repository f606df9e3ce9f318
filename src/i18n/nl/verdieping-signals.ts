import { nlVerdieping } from './verdieping';

/**
 * Dutch texts of informatievragen, risicotaxatie and lopende maatregelen as users meet them on the
 * case card and in the answers to their clicks (issue 14 items 4 and 5). Labels of levels, measure
 * types and decline reasons live in nlVerdieping (src/i18n/nl/verdieping.ts) and are reused here.
 */
const q = nlVerdieping.questions;
const r = nlVerdieping.risk;

export const nlVerdiepingSignals = {
  ok: {
    asked: (org: string) => `Uw vraag is gesteld aan ${org}.`,
    answered: 'Uw antwoord is vastgelegd als bijdrage bij de vraag.',
    declined: 'De vraag is geweigerd; de reden staat bij de vraag.',
    riskRequested: (instrument: string, org: string) => `${instrument} is gevraagd aan ${org}.`,
    riskRecorded: 'De uitkomst van de risicotaxatie is vastgelegd.',
    measureAdded: 'De maatregel is vastgelegd.',
    violationReported: 'De overtreding is vastgelegd.',
    escalated: 'De zaak gaat naar het Actieoverleg.',
  },
  errors: {
    ask_own_org: q.errors.ask_own_org,
    too_many_open: q.errors.too_many_open,
    not_asked_org: q.errors.not_asked_org,
    unknown_item: 'Deze vraag, taxatie of maatregel hoort niet bij deze zaak.',
    unknown_instrument: r.errors.unknown_instrument,
    already_requested: r.errors.already_requested,
    date_in_future: r.errors.date_in_future,
    already_recorded: r.errors.already_recorded,
    until_in_past: r.errors.until_in_past,
    violation_in_future: r.errors.in_future,
    measure_ended: r.errors.measure_ended,
    too_many_violations: r.errors.too_many,
  },
  card: {
    questionsHeading: (open: number) => (open === 0 ? 'Informatievragen' : `Informatievragen (${open} open)`),
    askedOfYou: 'Gevraagd van u',
    askedOfYouLine: (from: string, age: string) => `Gevraagd van u door ${from} (${age})`,
    openLine: (from: string, to: string, age: string) => `${from} vraagt ${to} (${age})`,
    why: 'Waarom nodig',
    changes: 'Wat het verandert',
    answeredLine: (to: string) => `Beantwoord door ${to} (bijdrage)`,
    declinedLine: (to: string, reason: string) => `Geweigerd door ${to}: ${reason}`,
    settledCount: (answered: number, declined: number) => `${answered} beantwoord, ${declined} geweigerd`,
    age: q.age,
    safetyHeading: r.title,
    riskRequested: r.requested,
    riskOutcome: r.outcome,
    measureLine: r.measureLine,
    violationDanger: (type: string, n: number) =>
      n === 1 ? `Overtreding van een ${type.toLowerCase()} gemeld` : `${n} overtredingen van een ${type.toLowerCase()} gemeld`,
    highRiskDanger: (instrument: string, level: string) => `${instrument}: risico ${level}`,
    none: 'Geen risicotaxatie of maatregel vastgelegd.',
    // forms
    required: 'Vul dit veld in.',
    askTitle: 'Vraag stellen',
    askTo: 'Aan welke organisatie?',
    askQuestion: 'Uw vraag',
    askWhy: 'Waarom is het antwoord nodig?',
    askChanges: 'Wat verandert het antwoord aan de aanpak?',
    askSubmit: 'Vraag stellen',
    answerTitle: 'Beantwoorden',
    answerText: 'Uw antwoord',
    answerSource: 'Bron',
    answerNeedToKnow: 'Waarom mogen de partners dit weten?',
    answerSubmit: 'Antwoord vastleggen',
    declineTitle: 'Weigeren',
    declineReason: 'Reden',
    declineNote: 'Toelichting (bij "Anders" verplicht)',
    declineSubmit: 'Weigeren',
    riskTitle: 'Risicotaxatie vragen',
    riskInstrument: 'Instrument',
    riskFrom: 'Aan welke organisatie?',
    riskSubmit: 'Taxatie vragen',
    outcomeTitle: 'Uitkomst vastleggen',
    outcomeLevel: 'Risiconiveau',
    outcomeDate: 'Datum van de taxatie',
    outcomeSubmit: 'Uitkomst vastleggen',
    measureTitle: 'Maatregel vastleggen',
    measureType: 'Soort maatregel',
    measureHolder: 'Houder',
    measureUntil: 'Loopt tot en met',
    measureSubmit: 'Maatregel vastleggen',
    violationTitle: 'Overtreding melden',
    violationDate: 'Datum',
    violationTime: 'Tijd',
    violationNote: 'Toelichting (optioneel)',
    violationSubmit: 'Overtreding melden',
  },
  reminder: {
    text: (n: number, code: string) =>
      n === 1 ? `Er ligt een vraag voor uw organisatie bij zaak ${code}.` : `Er liggen ${n} vragen voor uw organisatie bij zaak ${code}.`,
  },
} as const;
