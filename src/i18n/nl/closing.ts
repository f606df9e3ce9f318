/**
 * Closing with a handover (issue 15 item 2), the safety plan's closing rule (issue 14) and "wat is
 * ervan gekomen?" that reaches the case lead (issue 15 item 4). Labels of receiving parties and
 * handed-over items are in aftercare.ts (nlAftercare.handover).
 */
export const nlClosing = {
  errors: {
    safety_not_placed:
      'Sluiten kan nog niet: niet iedereen in het veiligheidsplan heeft een verantwoordelijke voor de veiligheid. Leg die vast via Verdiepen, of laat de voorzitter sluiten ondanks het veiligheidsplan (met reden).',
  },
  /** Hints per invalid field (paths as src/app/course/closing.ts reports them). */
  fieldHints: {
    'handover.party': 'Kies wie de zaak overneemt (of "Geen overdracht").',
    'handover.items': 'Kies wat er wordt overgedragen.',
    'handover.noneReason': 'Geef een reden (minstens 10 tekens) waarom niemand de zaak overneemt.',
    'handover.note': 'Beschrijf bij "overig" wat er wordt overgedragen.',
    'handover.unexpectedItems': 'Zonder ontvangende partij wordt niets overgedragen; haal de vinkjes weg.',
  },
  view: {
    title: (ref: string) => `Zaak ${ref} sluiten`,
    intro:
      'Wie houdt de zaak vanaf nu vast, en wat wordt er overgedragen? De ontvangende partij en de partners die bijdroegen krijgen terugkoppeling.',
    nothing: 'Sluiten kan nu niet: sluit eerst de ronde.',
    closed: 'Deze zaak is al gesloten.',
  },
  form: {
    /** The chair's one close form (normal or "ondanks"). */
    title: 'Zaak sluiten',
    despiteTitle: (what: string) => `Sluiten ondanks ${what}`,
    despiteBuikpijn: 'buikpijn',
    despiteSafety: 'veiligheidsplan',
    despiteBoth: 'buikpijn en veiligheidsplan',
    concernLine: (orgs: string) => `Er is nog buikpijn bij ${orgs}.`,
    unplacedLine: (persons: string) => `Niemand verantwoordelijk voor de veiligheid van: ${persons}.`,
    party: 'Wie neemt de zaak over?',
    partyPlaceholder: 'Kies de ontvangende partij',
    partyError: 'Kies wie de zaak overneemt.',
    items: 'Wat wordt overgedragen?',
    note: 'Toelichting bij de overdracht (bij "overig" verplicht)',
    notePlaceholder: 'Bijvoorbeeld: contactpersoon bij het wijkteam is geïnformeerd',
    noneReason: 'Reden als niemand de zaak overneemt',
    noneReasonPlaceholder: 'Bijvoorbeeld: gezin verhuisd buiten de regio',
    submit: 'Zaak sluiten',
    despiteSubmit: 'Sluiten ondanks',
    /** Closing after the terugkoppeling: the toggle's form. */
    afterFollowUp: 'Als u de zaak sluit: wie neemt haar over?',
  },
  /** The closing on the case card (under the closure line). */
  card: {
    handoverTo: (party: string, items: string) => `Overgedragen aan ${party}: ${items}.`,
    handoverNone: (reason: string) => `Geen overdracht: ${reason}`,
    note: (text: string) => `Toelichting: ${text}`,
    despiteSafety: (persons: string) => `Gesloten ondanks het veiligheidsplan: niemand verantwoordelijk voor ${persons}.`,
  },
  /** Terugkoppeling of the closing. */
  feedback: {
    /** Thread (location channel): only that it closed and who holds it; no content. */
    thread: (ref: string, party: string | null) =>
      party
        ? `Zaak ${ref} is gesloten en overgedragen aan ${party}. Open de zaak voor de overdracht.`
        : `Zaak ${ref} is gesloten zonder overdracht.`,
    /** 1:1 to contributors and the receiving organisation: what was handed over. */
    personal: (ref: string, party: string | null, items: string, note: string | null, noneReason: string | null) =>
      [
        party ? `Zaak ${ref} is gesloten en overgedragen aan ${party}.` : `Zaak ${ref} is gesloten zonder overdracht.`,
        ...(party ? [`Overgedragen: ${items}.`] : []),
        ...(noneReason ? [`Reden: ${noneReason}`] : []),
        ...(note ? [`Toelichting: ${note}`] : []),
      ].join('\n\n'),
    toReceiving: (org: string) => `U (${org}) bent de ontvangende partij: de zaak ligt vanaf nu bij u.`,
  },
  /** "Wat is ervan gekomen?" to the case lead (1:1), with a mention in the thread, and its reminders. */
  followUp: {
    mentionLabel: (org: string) => `regiehouder ${org}`,
    personal: (ref: string, link: string | undefined) =>
      `Wat is er gekomen van het besluit van de OvJ in zaak ${ref}? U bent de regiehouder. Vul het in op de kaart van de zaak` +
      (link ? `: ${link}` : ' in het kanaal van de locatie.'),
    thread: (ref: string, mention: string) =>
      `Wat is er gekomen van het besluit in zaak ${ref}? ${mention}, wilt u het op de kaart invullen?`,
    threadNoLead: (ref: string) => `Wat is er gekomen van het besluit in zaak ${ref}? De regiehouder kan het op de kaart invullen.`,
    reminderPersonal: (ref: string, n: number, link: string | undefined) =>
      `Herinnering ${n}: wat is er gekomen van het besluit van de OvJ in zaak ${ref}? De vraag staat nog open.` +
      (link ? ` Vul het in op de kaart: ${link}` : ' Vul het in op de kaart in het kanaal van de locatie.'),
    reminderThread: (ref: string, mention: string) =>
      `Herinnering: wat is er gekomen van het besluit in zaak ${ref}? ${mention}, de vraag staat nog open.`,
    /** On the OvJ's advice card while unanswered. */
    adviceAsked: (org: string, at: string) => `Wat is ervan gekomen? Gevraagd aan ${org} (${at}); nog geen antwoord.`,
    adviceReminders: (n: number) => (n === 1 ? '1 herinnering verstuurd.' : `${n} herinneringen verstuurd.`),
    adviceAnswered: (org: string) => `Beantwoord door ${org}.`,
  },
} as const;
