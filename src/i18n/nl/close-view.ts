/**
 * The chair's close view (cards/close-form.json), laid out for the first screen (issue 12): the inputs
 * that are needed only in some cases follow the close button under this heading.
 */
export const nlCloseView = {
  optionalHeading: 'Alleen nodig bij "Overig" of "Geen overdracht"',
} as const;
