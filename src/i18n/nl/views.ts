import type { PartnerOrg } from '../../domain/orgs';

/**
 * Dutch texts of the need-to-know views: the minimal channel messages, the "Openen" action, the
 * refusal of a personal view, and restricted contributions.
 */
export const nlViews = {
  channel: {
    caseTitle: (ref: string) => `Zaak ${ref}`,
    actieoverlegTitle: (ref: string) => `Actieoverleg — zaak ${ref}`,
    adviceTitle: (ref: string) => `Advies aan de OvJ — zaak ${ref}`,
    hg: 'HG',
    km: 'KM',
    termijn: (when: string) => `Termijn: ${when}`,
    termijnPassed: 'Termijn verstreken',
    round: (round: number, voted: number, expected: number, concern: number) =>
      `ronde ${round} · ${voted} van ${expected} gestemd · ${concern} buikpijn`,
    escalated: (yes: boolean) => (yes ? 'Geëscaleerd naar het Actieoverleg: ja' : 'Geëscaleerd naar het Actieoverleg: nee'),
    closed: 'Zaak gesloten',
    adviceStatus: {
      draft: 'Advies in concept',
      sent: 'Advies verzonden, wacht op beslissing',
      decided: 'Beslissing vastgelegd',
    } as Record<string, string>,
    privacyNote: 'De inhoud van de zaak staat alleen in je persoonlijke weergave. Druk op Openen.',
    open: 'Openen',
  },
  thread: {
    /** The case thread is a channel: the terugkoppeling says that there is news, not what it is. */
    feedbackDecision: (ref: string) => `Terugkoppeling zaak ${ref}: de OvJ heeft besloten. Open de zaak voor het besluit.`,
    feedbackFollowUp: (ref: string, closed: boolean) =>
      `Terugkoppeling zaak ${ref}: de regiehouder heeft ingevuld wat ervan is gekomen.${closed ? ' De zaak is gesloten.' : ' De zaak blijft open.'} Open de zaak voor de inhoud.`,
  },
  refused: {
    /** A person who may not see this card's content. */
    view: 'Je kunt deze inhoud niet openen: je staat niet op het rooster van deze ZSM-locatie of hebt voor deze kaart geen need-to-know.',
  },
  restricted: {
    /** "Bijdrage van VT, alleen zichtbaar voor Politie, OM, RvdK" */
    withheld: (org: string, visibleTo: string) => `Bijdrage van ${org}, alleen zichtbaar voor ${visibleTo}`,
    /** On a contribution the viewer may read: who else may. */
    visibleTo: (orgs: string) => `Alleen zichtbaar voor ${orgs}`,
    input: 'Zichtbaar voor',
    inputHint: 'Standaard alle organisaties van het rooster. Je eigen organisatie ziet de bijdrage altijd.',
  },
  orgsShort: {
    politie: 'Politie',
    om: 'OM',
    '3ro': '3RO',
    rvdk: 'RvdK',
    shn: 'SHN',
    halt: 'Halt',
    vt: 'VT',
  } as const satisfies Record<PartnerOrg, string>,
} as const;
