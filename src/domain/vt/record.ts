import type { CardRef } from '../refs';
import type { Consultation } from './consultation';

export const VT_ANSWER_KINDS = ['known', 'not_known', 'call_back'] as const;
export type VtAnswerKind = (typeof VT_ANSWER_KINDS)[number];

/**
 * A consultation of VT's on-call staff about one case (one document per case; asking again after it
 * closed starts a new `seq`, the earlier ones stay in the audit trail).
 */
export interface VtConsultationRecord {
  caseId: string;
  seq: number;
  regionId: string;
  regionName: string;
  /** What the desk asks (default: is this family known to VT; concerns about the children?). */
  question: string;
  /** 'auto' when the bot asked because VT was outside office hours at intake. */
  askedBy: string;
  state: Consultation;
  /** The 1:1 chat messages sent, so they can be updated after an answer. */
  sent: { primary?: CardRef; backup?: CardRef };
  answers: { kind: VtAnswerKind; by: string; at: string; contributionId?: string; phone?: string }[];
  /**
   * "Bel mij terug": an open task of the desk until someone at the desk marks it "teruggebeld"
   * (with a reminder in the case's thread meanwhile, and its state in the morning summary).
   */
  callBack?: { phone: string; requestedAt: string; doneAt?: string; doneBy?: string };
}

export function callBackOpen(r: Pick<VtConsultationRecord, 'callBack'>): boolean {
  return r.callBack !== undefined && r.callBack.doneAt === undefined;
}
