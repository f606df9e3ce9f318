import type { AdviceRecord } from '../../../../src/domain/advice/types';
import type { CaseBundle } from '../../../../src/domain/case-bundle';
import {
  ADVICE_JOB_IDS,
  decideAdviceDecision,
  decideDraftAdvice,
  decideFollowUpAnswer,
  decideSendAdvice,
  JOB_IDS,
  CLOSING_JOB_ID,
  type AdviceDecisionArgs,
  type DecisionContext,
  type DraftAdviceArgs,
} from '../../../../src/domain/decisions';
import type { Member } from '../../../../src/domain/roster';
import { aftercareConfigSchema } from '../../../../src/domain/aftercare';
import { EMPTY_VERDIEPING } from '../../../../src/domain/verdieping/bundle';
import { adviceCase, adviceInput, adviceRecord, contrib, PALETTE, vote } from '../advice/fixtures';

/** Pure table tests: a bundle, a member, an input and `now` in; the advice, the case, the audit and the jobs out. */
const NOW = '2026-11-23T22:30:00.000Z';
const ctx = (): DecisionContext => {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
};
const member = (orgId: Member['orgId'], roles: Member['roles'] = ['member']): Member => ({
  aadObjectId: `aad-${orgId}-${roles.join('-')}`,
  orgId,
  roles,
  locations: ['midden-nederland'],
});
const CHAIR = member('om', ['chair']);
const LEAD = member('politie');
const OVJ = member('om', ['ovj']);
const OTHER = member('rvdk');

function bundle(advice?: AdviceRecord, over: { status?: 'open' | 'closed' } = {}): CaseBundle {
  const input = adviceInput();
  return {
    theCase: {
      body: adviceCase({ caseLead: { orgId: 'politie', since: '2026-11-23T19:20:00.000Z' }, status: over.status ?? 'open' }),
      etag: 'etag-case',
    },
    votes: [...input.votes],
    contributions: [...input.contributions, contrib(9, 'politie', { visibleTo: ['politie'], text: 'Alleen voor politie.' })],
    ...(advice ? { advice: { body: advice, etag: 'etag-advice' } } : {}),
  };
}

const draftArgs = (over: Partial<DraftAdviceArgs> = {}): DraftAdviceArgs => ({
  member: LEAD,
  palette: PALETTE,
  earlierCases: [],
  composeSummary: () => 'COMPOSED',
  ...over,
});
const audits = (d: { audit: { action: string; actorId: string }[] }) => d.audit.map((a) => `${a.action}:${a.actorId}`);
const jobs = (d: { jobs: { id: string; dueAt: string }[] }) => d.jobs.map((j) => `${j.id}@${j.dueAt === NOW ? 'now' : j.dueAt}`);

describe('decideDraftAdvice', () => {
  it('the first draft: composed from the bundle (OM-readable contributions only), starting from the composed summary', () => {
    const r = decideDraftAdvice(bundle(), draftArgs({ interventionIds: 'contactverbod, onbekend ,huisverbod' }), ctx());
    if (!r.ok) throw new Error(r.error);
    const a = r.decision.advice!;
    expect(a).toEqual(expect.objectContaining({ status: 'draft', draftedBy: LEAD.aadObjectId, caseId: bundle().theCase.body.id }));
    expect(a.draft.version).toBe(1);
    expect(a.draft.summary).toBe('COMPOSED');
    expect(a.draft.interventions.map((i) => i.interventionId).sort()).toEqual(['contactverbod', 'huisverbod']);
    expect(a.draft.contributions.map((c) => c.text)).not.toContain('Alleen voor politie.');
    expect(audits(r.decision)).toEqual([`advice.draft:${LEAD.aadObjectId}`]);
    expect(r.decision.audit[0].detail).toEqual({ version: 1 });
    expect(jobs(r.decision)).toEqual([`${JOB_IDS.refreshCard}@now`]);
    expect(r.after.advice).toBe(a);
  });

  it('a re-draft keeps interventions and the summary confirmation when not given, and counts the version up', () => {
    const current = adviceRecord('draft', {}, { summary: 'Eigen tekst.' });
    const confirmed = { ...current, draft: { ...current.draft, summaryPiiConfirmed: ['phone' as const] } };
    const r = decideDraftAdvice(bundle(confirmed), draftArgs({ member: CHAIR }), ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.advice?.draft.version).toBe(current.draft.version + 1);
    expect(r.decision.advice?.draft.summary).toBe('Eigen tekst.');
    expect(r.decision.advice?.draft.summaryPiiConfirmed).toEqual(['phone']);
    expect(r.decision.advice?.draft.interventions).toEqual(current.draft.interventions);
  });

  it.each<[string, CaseBundle, Member, string]>([
    ['a closed case', bundle(undefined, { status: 'closed' }), LEAD, 'case_closed'],
    ['neither the lead organisation nor the chair', bundle(), OTHER, 'not_lead_or_chair'],
    ['an advice already sent', bundle(adviceRecord('sent')), LEAD, 'advice_sent'],
    ['an advice decided', bundle(adviceRecord('decided')), CHAIR, 'advice_sent'],
  ])('refuses: %s', (_n, b, m, error) => {
    expect(decideDraftAdvice(b, draftArgs({ member: m }), ctx())).toEqual({ ok: false, error });
  });
});

describe('decideSendAdvice', () => {
  it('sends the concept: status verzonden, the outbox job, audited; same content keeps its version', () => {
    const concept = decideDraftAdvice(bundle(), draftArgs(), ctx());
    if (!concept.ok) throw new Error(concept.error);
    const r = decideSendAdvice(bundle(concept.value), { member: LEAD, palette: PALETTE, earlierCases: [] }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.advice).toEqual({ ...concept.value, status: 'sent', sentAt: NOW });
    expect(audits(r.decision)).toEqual([`advice.sent:${LEAD.aadObjectId}`]);
    expect(jobs(r.decision)).toEqual([`${ADVICE_JOB_IDS.sendAdvice}@now`, `${JOB_IDS.refreshCard}@now`]);
  });

  it('a vote since the draft: the advice is recomposed as a new version', () => {
    const concept = decideDraftAdvice(bundle(), draftArgs(), ctx());
    if (!concept.ok) throw new Error(concept.error);
    const later = { ...bundle(concept.value), votes: [...bundle().votes, vote(2, 'vt', true, { reason: 'Nieuwe zorg.' })] };
    const r = decideSendAdvice(later, { member: LEAD, palette: PALETTE, earlierCases: [] }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.advice?.draft.version).toBe(concept.value.draft.version + 1);
  });

  it.each<[string, CaseBundle, Member, string]>([
    ['no advice', bundle(), LEAD, 'no_advice'],
    ['sent already', bundle(adviceRecord('sent')), LEAD, 'advice_sent'],
    ['not the lead organisation or chair', bundle(adviceRecord('draft')), OVJ, 'not_lead_or_chair'],
    ['a closed case', bundle(adviceRecord('draft'), { status: 'closed' }), LEAD, 'case_closed'],
  ])('refuses: %s', (_n, b, m, error) => {
    expect(decideSendAdvice(b, { member: m, palette: PALETTE, earlierCases: [] }, ctx())).toEqual({ ok: false, error });
  });
});

describe('decideAdviceDecision', () => {
  const args = (over: Partial<AdviceDecisionArgs> = {}): AdviceDecisionArgs => ({
    member: OVJ,
    palette: PALETTE,
    interventionIds: 'contactverbod,bestaat-niet',
    text: 'Contactverbod per direct.',
    concernAcknowledgement: 'Buikpijn gezien; het contactverbod dekt het risico.',
    details: { contactverbod: { note: ' ook via sociale media ', language: 'Pools' } },
    followUpDays: 14,
    ...over,
  });

  it('decides: besloten, terugkoppeling and the follow-up in 14 days, audited with the open buikpijn', () => {
    const sent = adviceRecord('sent');
    expect(sent.draft.openConcern.length).toBeGreaterThan(0);
    const r = decideAdviceDecision(bundle(sent), args(), ctx());
    if (!r.ok) throw new Error(r.error);
    const d = r.decision.advice!;
    expect(d.status).toBe('decided');
    expect(d.decision).toEqual({
      at: NOW,
      by: OVJ.aadObjectId,
      // unknown ids dropped; contactverbod allows no language in the palette, so only the note stays
      interventions: [{ interventionId: 'contactverbod', note: 'ook via sociale media' }],
      freeText: 'Contactverbod per direct.',
      concernAcknowledgement: 'Buikpijn gezien; het contactverbod dekt het risico.',
    });
    expect(audits(r.decision)).toEqual([`advice.decided:${OVJ.aadObjectId}`]);
    expect(r.decision.audit[0].detail).toEqual({ interventions: 'contactverbod', openConcern: 'rvdk,vt' });
    expect(jobs(r.decision)).toEqual([
      `${ADVICE_JOB_IDS.refreshAdvice}@now`,
      `${ADVICE_JOB_IDS.feedbackDecision}@now`,
      `${ADVICE_JOB_IDS.adviceFollowUp}@2026-12-07T22:30:00.000Z`,
      `${JOB_IDS.refreshCard}@now`,
    ]);
  });

  it.each<[string, CaseBundle, Partial<AdviceDecisionArgs>, string]>([
    ['not an OvJ (the chair)', bundle(adviceRecord('sent')), { member: CHAIR }, 'not_ovj'],
    ['nothing chosen or written', bundle(adviceRecord('sent')), { interventionIds: 'bestaat-niet', text: '  ' }, 'decision_empty'],
    ['buikpijn remains without acknowledgement', bundle(adviceRecord('sent')), { concernAcknowledgement: 'ok' }, 'ack_required'],
    ['no advice sent', bundle(adviceRecord('draft')), {}, 'no_advice'],
    ['no advice at all', bundle(), {}, 'no_advice'],
    ['decided already', bundle(adviceRecord('decided')), {}, 'already_decided'],
    ['a closed case', bundle(adviceRecord('sent'), { status: 'closed' }), {}, 'case_closed'],
  ])('refuses: %s', (_n, b, over, error) => {
    expect(decideAdviceDecision(b, args(over), ctx())).toEqual({ ok: false, error });
  });
});

describe('decideFollowUpAnswer', () => {
  const PARTIES = aftercareConfigSchema.parse({}).receivingParties;
  const closing = { handover: { receivingPartyId: 'wijkteam', handedOver: ['contact_person' as const] }, parties: PARTIES };
  const args = { member: LEAD, text: 'Contactverbod nageleefd.', closeReason: 'REASON' };
  it.each<[string, boolean]>([
    ['stays open', false],
    ['closes the case in the same commit, with the handover', true],
  ])('the answer is kept and shared (thread, contributors, the advice card); %s', (_n, close) => {
    const r = decideFollowUpAnswer(bundle(adviceRecord('decided')), { ...args, close, ...(close ? { closing } : {}) }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.advice?.followUp).toEqual({
      answer: 'Contactverbod nageleefd.',
      answeredBy: LEAD.aadObjectId,
      answeredAt: NOW,
      closed: close,
    });
    expect(r.decision.nextCase.status).toBe(close ? 'closed' : 'open');
    if (close)
      expect(r.decision.nextCase.closure).toEqual({
        at: NOW,
        by: LEAD.aadObjectId,
        despiteConcern: false,
        reason: 'REASON',
        remainingConcern: [],
        handover: { partyId: 'wijkteam', kind: 'wijkteam', handedOver: ['contact_person'] },
      });
    expect(audits(r.decision)).toEqual([`advice.followUp:${LEAD.aadObjectId}`, ...(close ? [`case.close:${LEAD.aadObjectId}`] : [])]);
    expect(jobs(r.decision)).toEqual([
      `${ADVICE_JOB_IDS.feedbackFollowUp}@now`,
      `${ADVICE_JOB_IDS.refreshAdvice}@now`,
      ...(close ? [`${CLOSING_JOB_ID}@now`] : []),
      `${JOB_IDS.refreshCard}@now`,
    ]);
    expect(r.after.theCase).toBe(r.decision.nextCase);
  });

  it.each<[string, Partial<Parameters<typeof decideFollowUpAnswer>[1]>, string]>([
    ['closing without a handover', { close: true }, 'unknown_party'],
    [
      'closing to nobody without a reason',
      { close: true, closing: { ...closing, handover: { receivingPartyId: 'geen', handedOver: [] } } },
      'none_needs_reason',
    ],
    [
      'closing with nothing handed over',
      { close: true, closing: { ...closing, handover: { receivingPartyId: 'zvh', handedOver: [] } } },
      'nothing_handed_over',
    ],
  ])('closing with the answer is refused: %s', (_n, over, error) => {
    expect(decideFollowUpAnswer(bundle(adviceRecord('decided')), { ...args, ...over }, ctx())).toEqual({ ok: false, error });
  });

  it('closing with the answer follows the safety plan rule: refused while a child in verdieping has no holder', () => {
    const b: CaseBundle = {
      ...bundle(adviceRecord('decided')),
      verdieping: { ...EMPTY_VERDIEPING, phase: { body: { caseId: 'x', phase: 'verdieping', timeline: [] }, etag: 'p' } },
    };
    expect(decideFollowUpAnswer(b, { ...args, close: true, closing }, ctx())).toEqual({ ok: false, error: 'safety_not_placed' });
    expect(decideFollowUpAnswer(b, { ...args, close: false }, ctx()).ok).toBe(true);
  });

  it.each<[string, CaseBundle, Partial<typeof args>, string]>([
    ['too short', bundle(adviceRecord('decided')), { text: ' a ' }, 'followup_empty'],
    ['not decided yet', bundle(adviceRecord('sent')), {}, 'no_advice'],
    ['not the lead organisation or chair', bundle(adviceRecord('decided')), { member: OTHER }, 'not_lead_or_chair'],
    ['a closed case', bundle(adviceRecord('decided'), { status: 'closed' }), {}, 'case_closed'],
  ])('refuses: %s', (_n, b, over, error) => {
    expect(decideFollowUpAnswer(b, { ...args, ...over }, ctx())).toEqual({ ok: false, error });
  });
});
