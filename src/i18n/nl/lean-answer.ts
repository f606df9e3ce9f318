/**
 * Dutch texts of the lean answer to a vote (`cards/case-card-lean.json`, docs/cards.md "The lean
 * answer"): the actor sees the outcome at once and the full card one click away.
 */
export const nlLeanAnswer = {
  fullCard: {
    title: 'Volledige kaart',
    hint: 'Korte weergave na uw stem. Details, contextinformatie en Verdiepen staan op de volledige kaart: Teams laadt die bij het volgende openen, of druk op "Volledige kaart".',
  },
} as const;
