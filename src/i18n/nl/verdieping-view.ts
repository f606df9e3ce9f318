/** The separate verdieping view (cards/verdieping.json) and its button on the case card. */
export const nlVerdiepingView = {
  /** The one button on the case card that opens the verdieping forms. */
  open: 'Verdiepen',
  title: (caseCode: string) => `Verdiepen · ${caseCode}`,
  intro: 'De formulieren van de verdieping. Na versturen ziet u de zaak weer.',
  empty: 'Op deze zaak is nu niets te verdiepen.',
  sections: {
    asked: 'Gevraagd van u',
    reading: 'Duiding, veiligheidsplan en betrokkenen',
    signals: 'Informatievragen, risicotaxatie en maatregelen',
    chair: 'Voorzitter',
  },
} as const;
