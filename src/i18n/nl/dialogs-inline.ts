/** Texts of the dialogs' inline fallbacks (for clients that cannot open a dialog). */
export const nlDialogsInline = {
  newCase: {
    /** Action.ShowCard: the same form, in the message itself. */
    inlineButton: 'Hier invullen',
    inlineHint: 'Opent er geen venster? Gebruik "Hier invullen": hetzelfde formulier, in dit bericht.',
  },
  /** The Details dialog, shown in the message itself (from the bottom of "Meer tonen"). */
  details: {
    hereHint: 'Opent "Details" geen venster? Toon alles hier, in dit bericht.',
    hereButton: 'Alle details hier tonen',
  },
  /** "Advies aanpassen" on the leanest card: the same form as the dialog, in the message itself. */
  editAdvice: {
    hereButton: 'Hier aanpassen',
  },
  /** On a details view or form shown in the message: back to the case card. */
  backToCase: 'Terug naar de zaak',
} as const;
