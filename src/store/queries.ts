import { normalizeCase, type Case } from '../domain/case';
import type { EscalationRecord } from '../domain/escalation-record';
import type { CardRef } from '../domain/refs';
import type { ConcernVote } from '../domain/vote';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { DocKind, DocStore, Stored } from './docstore';
import { verdiepingFromPartition, type VerdiepingBundle } from './verdieping-store';
import { normalizeStored } from './old-values';

/**
 * The read side of the agenda and the VT morning summary: indexed queries by location / region and
 * time, and one multi-partition read of the few documents the agenda needs. Nothing here scans every case or every consultation:
 * SQLite seeks the expression indexes `docs_agenda` and `docs_vt_window` (schema v3), Cosmos filters
 * on indexed paths (`/body/locationId`, `/body/status`, `/body/regionId`, `/body/state/askedAt`).
 */

/** What the agenda needs of one open case, taken from ONE read of the case's partition. */
export interface AgendaCaseData {
  theCase: Case;
  votes: ConcernVote[];
  escalation: EscalationRecord | null;
  cardRef: CardRef | null;
  vtConsultation: VtConsultationRecord | null;
  /** The case's verdieping documents the agenda uses (phase, questions, measures; issue 14); empty lists in zsm. */
  verdieping: VerdiepingBundle;
}

/** What the agenda reads of each open case's partition besides the case (jobs, contributions, advice are not read). */
export const AGENDA_KINDS: readonly DocKind[] = ['vote', 'escalation', 'cardref', 'vtconsult', 'phase', 'inforequest', 'measure'];

/** Sorts a partition's documents into what the agenda uses (fixed ids: see repository.ts). */
function agendaDataOf(theCase: Case, docs: readonly Stored[]): AgendaCaseData {
  let escalation: EscalationRecord | null = null;
  let cardRef: CardRef | null = null;
  let vtConsultation: VtConsultationRecord | null = null;
  const votes: ConcernVote[] = [];
  for (const raw of docs) {
    const d = normalizeStored(raw);
    if (d.kind === 'vote') votes.push(d.body as ConcernVote);
    else if (d.kind === 'escalation') escalation = d.body as EscalationRecord;
    else if (d.kind === 'cardref') cardRef = d.body as CardRef;
    else if (d.kind === 'vtconsult') vtConsultation = d.body as VtConsultationRecord;
  }
  return { theCase, votes, escalation, cardRef, vtConsultation, verdieping: verdiepingFromPartition(docs) };
}

export class CaseQueries {
  constructor(private readonly db: DocStore) {}

  /** The open cases of ONE location, any order: one indexed query. */
  async openCasesOf(locationId: string): Promise<Case[]> {
    const docs = await this.db.query<Case>('case', [
      { field: 'locationId', op: '=', value: locationId },
      { field: 'status', op: '=', value: 'open' },
    ]);
    return docs.map((d) => normalizeCase(d.body));
  }

  /**
   * The agenda's data in TWO store operations whatever the number of open cases: the open cases of the
   * location (one indexed query), then the votes, escalation, card reference and VT consultation of all
   * of them (one multi-partition read of AGENDA_KINDS). `keep` selects cases before the second read
   * (the reminder of one door-agenderen moment). The agenda is a snapshot: a vote landing between the
   * two reads shows on the next agenda, as it would a moment later anyway.
   */
  async agendaData(locationId: string, keep: (c: Case) => boolean = () => true): Promise<AgendaCaseData[]> {
    const open = (await this.openCasesOf(locationId)).filter(keep);
    if (open.length === 0) return [];
    const docs = await this.db.readPartitions(
      open.map((c) => c.id),
      AGENDA_KINDS,
    );
    const byCase = new Map<string, Stored[]>();
    for (const d of docs) {
      const list = byCase.get(d.pk);
      if (list) list.push(d);
      else byCase.set(d.pk, [d]);
    }
    return open.map((c) => agendaDataOf(c, byCase.get(c.id) ?? []));
  }

  /** Consultations of ONE VT region asked in [from, to] (both inclusive), oldest first: one indexed query. */
  async vtConsultationsAskedBetween(regionId: string, from: string, to: string): Promise<VtConsultationRecord[]> {
    const docs = await this.db.query<VtConsultationRecord>(
      'vtconsult',
      [
        { field: 'regionId', op: '=', value: regionId },
        { field: 'state.askedAt', op: '>=', value: from },
        { field: 'state.askedAt', op: '<=', value: to },
      ],
      { orderBy: 'state.askedAt' },
    );
    return docs.map((d) => normalizeStored(d).body);
  }
}
