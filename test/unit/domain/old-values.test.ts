import type { ReportRow } from '../../../src/domain/aftercare/report';
import type { AuditEntry } from '../../../src/domain/audit';
import type { EscalationRecord } from '../../../src/domain/escalation-record';
import {
  OLD_AUDIT_ACTIONS,
  OLD_CONSULTATION_STATUS,
  currentAuditAction,
  normalizeAuditEntry,
  OLD_ESCALATION_RULE,
  OLD_VT_ANSWER_KIND,
  normalizeEscalation,
  normalizeReportRow,
  normalizeVtConsultation,
} from '../../../src/domain/old-values';
import { ESCALATION_RULES } from '../../../src/domain/aftercare/report';
import { CONSULTATION_STATUSES } from '../../../src/domain/vt/consultation';
import { VT_ANSWER_KINDS, type VtConsultationRecord } from '../../../src/domain/vt/record';

const AT = '2026-11-23T21:00:00.000Z';
/** A consultation as stored; `status` and the answer kinds are given as strings, as an old document holds them. */
const consultation = (status: string, kinds: string[]): VtConsultationRecord =>
  ({
    caseId: 'c1',
    seq: 1,
    regionId: 'utrecht',
    regionName: 'Utrecht',
    question: 'Bekend?',
    askedBy: 'auto',
    state: {
      status,
      askedAt: AT,
      expiresAt: AT,
      reminderAt: AT,
      backupAt: AT,
      primary: 'vt-1',
      answeredAt: AT,
      answeredBy: 'vt-1',
      late: false,
    },
    sent: {},
    answers: kinds.map((kind) => ({ kind, by: 'vt-1', at: AT })),
  }) as unknown as VtConsultationRecord;
const escalation = (rule: string): EscalationRecord =>
  ({ caseId: 'c1', at: AT, rule, orgs: ['vt'], reasons: [], question: '', attendees: [] }) as unknown as EscalationRecord;

describe('old (Dutch) stored values read as the English ones', () => {
  it.each([
    ['gevraagd', 'asked'],
    ['herinnerd', 'reminded'],
    ['achterwacht_gevraagd', 'backup_asked'],
    ['beantwoord', 'answered'],
    ['geen_reactie', 'no_answer'],
  ])('consultation status %s reads as %s', (old, now) => {
    const r = normalizeVtConsultation(consultation(old, []));
    expect(r.state.status).toBe(now);
    expect(r.state).toMatchObject({ primary: 'vt-1', askedAt: AT });
  });

  it('answer kinds bekend / niet_bekend / bel_terug read as known / not_known / call_back, the rest of each answer kept', () => {
    const r = normalizeVtConsultation(consultation('beantwoord', ['bekend', 'niet_bekend', 'bel_terug']));
    expect(r.answers).toEqual([
      { kind: 'known', by: 'vt-1', at: AT },
      { kind: 'not_known', by: 'vt-1', at: AT },
      { kind: 'call_back', by: 'vt-1', at: AT },
    ]);
  });

  it.each(Object.entries(OLD_ESCALATION_RULE))('escalation rule %s reads as %s, in the record and in the report row', (old, now) => {
    expect(normalizeEscalation(escalation(old)).rule).toBe(now);
    expect(normalizeReportRow({ caseId: 'c1', escalationRule: old } as unknown as ReportRow).escalationRule).toBe(now);
  });

  it('a current document is returned as it is (the same object), and unknown values pass through', () => {
    const current = consultation('answered', ['known', 'call_back']);
    expect(normalizeVtConsultation(current)).toBe(current);
    const e = escalation('acute_unsafe');
    expect(normalizeEscalation(e)).toBe(e);
    const row = { caseId: 'c1' } as ReportRow;
    expect(normalizeReportRow(row)).toBe(row);
    // a key of Object.prototype is not an old value
    expect(normalizeEscalation(escalation('constructor')).rule).toBe('constructor');
  });

  it('the tables cover every old value once and map onto the current enums only', () => {
    expect(new Set(Object.values(OLD_CONSULTATION_STATUS))).toEqual(new Set(CONSULTATION_STATUSES));
    expect(new Set(Object.values(OLD_VT_ANSWER_KIND))).toEqual(new Set(VT_ANSWER_KINDS));
    expect(new Set(Object.values(OLD_ESCALATION_RULE))).toEqual(new Set(ESCALATION_RULES));
  });
});

describe('old audit action names read as the current ones (dot + camelCase)', () => {
  it.each(Object.entries(OLD_AUDIT_ACTIONS))('%s reads as %s', (old, now) => {
    expect(currentAuditAction(old)).toBe(now);
    expect(now).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    const e = { id: 'a1', caseId: 'c1', at: AT, action: old, actorId: 'aad-1', detail: { round: 1 } } as unknown as AuditEntry;
    expect(normalizeAuditEntry(e)).toEqual({ ...e, action: now });
  });

  it('a current entry is returned as it is', () => {
    const e: AuditEntry = { id: 'a1', caseId: 'c1', at: AT, action: 'vote.cast', actorId: 'aad-1' };
    expect(normalizeAuditEntry(e)).toBe(e);
    expect(currentAuditAction('case.reAgenda')).toBe('case.reAgenda');
  });
});
