import type { PiiKind } from '../../domain/pii';

/** Dutch texts for privacy: free-text checks, the display reference, retention, erasure and the audit trail (issue 10). */
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
  // retention, erasure and the audit trail (privacy officer)
  tombstone: {
    title: 'Zaak verwijderd',
    retention: 'Deze zaak is gesloten en verwijderd volgens de bewaartermijn.',
    erasure: 'Deze zaak is verwijderd op verzoek van de privacyfunctionaris.',
  },
  chat: {
    notPrivacy: 'Alleen een privacyfunctionaris (rol privacy) kan dit doen. Er is niets gewijzigd.',
    onlyPersonal: 'Gebruik deze opdracht in een persoonlijke chat met de bot, niet in een kanaal.',
    usageAudit: 'Gebruik: audit <zaakcode> (de code van "Zaak …" op de kaart, bijvoorbeeld KTX-482).',
    usageErase: 'Gebruik: wis <zaakcode>. U krijgt eerst een bevestigingsvraag.',
    unknownRef: 'Geen zaak of audittrail gevonden met deze zaakcode.',
    ambiguousRef: 'Deze zaakcode past bij meer dan één zaak. Gebruik de zaak-id (24 tekens, uit het beheerlog) in plaats van de code.',
    eraseConfirm: (ref: string) =>
      `Weet u zeker dat zaak ${ref} nu gewist moet worden? Alle gegevens van de zaak worden verwijderd en de kaarten in Teams vervangen. Dit kan niet ongedaan worden gemaakt. De audittrail blijft bewaard.`,
    eraseButton: 'Ja, wis deze zaak',
    eraseStarted: (ref: string) => `Zaak ${ref} wordt gewist. De kaarten worden vervangen; de audittrail vermeldt wie dit heeft gedaan.`,
    eraseAlready: (ref: string) => `Zaak ${ref} is al gewist of wordt gewist.`,
  },
  auditCard: {
    title: (ref: string) => `Audittrail zaak ${ref}`,
    summary: (shown: number, total: number) =>
      shown < total
        ? `De laatste ${shown} van ${total} regels. De volledige trail: npm run audit:export -- --case <zaakcode>.`
        : `${total} regels.`,
    chainOk: 'Hashketen gecontroleerd: ongeschonden.',
    chainBroken: (seq: number) => `Let op: de hashketen is verbroken bij regel ${seq}. Meld dit bij de beheerder.`,
    columns: { at: 'Moment', action: 'Handeling', actor: 'Door' },
  },
} as const;

/** "een telefoonnummer en een adres" — the kinds in Dutch, in detection order. */
export function piiKindList(kinds: readonly PiiKind[]): string {
  const names = kinds.map((k) => nlPrivacy.piiKinds[k]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}
