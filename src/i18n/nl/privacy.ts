import type { PiiKind } from '../../domain/pii';

/** Dutch texts for free-text checks and the display reference (issue 10, parts 4 and 5). */
export const nlPrivacy = {
  /** The KIND of identifier found, never its value. */
  piiKinds: {
    phone: 'een telefoonnummer',
    bsn: 'een BSN',
    address: 'een adres (postcode/huisnummer of straat)',
    email: 'een e-mailadres',
    birthDate: 'een geboortedatum',
    iban: 'een rekeningnummer (IBAN)',
  } satisfies Record<PiiKind, string>,
  piiRefused: (kinds: string) =>
    `Uw tekst bevat waarschijnlijk persoonsgegevens: ${kinds}. Er is niets opgeslagen. ` +
    'Haal ze weg, of zet "Ik bevestig dat dit nodig is (need-to-know)" aan als deze gegevens echt nodig zijn voor de aanpak.',
  /** The toggle on every form with free text. */
  piiConfirmToggle: 'Ik bevestig dat dit nodig is (need-to-know)',
  /** Mark on a stored item whose author confirmed the need-to-know. */
  piiConfirmedMark: '⚠ bevat persoonsgegevens (bevestigd)',
  /** Warning to the desk (personal view) when the police summary looks like it holds identifiers. */
  summaryPiiWarning: (kinds: string) =>
    `⚠ De samenvatting van de politie bevat waarschijnlijk persoonsgegevens (${kinds}). Controleer of dat nodig is.`,
  displayReference: (ref: string) => `Bronreferentie: ${ref}`,
} as const;

/** "een telefoonnummer en een adres" — the kinds in Dutch, in detection order. */
export function piiKindList(kinds: readonly PiiKind[]): string {
  const names = kinds.map((k) => nlPrivacy.piiKinds[k]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}
