/** Dutch texts for retention, erasure and the audit trail (privacy officer). */
export const nlPrivacy = {
  tombstone: {
    title: 'Zaak verwijderd',
    retention: 'Deze zaak is gesloten en verwijderd volgens de bewaartermijn.',
    erasure: 'Deze zaak is verwijderd op verzoek van de privacyfunctionaris.',
  },
  chat: {
    notPrivacy: 'Alleen een privacyfunctionaris (rol privacy) kan dit doen. Er is niets gewijzigd.',
    onlyPersonal: 'Gebruik deze opdracht in een persoonlijke chat met de bot, niet in een kanaal.',
    usageAudit: 'Gebruik: audit <zaakcode> (de acht tekens van "Zaak …" op de kaart).',
    usageErase: 'Gebruik: wis <zaakcode>. U krijgt eerst een bevestigingsvraag.',
    unknownRef: 'Geen zaak of audittrail gevonden met deze zaakcode.',
    ambiguousRef: 'Deze zaakcode past bij meer dan één zaak. Gebruik meer tekens van de zaakcode.',
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
