import type { Duration, ReportFigures, Ratio } from '../domain/aftercare/report';
import { ESCALATION_RULES } from '../domain/aftercare/report';
import type { InterventionPhase } from '../domain/aftercare/outcome';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlReport as t } from '../i18n/nl/report';
import { renderTemplate } from './template';
import type { AdaptiveCard } from './types';

/**
 * The rapportage card (cards/report.json): a few headline figures as facts, and three charts (cases
 * per location, decisions per phase, escalations per rule) as Teams' Chart.* elements, each with a
 * FactSet fallback for a client without them (decisions.md §44). Aggregated figures only.
 */
export interface ReportCardInput {
  period: { firstDay: string; lastDay: string };
  locations: { id: string; name: string }[];
  perLocation: { locationId: string; figures: ReportFigures }[];
  total: ReportFigures;
  /** The signed CSV link, when the export is configured. */
  csvUrl?: string;
}

export interface ReportCardModel {
  title: string;
  note: string;
  facts: { title: string; value: string }[];
  labels: typeof t.labels;
  casesByLocation: { x: string; y: number }[];
  phases: { legend: string; value: number }[];
  rules: { x: string; y: number }[];
  /**
   * No decision in any phase: the card says "geen gegevens" instead of the donut (an all-zero donut
   * renders blank; the bar charts still show their axes and labels at zero). The charts' titles are
   * TextBlocks above them: the Playground does not show a Chart.* title.
   */
  phasesEmpty: boolean;
  csv?: { title: string; url: string; note: string };
  csvUnavailable?: string;
}

const PHASES: InterventionPhase[] = ['safety', 'care', 'recovery'];

/** "4 (25 %)", or "0" without a share when there is nothing to share of. */
export function ratioText(r: Ratio): string {
  return r.share === undefined ? String(r.count) : `${r.count} (${Math.round(r.share * 100)} %)`;
}

/** Minutes as people read them: "45 min", "2 u 05 min", "1 d 3 u". */
export function minutesText(minutes: number | undefined): string {
  if (minutes === undefined) return t.none;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} u ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} u`;
}

const durationText = (d: Duration): string => (d.n === 0 ? t.none : `${minutesText(d.medianMinutes)} (n = ${d.n})`);

export function reportCardModel(input: ReportCardInput): ReportCardModel {
  const f = input.total;
  const names = new Map(input.locations.map((l) => [l.id, l.name]));
  const where = input.locations.length === 1 ? input.locations[0].name : nlAftercare.report.allLocations;
  const facts = [
    { title: t.facts.cases, value: String(f.cases) },
    { title: t.facts.withChildren, value: ratioText(f.withChildren) },
    { title: t.facts.reAgenda, value: ratioText(f.reAgenda) },
    { title: t.facts.roundsPerCase, value: f.roundsPerCase === undefined ? t.none : f.roundsPerCase.toFixed(1).replace('.', ',') },
    { title: t.facts.toFirstVote, value: durationText(f.intakeToFirstVote) },
    { title: t.facts.toDecision, value: durationText(f.intakeToDecision) },
    {
      title: t.facts.decisions,
      value: `${f.decisions.escalated} / ${f.decisions.closed} / ${f.decisions.closed_despite_concern}`,
    },
    {
      title: t.facts.vtEvening,
      value: `${f.vtEvening.consultations} (${f.vtEvening.answered}, ${minutesText(f.vtEvening.response.medianMinutes)})`,
    },
    { title: t.facts.followUp, value: `${f.followUp.carried_out} / ${f.followUp.unanswered}` },
    { title: t.facts.hermelding6, value: f.hermelding6.of === 0 ? t.none : ratioText(f.hermelding6) },
    { title: t.facts.hermelding12, value: f.hermelding12.of === 0 ? t.none : ratioText(f.hermelding12) },
  ];
  const casesByLocation = input.perLocation.map((p) => ({ x: names.get(p.locationId) ?? p.locationId, y: p.figures.cases }));
  const phases = PHASES.map((p) => ({ legend: t.phase[p], value: f.decisionsByPhase[p] }));
  const rules = ESCALATION_RULES.map((r) => ({ x: nlAftercare.report.rule[r], y: f.escalationsByRule[r] }));
  const allZero = (values: number[]) => values.every((v) => v === 0);
  return {
    title: nlAftercare.report.title(where, input.period.firstDay, input.period.lastDay),
    note: `${f.cases === 0 ? `${t.noCases} ` : ''}${t.noteAll(input.locations.length)} ${t.hermeldingNote}`,
    facts,
    labels: t.labels,
    casesByLocation,
    phases,
    rules,
    phasesEmpty: allZero(phases.map((p) => p.value)),
    ...(input.csvUrl ? { csv: { title: t.csv, url: input.csvUrl, note: t.csvNote } } : { csvUnavailable: t.csvUnavailable }),
  };
}

export function buildReportCard(input: ReportCardInput): AdaptiveCard {
  return renderTemplate('cards', 'report', reportCardModel(input));
}
