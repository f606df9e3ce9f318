import { jsonEqual } from '../json-equal';
import type { Case } from '../case';
import type { EscalationRecord } from '../escalation-record';
import type { ConcernVote } from '../vote';
import type { FollowUp } from './follow-up';
import type { Handover } from './handover';
import { decisionsByPhase, type ActieoverlegOutcome } from './outcome';
import type { ReportRow } from './report';

/**
 * What a command has in hand after loading a case's bundle, reduced to what the report row needs.
 * `outsideOfficeHours` of a VT consultation is decided where it is asked (office-hours.ts).
 */
export interface ReportRowSource {
  case: Pick<Case, 'id' | 'locationId' | 'intakeAt' | 'kmFlag' | 'rounds' | 'closure'>;
  reAgendaCount: number;
  votes: readonly Pick<ConcernVote, 'castAt'>[];
  escalation?: Pick<EscalationRecord, 'at' | 'rule'>;
  vtConsultations: readonly { askedAt: string; outsideOfficeHours: boolean; firstAnswerAt?: string }[];
  outcome?: Pick<ActieoverlegOutcome, 'decisions'>;
  followUp?: Pick<FollowUp, 'answer'>;
  handover?: Pick<Handover, 'kind'>;
  /** The stored row, if any: what only ever moves one way is kept from it. */
  previous?: ReportRow;
}

/**
 * The case's report row, derived from its current state: every command that changes a counted fact
 * recomputes it and upserts it in the same commit. Two facts are kept from the previous row because
 * the current state forgets them: the first vote (a re-vote overwrites its castAt) and the next
 * intake (set on this row by a later case).
 */
export function buildReportRow(s: ReportRowSource): ReportRow {
  const c = s.case;
  const firstNow = s.votes.map((v) => v.castAt).sort()[0];
  const firstVoteAt = [firstNow, s.previous?.firstVoteAt].filter((x): x is string => x !== undefined).sort()[0];
  const decided: Pick<ReportRow, 'decidedAt' | 'decision' | 'escalationRule'> = s.escalation
    ? { decidedAt: s.escalation.at, decision: 'escalated', escalationRule: s.escalation.rule }
    : c.closure
      ? { decidedAt: c.closure.at, decision: c.closure.despiteConcern ? 'closed_despite_concern' : 'closed' }
      : {};
  const evening = s.vtConsultations.filter((v) => v.outsideOfficeHours);
  return {
    caseId: c.id,
    locationId: c.locationId,
    intakeAt: new Date(c.intakeAt).toISOString(),
    children: c.kmFlag,
    rounds: Math.max(1, c.rounds.length),
    reAgendaCount: s.reAgendaCount,
    ...(firstVoteAt ? { firstVoteAt } : {}),
    ...decided,
    vtEvening: {
      count: evening.length,
      responseMinutes: evening.flatMap((v) =>
        v.firstAnswerAt ? [Math.max(0, Math.floor((Date.parse(v.firstAnswerAt) - Date.parse(v.askedAt)) / 60_000))] : [],
      ),
    },
    phases: decisionsByPhase(s.outcome),
    ...(s.followUp ? { followUp: s.followUp.answer?.outcome ?? 'unanswered' } : {}),
    ...(s.handover ? { handoverKind: s.handover.kind } : {}),
    ...(s.previous?.nextIntakeAt ? { nextIntakeAt: s.previous.nextIntakeAt } : {}),
  };
}

/** What the report row of a case needs of the case as a command left it (a CaseSnapshot fits). */
export interface ReportRowSnapshot {
  theCase: ReportRowSource['case'] & Pick<Case, 'reAgendaAt'>;
  votes: readonly Pick<ConcernVote, 'castAt'>[];
  escalation?: Pick<EscalationRecord, 'at' | 'rule'> & { outcome?: Pick<ActieoverlegOutcome, 'decisions'> };
  vtConsultation?: { askedBy: string; state: { askedAt: string; status: string; answeredAt?: string } };
}

/**
 * The row after a command: the snapshot's facts, with what only ever counts up kept from the stored
 * row. A door-agendering is counted when the command set a new reAgendaAt (different from the one
 * the case had before it). `outsideOfficeHours` decides per consultation (VT's office hours live in
 * configuration); a consultation the bot asked on its own ('auto') is outside office hours by definition.
 */
export function reportRowAfter(args: {
  after: ReportRowSnapshot;
  reAgendaAtBefore: string | undefined;
  previous: ReportRow | undefined;
  outsideOfficeHours: (askedAt: string) => boolean;
}): ReportRow {
  const { after, previous } = args;
  const reAgendaNow = after.theCase.reAgendaAt;
  const reAgendaCount = (previous?.reAgendaCount ?? 0) + (reAgendaNow !== undefined && reAgendaNow !== args.reAgendaAtBefore ? 1 : 0);
  const vt = after.vtConsultation;
  const vtConsultations = vt
    ? [
        {
          askedAt: vt.state.askedAt,
          outsideOfficeHours: vt.askedBy === 'auto' || args.outsideOfficeHours(vt.state.askedAt),
          ...(vt.state.status === 'answered' && vt.state.answeredAt ? { firstAnswerAt: vt.state.answeredAt } : {}),
        },
      ]
    : [];
  const row = buildReportRow({
    case: after.theCase,
    reAgendaCount,
    votes: after.votes,
    ...(after.escalation ? { escalation: after.escalation } : {}),
    vtConsultations,
    ...(after.escalation?.outcome ? { outcome: after.escalation.outcome } : {}),
    ...(previous ? { previous } : {}),
  });
  // Facts written by other parts of the product (follow-up, handover) are kept; the decisions per
  // phase come from the Actieoverleg's outcome when there is one.
  return previous
    ? {
        ...row,
        phases: after.escalation?.outcome ? row.phases : previous.phases,
        ...(previous.followUp ? { followUp: previous.followUp } : {}),
        ...(previous.handoverKind ? { handoverKind: previous.handoverKind } : {}),
      }
    : row;
}

/** Equal rows (key order aside): a command that changes no figure writes no row. */
export function sameReportRow(a: ReportRow | undefined, b: ReportRow): boolean {
  return a !== undefined && jsonEqual(a, b);
}
