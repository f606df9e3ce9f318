import type { CaseCardView } from '../../../src/cards/view';
import type { PartnerOrg } from '../../../src/domain/orgs';
import { EMPTY_VERDIEPING } from '../../../src/domain/verdieping/bundle';
import type { InfoRequest } from '../../../src/domain/verdieping/info-request';
import type { RiskAssessment, RunningMeasure } from '../../../src/domain/verdieping/safety-signals';
import { typicalView } from './fixtures';

/** A case with questions (open, declined, answered), a requested and a finished instrument, and a violated measure. */
export function signalsView(viewerOrg: PartnerOrg, overrides: Partial<CaseCardView> = {}): CaseCardView {
  const base = typicalView();
  const caseId = base.case.id;
  const q = (id: string, toOrg: PartnerOrg, status: InfoRequest['status'], extra: Partial<InfoRequest> = {}): InfoRequest => ({
    id,
    caseId,
    fromOrg: 'politie',
    askedBy: 'aad-politie-1',
    toOrg,
    question: 'Is er een lopende ondertoezichtstelling?',
    whyNeeded: 'Bepaalt wie de veiligheid bewaakt.',
    whatItChanges: 'Zonder OTS vragen we een onderzoek.',
    status,
    askedAt: '2026-11-23T12:00:00.000Z',
    ...extra,
  });
  const requested: RiskAssessment = {
    id: 'risk:1',
    caseId,
    instrument: 'SASH',
    fromOrg: '3ro',
    requestedBy: { userId: 'aad-politie-1', orgId: 'politie' },
    requestedAt: '2026-11-23T12:00:00.000Z',
    status: 'asked',
  };
  const done: RiskAssessment = {
    ...requested,
    id: 'risk:2',
    instrument: 'B-SAFER',
    fromOrg: 'vt',
    status: 'completed',
    outcome: { level: 'high', date: '2026-11-23', recordedAt: '2026-11-23T13:00:00.000Z', recordedBy: 'aad-vt-1' },
  };
  const measure: RunningMeasure = {
    id: 'measure:1',
    caseId,
    type: 'location_ban',
    holderOrg: 'om',
    until: '2026-12-31',
    createdAt: '2026-11-23T12:00:00.000Z',
    createdBy: { userId: 'aad-om-chair', orgId: 'om' },
    violations: [
      {
        id: 'violation:2026-11-23T17:30:00.000Z:politie',
        at: '2026-11-23T17:30:00.000Z',
        reportedAt: '2026-11-23T18:00:00.000Z',
        reportedBy: { userId: 'aad-politie-1', orgId: 'politie' },
      },
    ],
  };
  const v = (body: object) => ({ body, etag: 'e' });
  return typicalView({
    viewerOrg,
    rosterOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'halt', 'vt'],
    verdiepingDocs: {
      ...EMPTY_VERDIEPING,
      infoRequests: [
        q('inforeq:1', 'rvdk', 'open'),
        q('inforeq:2', 'vt', 'declined', { decline: { reason: 'consent_needed' } }),
        q('inforeq:3', 'shn', 'answered', { answerContributionId: 'contrib:1' }),
      ].map((x) => v(x) as { body: InfoRequest; etag: string }),
      riskAssessments: [requested, done].map((x) => v(x) as { body: RiskAssessment; etag: string }),
      measures: [v(measure) as { body: RunningMeasure; etag: string }],
    },
    ...overrides,
  });
}
