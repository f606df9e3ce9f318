import type { AppDeps } from '../app/deps';
import { answerInfoRequest, askInfoRequest, declineInfoRequest } from '../app/verdieping/questions';
import { addRunningMeasure, recordRiskOutcome, reportMeasureViolation, requestRiskAssessment } from '../app/verdieping/signals';
import { nlCards } from '../i18n/nl/cards';
import { nlVerdiepingSignals } from '../i18n/nl/verdieping-signals';
import { SIGNAL_INPUTS as I, SIGNAL_VERBS, signalDataSchemas } from '../cards/safety-signals';
import { cardVerb, type CardVerb } from './card-verbs';

const ok = nlVerdiepingSignals.ok;
const orgName = (o: keyof typeof nlCards.orgs): string => nlCards.orgs[o];

/**
 * The verbs of informatievragen, risicotaxatie and lopende maatregelen (issue 14 items 4-5): rows of
 * the card-verb table. Each answers with the actor's case card as the command left it (one read, one
 * commit); the organisation acting is the roster's, never the card's.
 */
export function safetyCardVerbs(deps: AppDeps): CardVerb[] {
  return [
    cardVerb({
      verb: SIGNAL_VERBS.askInfo,
      schema: signalDataSchemas.askInfo,
      command: (d, actor) =>
        askInfoRequest(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { toOrg: d[I.askTo], question: d[I.askQuestion], whyNeeded: d[I.askWhy], whatItChanges: d[I.askChanges] },
          piiConfirm: d[I.piiConfirm] === 'true',
        }),
      answer: { kind: 'case', okText: (r) => ok.asked(orgName(r.value.toOrg)), snapshot: (r) => r.after },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.answerInfo,
      schema: signalDataSchemas.answerInfo,
      command: (d, actor) =>
        answerInfoRequest(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { requestId: d[I.requestId], text: d[I.answerText], source: d[I.answerSource], needToKnow: d[I.answerNeedToKnow] },
          piiConfirm: d[I.piiConfirm] === 'true',
        }),
      answer: { kind: 'case', okText: () => ok.answered, snapshot: (r) => r.after },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.declineInfo,
      schema: signalDataSchemas.declineInfo,
      command: (d, actor) =>
        declineInfoRequest(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { requestId: d[I.declineRequestId], reason: d[I.declineReason], ...(d[I.declineNote] ? { note: d[I.declineNote] } : {}) },
          piiConfirm: d[I.piiConfirm] === 'true',
        }),
      answer: { kind: 'case', okText: () => ok.declined, snapshot: (r) => r.after },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.requestRisk,
      schema: signalDataSchemas.requestRisk,
      command: (d, actor) =>
        requestRiskAssessment(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { instrument: d[I.riskInstrument], fromOrg: d[I.riskFrom] },
        }),
      answer: { kind: 'case', okText: (r) => ok.riskRequested(r.value.instrument, orgName(r.value.fromOrg)), snapshot: (r) => r.after },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.riskOutcome,
      schema: signalDataSchemas.riskOutcome,
      command: (d, actor) =>
        recordRiskOutcome(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { assessmentId: d[I.assessmentId], level: d[I.outcomeLevel], date: d[I.outcomeDate] },
        }),
      answer: {
        kind: 'case',
        okText: (r) => (r.value.escalated ? `${ok.riskRecorded} ${ok.escalated}` : ok.riskRecorded),
        snapshot: (r) => r.after,
      },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.addMeasure,
      schema: signalDataSchemas.addMeasure,
      command: (d, actor) =>
        addRunningMeasure(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: { type: d[I.measureType], holderOrg: d[I.measureHolder], until: d[I.measureUntil] },
        }),
      answer: { kind: 'case', okText: () => ok.measureAdded, snapshot: (r) => r.after },
    }),
    cardVerb({
      verb: SIGNAL_VERBS.reportViolation,
      schema: signalDataSchemas.reportViolation,
      command: (d, actor) =>
        reportMeasureViolation(deps, {
          answerView: 'action',
          caseId: d.caseId,
          aadObjectId: actor.aadObjectId,
          input: {
            measureId: d[I.measureId],
            date: d[I.violationDate],
            time: d[I.violationTime],
            ...(d[I.violationNote] ? { note: d[I.violationNote] } : {}),
          },
          piiConfirm: d[I.piiConfirm] === 'true',
        }),
      answer: {
        kind: 'case',
        okText: (r) => (r.value.escalated ? `${ok.violationReported} ${ok.escalated}` : ok.violationReported),
        snapshot: (r) => r.after,
      },
    }),
  ];
}
