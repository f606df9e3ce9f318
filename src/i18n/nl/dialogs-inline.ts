/** Texts of the dialogs' inline fallbacks (for clients that cannot open a dialog). */
export const nlDialogsInline = {
  newCase: {
    /** Action.ShowCard: the same form, in the message itself. */
    inlineButton: 'Hier invullen',
    inlineHint: 'Opent er geen venster? Gebruik "Hier invullen": hetzelfde formulier, in dit bericht.',
  },
} as const;
