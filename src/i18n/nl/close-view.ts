/**
 * The chair's close view (cards/close-form.json), laid out for the first screen (issue 12): the inputs
 * that are needed only in some cases follow the close button under this heading.
 */
export const nlCloseView = {
  optionalHeading: 'Alleen nodig bij "Overig" of "Geen overdracht"',
  /** The reason is one line in the close view: a placeholder that fits it at 360 px. */
  reasonPlaceholder: 'Minstens 20 tekens; komt bij het besluit',
} as const;
