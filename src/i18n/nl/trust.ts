/** Dutch texts of the trust boundary: refused card input, chats the bot does not serve. */
export const nlTrust = {
  /** A card action carried fields this action does not know (like the intake: unknown fields are refused). */
  unknownFields: 'Deze actie bevat velden die de bot niet kent en is daarom geweigerd. Er is niets gewijzigd.',
  /** `agenda` outside a location channel or a personal chat. */
  agendaOnlyChannelOrPersonal:
    'De agenda is alleen beschikbaar in het kanaal van uw ZSM-locatie of in een persoonlijke chat met de bot. Er is niets getoond.',
  /** The consultation card for someone who was not asked and is not on the location's roster. */
  vtNotForYou: 'Deze VT-vraag is niet aan u gesteld. Er is niets getoond.',
} as const;
