import { normalizeCase, type Case } from '../domain/case';
import type { EscalationRecord } from '../domain/escalation-record';
import type { CardRef } from '../domain/refs';
import type { ConcernVote } from '../domain/vote';
import type { VtConsultationRecord } from '../domain/vt/record';
import type { DocStore, Stored } from './docstore';

/**
 * The read side of the agenda and the VT morning summary: indexed queries by location / region and
 * time, and one partition read per case. Nothing here scans every case or every consultation:
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
}

/** Partition reads in flight at once (Cosmos: parallel requests; SQLite reads are synchronous anyway). */
const PARALLEL_READS = 16;

async function inPool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** Sorts a partition's documents into what the agenda uses (fixed ids: see repository.ts). */
function agendaDataOf(docs: readonly Stored[]): AgendaCaseData | null {
  let theCase: Case | null = null;
  let escalation: EscalationRecord | null = null;
  let cardRef: CardRef | null = null;
  let vtConsultation: VtConsultationRecord | null = null;
  const votes: ConcernVote[] = [];
  for (const d of docs) {
    if (d.kind === 'case') theCase = normalizeCase(d.body as Case);
    else if (d.kind === 'vote') votes.push(d.body as ConcernVote);
    else if (d.kind === 'escalation') escalation = d.body as EscalationRecord;
    else if (d.kind === 'cardref') cardRef = d.body as CardRef;
    else if (d.kind === 'vtconsult') vtConsultation = d.body as VtConsultationRecord;
  }
  return theCase ? { theCase, votes, escalation, cardRef, vtConsultation } : null;
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
   * The agenda's data: the open cases of the location (one indexed query), then one partition read per
   * case for its votes, escalation, card reference and VT consultation. A case closed or moved between
   * the two reads is left out (the partition read is the newer state). `keep` selects cases before
   * their partitions are read (the reminder of one door-agenderen moment).
   */
  async agendaData(locationId: string, keep: (c: Case) => boolean = () => true): Promise<AgendaCaseData[]> {
    const open = (await this.openCasesOf(locationId)).filter(keep);
    const rows = await inPool(open, PARALLEL_READS, async (c) => agendaDataOf(await this.db.readPartition(c.id)));
    return rows.filter(
      (r): r is AgendaCaseData => r !== null && r.theCase.status === 'open' && r.theCase.locationId === locationId && keep(r.theCase),
    );
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
    return docs.map((d) => d.body);
  }
}
