import { renamed } from './old-values';
import type { HandedOverItem, ReceivingKind } from './aftercare/handover';
import type { ReportRow } from './aftercare/report';
import type { ReturningRecord } from './aftercare/returning';
import type { Case } from './case';
import type { ActieoverlegOutcome, DecisionSubject, InterventionPhase } from './aftercare/outcome';
import type { EscalationRecord } from './escalation-record';
import type { AdviceDraft, AdviceRecord, AdviceStatus, PatternKind, Phase } from './advice/types';

/**
 * Advice values that were Dutch before issue 11 item 6 (docs/glossary.md, "Stored values"); same
 * mechanism as src/domain/old-values-aftercare.ts: a table old -> new, applied when the store reads
 * (documents are never rewritten). Pure; every function returns its input (the same object) when
 * nothing in it is old.
 */
export const OLD_ADVICE_STATUS: Readonly<Record<string, AdviceStatus>> = {
  concept: 'draft',
  verzonden: 'sent',
  besloten: 'decided',
};

/**
 * The phases of "gefaseerd samenwerken aan veiligheid" and the criminal-law disposal: in the advice
 * draft's interventions, the palette file (config/interventions.json), an Actieoverleg decision (a card
 * submit value; no `afdoening` there) and the keys of a report row's `phases`.
 */
export const OLD_PHASE: Readonly<Record<string, Phase>> = {
  veiligheid: 'safety',
  zorg: 'care',
  herstel: 'recovery',
  afdoening: 'disposal',
};

/** The patterns of an advice draft (`stalking` was English already). */
export const OLD_PATTERN_KIND: Readonly<Record<string, PatternKind>> = {
  oude_bekende: 'returning',
  kinderen: 'children',
  dwingende_controle: 'coercive_control',
  risicotaxatie: 'risk_assessment',
  wapen: 'weapon',
};

const own = renamed;

/** An advice draft: the kinds of its patterns, the phases of its interventions. */
export function normalizeAdviceDraft(d: AdviceDraft): AdviceDraft {
  const oldPatterns = d.patterns.some((p) => own(OLD_PATTERN_KIND, p.kind) !== undefined);
  const oldPhases = d.interventions.some((i) => own(OLD_PHASE, i.phase) !== undefined);
  if (!oldPatterns && !oldPhases) return d;
  return {
    ...d,
    patterns: oldPatterns ? d.patterns.map((p) => ({ ...p, kind: own(OLD_PATTERN_KIND, p.kind) ?? p.kind })) : d.patterns,
    interventions: oldPhases ? d.interventions.map((i) => ({ ...i, phase: own(OLD_PHASE, i.phase) ?? i.phase })) : d.interventions,
  };
}

/** The advice document: its status and its draft. */
export function normalizeAdvice(a: AdviceRecord): AdviceRecord {
  const status = own(OLD_ADVICE_STATUS, a.status);
  const draft = normalizeAdviceDraft(a.draft);
  if (status === undefined && draft === a.draft) return a;
  return { ...a, ...(status ? { status } : {}), draft };
}

/** What an Actieoverleg decision is about (an `Input.ChoiceSet` value of the outcome card). */
export const OLD_DECISION_SUBJECT: Readonly<Record<string, DecisionSubject>> = {
  veiligheidsplan: 'safety_plan',
  interventie: 'intervention',
};

/** The Actieoverleg outcome: each decision's subject and phase. */
export function normalizeOutcome(o: ActieoverlegOutcome): ActieoverlegOutcome {
  const old = (d: ActieoverlegOutcome['decisions'][number]) =>
    own(OLD_DECISION_SUBJECT, d.subject) !== undefined || own(OLD_PHASE, d.phase) !== undefined;
  if (!o.decisions.some(old)) return o;
  return {
    ...o,
    decisions: o.decisions.map((d) => ({
      ...d,
      subject: own(OLD_DECISION_SUBJECT, d.subject) ?? d.subject,
      phase: (own(OLD_PHASE, d.phase) ?? d.phase) as InterventionPhase,
    })),
  };
}

/** The escalation document: its Actieoverleg outcome. */
export function normalizeEscalationAdvice(e: EscalationRecord): EscalationRecord {
  if (!e.outcome) return e;
  const outcome = normalizeOutcome(e.outcome);
  return outcome === e.outcome ? e : { ...e, outcome };
}

/** What was handed over on closing (a value of the close form's multi-select). */
export const OLD_HANDED_OVER_ITEM: Readonly<Record<string, HandedOverItem>> = {
  veiligheidsplan: 'safety_plan',
  risicotaxatie: 'risk_assessment',
  afspraken_actieoverleg: 'actieoverleg_agreements',
  advies_ovj: 'ovj_advice',
  contactpersoon: 'contact_person',
  overig: 'other',
};

/** The current name of a handed-over item as submitted or stored (old or new); unknown values pass through. */
export function currentHandedOverItem(item: string): string {
  return own(OLD_HANDED_OVER_ITEM, item) ?? item;
}

/** The kind of a receiving party: in the closure's handover, the report row, the oude-bekenden record and roster files. */
export const OLD_RECEIVING_KIND: Readonly<Record<string, ReceivingKind>> = { geen: 'none' };

/** The case document: the handover of its closure (items and the receiving kind). */
export function normalizeCaseAdvice(c: Case): Case {
  const h = c.closure?.handover;
  if (!c.closure || !h) return c;
  const kind = own(OLD_RECEIVING_KIND, h.kind);
  if (kind === undefined && !h.handedOver.some((i) => own(OLD_HANDED_OVER_ITEM, i) !== undefined)) return c;
  const handedOver = h.handedOver.map((i) => own(OLD_HANDED_OVER_ITEM, i) ?? i);
  return { ...c, closure: { ...c.closure, handover: { ...h, handedOver, ...(kind ? { kind } : {}) } } };
}

/**
 * A report row: the receiving kind of the closure and the keys of the decisions per phase. The report
 * sums `phases` in memory after this step, so old and new rows count alike.
 */
export function normalizeReportRowAdvice(r: ReportRow): ReportRow {
  const handoverKind = own(OLD_RECEIVING_KIND, r.handoverKind);
  const counts = r.phases as Record<string, number> | undefined;
  const oldPhases = counts !== undefined && Object.keys(counts).some((k) => own(OLD_PHASE, k) !== undefined);
  if (handoverKind === undefined && !oldPhases) return r;
  const phases: Record<string, number> = {};
  if (oldPhases) for (const [k, n] of Object.entries(counts)) phases[own(OLD_PHASE, k) ?? k] = (phases[own(OLD_PHASE, k) ?? k] ?? 0) + n;
  return {
    ...r,
    ...(handoverKind ? { handoverKind } : {}),
    ...(oldPhases ? { phases: phases as ReportRow['phases'] } : {}),
  };
}

/** The oude-bekenden record: the receiving kind of each earlier case and of the last one. */
export function normalizeReturningAdvice(r: ReturningRecord): ReturningRecord {
  const last = own(OLD_RECEIVING_KIND, r.summary.lastHandover);
  const oldEarlier = r.earlier.some((e) => own(OLD_RECEIVING_KIND, e.handoverKind) !== undefined);
  if (last === undefined && !oldEarlier) return r;
  return {
    ...r,
    summary: last ? { ...r.summary, lastHandover: last } : r.summary,
    earlier: oldEarlier
      ? r.earlier.map((e) => ({ ...e, handoverKind: own(OLD_RECEIVING_KIND, e.handoverKind) ?? e.handoverKind }))
      : r.earlier,
  };
}
