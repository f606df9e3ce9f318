import type { InterventionPhase } from '../../domain/aftercare/outcome';
import type { ReportRefusal } from '../../app/report/view-report';

/** The rapportage command and card (issue 15 item 5). Figure labels and period errors: nlAftercare.report. */
export const nlReport = {
  help:
    'Rapportage: typ "rapportage" voor de laatste 3 maanden, of geef een periode: "rapportage 2026" (een jaar), ' +
    '"rapportage 2026-03" (een maand), "rapportage 2026-01..2026-06" (januari t/m juni) of ' +
    '"rapportage 2026-01-15..2026-02-14" (dagen). Voor één locatie: "rapportage <locatie> 2026-01..2026-06". ' +
    'Voor de voorzitter en de coördinator; alleen in een 1-op-1-chat met de bot.',
  onlyPersonal: 'De rapportage opent alleen in een 1-op-1-chat met de bot. Stuur daar "rapportage".',
  refused: {
    not_on_roster: 'Je staat niet op het rooster van een ZSM-locatie.',
    not_report_role: 'De rapportage is voor de voorzitter en de coördinator.',
    not_for_location: 'Die locatie hoort niet bij jouw rooster.',
  } satisfies Record<ReportRefusal, string>,
  unknownLocation: 'Die locatie ken ik niet. Gebruik de code van de locatie, bijvoorbeeld "midden-nederland".',
  noteAll: (n: number) =>
    `Kengetallen over ${n} ${n === 1 ? 'locatie' : 'locaties'}; zonder namen of zaakgegevens. Zaken tellen mee in de periode van hun intake.`,
  hermeldingNote: 'Hermelding telt alleen zaken waarvan de 6 of 12 maanden al voorbij zijn.',
  noCases: 'Geen zaken in deze periode.',
  csv: 'Download als CSV',
  csvNote: 'De downloadlink werkt 10 minuten en alleen voor jou.',
  csvUnavailable: 'CSV-export is hier niet ingesteld.',
  labels: {
    cases: 'Zaken per locatie',
    location: 'Locatie',
    count: 'Aantal',
    phases: 'Besluiten per fase',
    rules: 'Escalaties per regel',
    total: 'Totaal',
    /** Instead of a chart whose figures are all zero (an empty donut renders as nothing). */
    noData: 'Geen gegevens in deze periode.',
  },
  phase: { safety: 'Veiligheid', care: 'Zorg', recovery: 'Herstel' } satisfies Record<InterventionPhase, string>,
  /** Card facts (a selection; the CSV has every figure). */
  facts: {
    cases: 'Zaken',
    withChildren: 'Met kinderen',
    reAgenda: 'Door-geagendeerd',
    roundsPerCase: 'Rondes per zaak',
    toFirstVote: 'Intake tot eerste stem (mediaan)',
    toDecision: 'Intake tot besluit (mediaan)',
    decisions: 'Geëscaleerd / gesloten / ondanks buikpijn',
    vtEvening: 'VT buiten kantoortijd (beantwoord, mediaan)',
    followUp: 'Wat is ervan gekomen: uitgevoerd / open',
    hermelding6: 'Hermelding binnen 6 maanden',
    hermelding12: 'Hermelding binnen 12 maanden',
  },
  none: '—',
  csvFileRefused: 'Deze downloadlink is verlopen of niet (meer) geldig. Vraag de rapportage opnieuw op in Teams.',
} as const;
