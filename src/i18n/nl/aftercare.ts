import type { FollowUpError, FollowUpOutcome, FollowUpTarget } from '../../domain/aftercare/follow-up';
import type { HandedOverItem, HandoverError, ReceivingKind } from '../../domain/aftercare/handover';
import type { MeetingError, PrepareError } from '../../domain/aftercare/meeting';
import type { DecisionSubject, InterventionPhase, OutcomeError } from '../../domain/aftercare/outcome';
import type { RepeatTrigger } from '../../domain/aftercare/repeat-escalation';
import type { EarlierDecision, ReturningSummary } from '../../domain/aftercare/returning';
import type { ReportPeriodError } from '../../domain/aftercare/report';
import type { EscalationRule } from '../../domain/rounds/escalation';

/**
 * Dutch texts of everything after the decision: the Actieoverleg meeting and its outcome, closing
 * with a handover, oude bekenden, "wat is ervan gekomen?" and the rapportage. Errors never repeat
 * what was submitted.
 */
export const nlAftercare = {
  meeting: {
    errors: {
      not_case_owner: 'Alleen de casusverantwoordelijke legt het moment van het Actieoverleg vast.',
      invalid_moment: 'Deze datum of tijd bestaat niet (let op de zomertijd). Kies een ander moment.',
      not_in_future: 'Het moment ligt in het verleden. Kies een moment later dan nu.',
      too_far: 'Het moment ligt te ver vooruit (maximaal 60 dagen).',
      no_place_or_link: 'Vul een plaats of een Teams-vergaderlink in.',
      link_not_teams: 'De link is geen Teams-vergaderlink (https://teams.microsoft.com/…).',
      no_invitees: 'Er is niemand uitgenodigd.',
    } satisfies Record<MeetingError, string>,
    prepareErrors: {
      not_invited: 'Je organisatie is niet uitgenodigd voor dit Actieoverleg.',
      meeting_started: 'Het Actieoverleg is al begonnen; voorbereid melden kan niet meer.',
      brings_too_long: 'Wat je meebrengt is te lang (maximaal 500 tekens).',
    } satisfies Record<PrepareError, string>,
    moment: (when: string, where: string) => `Actieoverleg: ${when}, ${where}`,
    teamsMeeting: 'Teams-vergadering',
    reminder: (when: string) => `Herinnering: morgen is het Actieoverleg (${when}). Meld je voorbereid met wat je meebrengt.`,
    prepared: (n: number, of: number) => `${n} van ${of} partners voorbereid`,
    preparedButton: 'Voorbereid',
  },
  /** The meeting on the Actieoverleg card: the moment form, "voorbereid", the reminder. */
  meetingExtra: {
    noMeeting: 'Er is nog geen moment voor het Actieoverleg vastgelegd.',
    notPrepared: (orgs: string) => `Nog niet voorbereid: ${orgs}.`,
    heading: 'Het Actieoverleg',
    none: 'Nog geen moment vastgelegd. De casusverantwoordelijke legt het moment vast.',
    where: (place: string | undefined, teams: boolean) =>
      teams ? (place ? `${place} of Teams-vergadering` : 'Teams-vergadering') : (place ?? ''),
    joinTeams: 'Deelnemen aan de Teams-vergadering',
    preparedLine: (org: string, brings: string) => (brings ? `✓ ${org} voorbereid: ${brings}` : `✓ ${org} voorbereid`),
    notPreparedLine: (orgs: string) => `Nog niet voorbereid: ${orgs}`,
    youArePrepared: 'Je organisatie is voorbereid. Je kunt aanpassen wat je meebrengt.',
    setTitle: 'Moment vastleggen',
    moveTitle: 'Moment verplaatsen',
    dateLabel: 'Datum',
    datePlaceholder: 'Kies een datum (dd-mm-jjjj)',
    timeLabel: 'Tijd',
    timePlaceholder: 'Kies een tijd (uu:mm)',
    placeLabel: 'Plaats (of laat leeg bij een Teams-vergadering)',
    linkLabel: 'Teams-vergaderlink (optioneel)',
    save: 'Moment opslaan',
    prepareTitle: 'Voorbereid melden',
    bringsLabel: 'Wat breng je mee? (informatie die je vooraf hebt verzameld, zonder namen)',
    prepareSubmit: 'Ik ben voorbereid',
    set: 'Het moment van het Actieoverleg is vastgelegd.',
    preparedSaved: 'Genoteerd: je organisatie is voorbereid.',
    invalidForm: 'Vul een geldige datum en tijd in, en een plaats of een Teams-vergaderlink.',
  },
  outcomeExtra: {
    thread: (code: string) => `Zaak ${code}: de uitkomst van het Actieoverleg is vastgelegd. Open de zaak voor de besluiten en acties.`,
    feedbackHeading: (code: string) => `Terugkoppeling Actieoverleg, zaak ${code}. Besloten:`,
    actionsHeading: 'Wie doet wat, wanneer:',
    dueOn: (date: string) => `uiterlijk ${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`,
    heading: 'Uitkomst van het Actieoverleg',
    recordTitle: 'Uitkomst vastleggen',
    correctTitle: 'Uitkomst aanpassen',
    decisionLabel: (n: number) => `Besluit ${n}`,
    decisionPlaceholder: 'Wat is besloten (zonder namen)',
    subjectLabel: 'Over',
    phaseLabel: 'Fase',
    actionLabel: (n: number) => `Actie ${n}`,
    actionOwnerLabel: 'Wie',
    actionWhatPlaceholder: 'Wat (zonder namen)',
    actionDueLabel: 'Uiterlijk op',
    zvhToggle: 'Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie',
    save: 'Uitkomst opslaan',
    saved: 'De uitkomst van het Actieoverleg is vastgelegd. De partners krijgen terugkoppeling.',
    more: (n: number) => `… en nog ${n} (volledig in de terugkoppeling)`,
    invalidForm: 'Vul elk besluit (minstens 3 tekens) en elke actie (wie, wat en een datum) volledig in.',
  },
  outcome: {
    errors: {
      not_case_owner: 'Alleen de casusverantwoordelijke legt de uitkomst vast.',
      no_meeting: 'Er is nog geen moment voor het Actieoverleg vastgelegd.',
      meeting_not_held: 'Het Actieoverleg heeft nog niet plaatsgevonden.',
      no_decision: 'Leg minstens één besluit vast over het veiligheidsplan of de interventies.',
      due_before_meeting: 'Een actie heeft een datum vóór het Actieoverleg.',
      invalid_due: 'Een actie heeft een ongeldige datum.',
    } satisfies Record<OutcomeError, string>,
    phase: { safety: 'Veiligheid', care: 'Zorg', recovery: 'Herstel' } satisfies Record<InterventionPhase, string>,
    subject: { safety_plan: 'Veiligheidsplan', intervention: 'Interventie' } satisfies Record<DecisionSubject, string>,
    zvh: (yes: boolean) =>
      yes ? 'Aangemeld bij het Zorg- en Veiligheidshuis voor casusregie' : 'Niet aangemeld bij het Zorg- en Veiligheidshuis',
    recorded: 'De uitkomst van het Actieoverleg is vastgelegd. Open de zaak voor de besluiten en acties.',
  },
  repeatTrigger: {
    no_earlier_decision: 'geen eerder besluit',
    new_reason: 'een nieuwe reden voor buikpijn',
    new_org: 'buikpijn van een nieuwe partner',
    acute_unsafe: 'nieuw acuut onveilig',
    measure_violation: 'een overtreding',
    new_incident: 'een nieuw incident',
  } satisfies Record<RepeatTrigger, string>,
  handover: {
    errors: {
      unknown_party: 'Kies een ontvangende partij uit de lijst.',
      none_needs_reason: 'Geef een reden (minstens 10 tekens) waarom niemand de zaak overneemt.',
      none_hands_nothing: 'Zonder ontvangende partij wordt niets overgedragen; haal de vinkjes weg.',
      nothing_handed_over: 'Kies wat er wordt overgedragen.',
      other_needs_note: 'Beschrijf bij "overig" wat er wordt overgedragen.',
    } satisfies Record<HandoverError, string>,
    kind: {
      save_jeugdbescherming: 'SAVE / jeugdbescherming',
      wijkteam: 'Wijkteam',
      zvh: 'Zorg- en Veiligheidshuis',
      mda_plus_plus: 'MDA++',
      none: 'Geen overdracht',
    } satisfies Record<ReceivingKind, string>,
    item: {
      safety_plan: 'Veiligheidsplan',
      risk_assessment: 'Risicotaxatie',
      actieoverleg_agreements: 'Afspraken van het Actieoverleg',
      ovj_advice: 'Advies aan de OvJ',
      contact_person: 'Contactpersoon',
      other: 'Overig',
    } satisfies Record<HandedOverItem, string>,
    closedTo: (party: string) => `Zaak gesloten en overgedragen aan ${party}.`,
    closedNone: 'Zaak gesloten zonder overdracht.',
  },
  returning: {
    decision: {
      escalated: 'geëscaleerd',
      closed: 'gesloten',
      closed_despite_concern: 'gesloten ondanks buikpijn',
      open: 'nog open',
    } satisfies Record<EarlierDecision, string>,
    line: (s: Pick<ReturningSummary, 'count'>, last: string) =>
      s.count === 1 ? `Oude bekende: 1 eerdere zaak (${last}).` : `Oude bekende: ${s.count} eerdere zaken (laatste ${last}).`,
    measureRunning: 'Er loopt nog een maatregel uit een eerdere zaak.',
    leadNote: 'Een persoon uit een zaak waarvan jij casusverantwoordelijke was, is terug in een nieuwe zaak. Open de nieuwe zaak.',
  },
  followUp: {
    errors: {
      no_case_lead: 'Deze zaak heeft geen casusverantwoordelijke om de vraag aan te stellen.',
      already_open: 'De vraag "wat is ervan gekomen?" staat al open.',
    } satisfies Record<FollowUpError, string>,
    outcome: {
      carried_out: 'Uitgevoerd',
      partly_carried_out: 'Deels uitgevoerd',
      not_carried_out: 'Niet uitgevoerd',
      unknown: 'Onbekend',
    } satisfies Record<FollowUpOutcome, string>,
    question: 'Wat is ervan gekomen? Jij bent casusverantwoordelijke; geef kort aan hoe het ervoor staat.',
    reminder: 'Herinnering: de vraag "wat is ervan gekomen?" is nog niet beantwoord.',
    target: { thread: 'de zaak', contributors: 'de partners die bijdroegen', ovj_advice_card: 'het advies aan de OvJ' } satisfies Record<
      FollowUpTarget,
      string
    >,
  },
  report: {
    periodErrors: {
      invalid_period: 'Kies een geldige periode.',
      empty_period: 'De einddatum ligt niet na de begindatum.',
      period_too_long: 'Kies een periode van hoogstens een jaar; voor langere reeksen: één export per jaar.',
    } satisfies Record<ReportPeriodError, string>,
    title: (location: string, from: string, to: string) => `Rapportage ${location}, ${from} t/m ${to}`,
    allLocations: 'alle locaties',
    csvHeader: ['locatie', 'periode_van', 'periode_tot', 'kengetal', 'waarde'] as const,
    rule: {
      acute_unsafe: 'acuut onveilig',
      persistent_several_orgs: 'meerdere partners houden buikpijn',
      persistent_rounds: 'buikpijn over meerdere rondes',
      persistent_time: 'buikpijn te lang',
      repeat_report: 'hermelding (oude bekende)',
      measure_violation: 'overtreding van een maatregel',
      high_risk: 'hoog risico uit een risicotaxatie',
    } satisfies Record<EscalationRule, string>,
    /** Labels of `figureLines` keys; unknown keys fall back to the key itself. */
    figure: {
      cases: 'Zaken',
      with_children: 'Zaken met kinderen',
      with_children_share: 'Aandeel met kinderen',
      re_agenda: 'Zaken door-geagendeerd',
      re_agenda_share: 'Aandeel door-geagendeerd',
      rounds_per_case: 'Rondes per zaak (gemiddeld)',
      intake_to_first_vote_median_min: 'Intake tot eerste stem, mediaan (min)',
      intake_to_first_vote_p90_min: 'Intake tot eerste stem, 90e percentiel (min)',
      intake_to_decision_median_min: 'Intake tot besluit, mediaan (min)',
      intake_to_decision_p90_min: 'Intake tot besluit, 90e percentiel (min)',
      decision_escalated: 'Besluit: geëscaleerd',
      decision_closed: 'Besluit: gesloten',
      decision_closed_despite_concern: 'Besluit: gesloten ondanks buikpijn',
      escalation_acute_unsafe: 'Escalaties: acuut onveilig',
      escalation_persistent_several_orgs: 'Escalaties: meerdere partners',
      escalation_persistent_rounds: 'Escalaties: meerdere rondes',
      escalation_persistent_time: 'Escalaties: te lang',
      escalation_repeat_report: 'Escalaties: hermelding',
      escalation_measure_violation: 'Escalaties: overtreding maatregel',
      escalation_high_risk: 'Escalaties: hoog risico',
      vt_evening_consultations: 'VT-consultaties buiten kantoortijd',
      vt_evening_answered: 'VT-consultaties beantwoord',
      vt_evening_response_median_min: 'VT-antwoordtijd, mediaan (min)',
      vt_evening_response_p90_min: 'VT-antwoordtijd, 90e percentiel (min)',
      phase_safety: 'Besluiten fase veiligheid',
      phase_care: 'Besluiten fase zorg',
      phase_recovery: 'Besluiten fase herstel',
      follow_up_carried_out: 'Wat is ervan gekomen: uitgevoerd',
      follow_up_partly_carried_out: 'Wat is ervan gekomen: deels',
      follow_up_not_carried_out: 'Wat is ervan gekomen: niet uitgevoerd',
      follow_up_unknown: 'Wat is ervan gekomen: onbekend',
      follow_up_unanswered: 'Wat is ervan gekomen: onbeantwoord',
      hermelding_6m: 'Hermelding binnen 6 maanden',
      hermelding_6m_of: 'Zaken met 6 maanden nazicht',
      hermelding_6m_share: 'Aandeel hermelding binnen 6 maanden',
      hermelding_12m: 'Hermelding binnen 12 maanden',
      hermelding_12m_of: 'Zaken met 12 maanden nazicht',
      hermelding_12m_share: 'Aandeel hermelding binnen 12 maanden',
    } as Readonly<Record<string, string>>,
  },
} as const;

export const reportFigureLabel = (key: string): string => nlAftercare.report.figure[key] ?? key;
