import { z } from 'zod';
import { CONTRIBUTION_SOURCES } from '../domain/contribution';
import { PARTNER_ORGS, type PartnerOrg } from '../domain/orgs';
import { EMPTY_VERDIEPING, type VerdiepingDocs } from '../domain/verdieping/bundle';
import { instrumentsOf, RISK_LEVELS } from '../domain/verdieping/config';
import { DECLINE_REASONS, openRequests, requestAge, type InfoRequest } from '../domain/verdieping/info-request';
import { MEASURE_TYPES, runningMeasures, type RunningMeasure } from '../domain/verdieping/safety-signals';
import { amsterdamDate } from '../domain/verdieping/summary';
import { formatAmsterdam } from '../domain/local-time';
import { nlCards } from '../i18n/nl/cards';
import { nlVerdieping } from '../i18n/nl/verdieping';
import { nlVerdiepingSignals } from '../i18n/nl/verdieping-signals';
import { actionSet } from './form-elements';
import { renderPart } from './parts';
import { minTrimmedLength } from './text';
import type { CardElement } from './types';
import type { CaseCardView } from './view';

/**
 * Informatievragen, risicotaxatie and lopende maatregelen on the case card (issue 14 items 4-5):
 * the model builders of cards/parts/questions.json and cards/parts/safety-signals.json, the forms
 * that go with them, and the lines for the danger block. Organisations by name, persons never.
 */
const s = nlVerdiepingSignals.card;
const v = nlVerdieping;
const orgName = (o: PartnerOrg): string => nlCards.orgs[o];

export const SIGNAL_VERBS = {
  askInfo: 'verdieping.askInfo',
  answerInfo: 'verdieping.answerInfo',
  declineInfo: 'verdieping.declineInfo',
  requestRisk: 'verdieping.requestRisk',
  riskOutcome: 'verdieping.riskOutcome',
  addMeasure: 'verdieping.addMeasure',
  reportViolation: 'verdieping.reportViolation',
} as const;

export const SIGNAL_INPUTS = {
  askTo: 'sigAskTo',
  askQuestion: 'sigAskQuestion',
  askWhy: 'sigAskWhy',
  askChanges: 'sigAskChanges',
  requestId: 'sigRequestId',
  declineRequestId: 'sigDeclineRequestId',
  answerText: 'sigAnswerText',
  answerSource: 'sigAnswerSource',
  answerNeedToKnow: 'sigAnswerNeedToKnow',
  declineReason: 'sigDeclineReason',
  declineNote: 'sigDeclineNote',
  riskInstrument: 'sigRiskInstrument',
  riskFrom: 'sigRiskFrom',
  assessmentId: 'sigAssessmentId',
  outcomeLevel: 'sigOutcomeLevel',
  outcomeDate: 'sigOutcomeDate',
  measureType: 'sigMeasureType',
  measureHolder: 'sigMeasureHolder',
  measureUntil: 'sigMeasureUntil',
  measureId: 'sigMeasureId',
  violationDate: 'sigViolationDate',
  violationTime: 'sigViolationTime',
  violationNote: 'sigViolationNote',
  piiConfirm: 'sigPiiConfirm',
} as const;

const caseIdSchema = z.string().min(1).max(128);
const field = z.string().max(4000).optional();
const I = SIGNAL_INPUTS;

/** The data of each verb: the case id from the card, the rest from its inputs (all parsed again by the command). */
export const signalDataSchemas = {
  askInfo: z
    .object({
      caseId: caseIdSchema,
      [I.askTo]: field,
      [I.askQuestion]: field,
      [I.askWhy]: field,
      [I.askChanges]: field,
      [I.piiConfirm]: field,
    })
    .strict(),
  answerInfo: z
    .object({
      caseId: caseIdSchema,
      [I.requestId]: field,
      [I.answerText]: field,
      [I.answerSource]: field,
      [I.answerNeedToKnow]: field,
      [I.piiConfirm]: field,
    })
    .strict(),
  declineInfo: z
    .object({ caseId: caseIdSchema, [I.declineRequestId]: field, [I.declineReason]: field, [I.declineNote]: field, [I.piiConfirm]: field })
    .strict(),
  requestRisk: z.object({ caseId: caseIdSchema, [I.riskInstrument]: field, [I.riskFrom]: field }).strict(),
  riskOutcome: z.object({ caseId: caseIdSchema, [I.assessmentId]: field, [I.outcomeLevel]: field, [I.outcomeDate]: field }).strict(),
  addMeasure: z.object({ caseId: caseIdSchema, [I.measureType]: field, [I.measureHolder]: field, [I.measureUntil]: field }).strict(),
  reportViolation: z
    .object({
      caseId: caseIdSchema,
      [I.measureId]: field,
      [I.violationDate]: field,
      [I.violationTime]: field,
      [I.violationNote]: field,
      [I.piiConfirm]: field,
    })
    .strict(),
};

interface Line {
  text: string;
  weight: 'bolder' | null;
  subtle: true | null;
}
const line = (text: string, opts: { bold?: boolean; subtle?: boolean } = {}): Line => ({
  text,
  weight: opts.bold ? 'bolder' : null,
  subtle: opts.subtle ? true : null,
});

const docsOf = (view: CaseCardView): VerdiepingDocs => view.verdiepingDocs ?? EMPTY_VERDIEPING;
const ageOf = (r: InfoRequest, view: CaseCardView): string => s.age(requestAge(r, view.now.toISOString()).hours);
const isOpenCase = (view: CaseCardView): boolean => view.case.status === 'open';

// ---- "Gevraagd van u": at the top of the asked organisation's personal view ----

/** The open questions asked of the viewer's organisation, oldest first, with the forms to answer or decline. */
export function askedOfYouSection(view: CaseCardView): CardElement[] {
  if (view.viewerOrg === undefined || !isOpenCase(view)) return [];
  const mine = openRequests(
    docsOf(view).infoRequests.map((d) => d.body),
    view.viewerOrg,
  );
  if (mine.length === 0) return [];
  const lines = mine.flatMap((r) => [
    line(s.askedOfYouLine(orgName(r.fromOrg), ageOf(r, view)), { bold: true }),
    line(r.question),
    line(`${s.why}: ${r.whyNeeded}`, { subtle: true }),
    line(`${s.changes}: ${r.whatItChanges}`, { subtle: true }),
  ]);
  return [
    ...renderPart('questions', { style: 'emphasis', heading: s.askedOfYou, lines }),
    actionSet([answerForm(view, mine), declineForm(view, mine)], { spacing: 'small' }),
  ];
}

const requestChoices = (view: CaseCardView, mine: readonly InfoRequest[]) =>
  mine.map((r, i) => ({ title: `${i + 1}. ${orgName(r.fromOrg)} (${ageOf(r, view)})`, value: r.id }));

function requestPicker(view: CaseCardView, mine: readonly InfoRequest[], id: string): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label: nlVerdieping.questions.title,
    style: 'compact',
    value: mine[0].id,
    isRequired: true,
    errorMessage: s.required,
    choices: requestChoices(view, mine),
  };
}

function form(title: string, body: CardElement[], verb: string, submit: string, caseId: string): CardElement {
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [{ type: 'Action.Execute', title: submit, verb, data: { caseId }, associatedInputs: 'auto', style: 'positive' }],
    },
  };
}

function answerForm(view: CaseCardView, mine: readonly InfoRequest[]): CardElement {
  return form(
    s.answerTitle,
    [
      requestPicker(view, mine, I.requestId),
      {
        type: 'Input.Text',
        id: I.answerText,
        label: s.answerText,
        isMultiline: true,
        maxLength: 2000,
        isRequired: true,
        errorMessage: s.required,
      },
      {
        type: 'Input.ChoiceSet',
        id: I.answerSource,
        label: s.answerSource,
        style: 'compact',
        isRequired: true,
        errorMessage: s.required,
        choices: CONTRIBUTION_SOURCES.map((c) => ({ title: nlCards.sources[c], value: c })),
      },
      {
        type: 'Input.Text',
        id: I.answerNeedToKnow,
        label: s.answerNeedToKnow,
        isMultiline: true,
        maxLength: 500,
        regex: minTrimmedLength(10),
        isRequired: true,
        errorMessage: s.required,
      },
    ],
    SIGNAL_VERBS.answerInfo,
    s.answerSubmit,
    view.case.id,
  );
}

function declineForm(view: CaseCardView, mine: readonly InfoRequest[]): CardElement {
  return form(
    s.declineTitle,
    [
      requestPicker(view, mine, I.declineRequestId),
      {
        type: 'Input.ChoiceSet',
        id: I.declineReason,
        label: s.declineReason,
        style: 'compact',
        isRequired: true,
        errorMessage: s.required,
        choices: DECLINE_REASONS.map((r) => ({ title: v.questions.declineReason[r], value: r })),
      },
      { type: 'Input.Text', id: I.declineNote, label: s.declineNote, isMultiline: true, maxLength: 500 },
    ],
    SIGNAL_VERBS.declineInfo,
    s.declineSubmit,
    view.case.id,
  );
}

// ---- all questions of the case (count and age), and "Vraag stellen" ----

export function questionsSection(view: CaseCardView, withForms = true): CardElement[] {
  const all = docsOf(view).infoRequests.map((d) => d.body);
  const open = openRequests(all);
  const answered = all.filter((r) => r.status === 'answered').length;
  const declined = all.filter((r) => r.status === 'declined');
  const lines = [
    ...open.map((r) => line(s.openLine(orgName(r.fromOrg), orgName(r.toOrg), ageOf(r, view)))),
    ...declined.map((r) =>
      line(s.declinedLine(orgName(r.toOrg), v.questions.declineReason[r.decline?.reason ?? 'anders']), { subtle: true }),
    ),
    ...(answered > 0 ? [line(s.settledCount(answered, declined.length), { subtle: true })] : []),
  ];
  const ask = withForms && isOpenCase(view) && view.viewerOrg !== undefined ? [actionSet([askForm(view)], { spacing: 'small' })] : [];
  if (lines.length === 0 && ask.length === 0) return [];
  return [...renderPart('questions', { style: null, heading: s.questionsHeading(open.length), lines }), ...ask];
}

function askForm(view: CaseCardView): CardElement {
  const others = (view.rosterOrgs ?? [...PARTNER_ORGS]).filter((o) => o !== view.viewerOrg);
  return form(
    s.askTitle,
    [
      {
        type: 'Input.ChoiceSet',
        id: I.askTo,
        label: s.askTo,
        style: 'compact',
        isRequired: true,
        errorMessage: s.required,
        choices: others.map((o) => ({ title: orgName(o), value: o })),
      },
      {
        type: 'Input.Text',
        id: I.askQuestion,
        label: s.askQuestion,
        isMultiline: true,
        maxLength: 1000,
        isRequired: true,
        errorMessage: s.required,
      },
      {
        type: 'Input.Text',
        id: I.askWhy,
        label: s.askWhy,
        isMultiline: true,
        maxLength: 500,
        regex: minTrimmedLength(10),
        isRequired: true,
        errorMessage: s.required,
      },
      {
        type: 'Input.Text',
        id: I.askChanges,
        label: s.askChanges,
        isMultiline: true,
        maxLength: 500,
        regex: minTrimmedLength(10),
        isRequired: true,
        errorMessage: s.required,
      },
    ],
    SIGNAL_VERBS.askInfo,
    s.askSubmit,
    view.case.id,
  );
}

// ---- risk instruments and running measures ----

const measureLabel = (m: RunningMeasure): string => v.risk.measureType[m.type];

export function safetySignalsSection(view: CaseCardView, withForms = true): CardElement[] {
  const d = docsOf(view);
  const today = amsterdamDate(view.now.toISOString());
  const measures = runningMeasures(
    d.measures.map((x) => x.body),
    today,
  );
  const lines: Line[] = [
    ...d.riskAssessments.map((x) => {
      const a = x.body;
      return a.outcome
        ? line(s.riskOutcome(a.instrument, v.risk.level[a.outcome.level], a.outcome.date), { bold: a.outcome.level === 'hoog' })
        : line(s.riskRequested(a.instrument, orgName(a.fromOrg)), { subtle: true });
    }),
    ...measures.flatMap((m) => [
      line(s.measureLine(measureLabel(m), orgName(m.holderOrg), m.until)),
      ...m.violations.map((x) => line(v.risk.violation(measureLabel(m), formatAmsterdam(x.at)), { bold: true })),
    ]),
  ];
  const forms = withForms && isOpenCase(view) && view.viewerOrg !== undefined ? signalForms(view, measures) : [];
  if (lines.length === 0 && forms.length === 0) return [];
  if (lines.length === 0) lines.push(line(s.none, { subtle: true }));
  return [...renderPart('safety-signals', { style: null, heading: s.safetyHeading, lines }), ...forms];
}

function signalForms(view: CaseCardView, measures: readonly RunningMeasure[]): CardElement[] {
  const caseId = view.case.id;
  const orgs = view.rosterOrgs ?? [...PARTNER_ORGS];
  const orgChoices = orgs.map((o) => ({ title: orgName(o), value: o }));
  const pending = docsOf(view)
    .riskAssessments.map((x) => x.body)
    .filter((a) => a.status === 'gevraagd' && a.fromOrg === view.viewerOrg);
  const forms: CardElement[] = [
    form(
      s.riskTitle,
      [
        {
          type: 'Input.ChoiceSet',
          id: I.riskInstrument,
          label: s.riskInstrument,
          style: 'compact',
          isRequired: true,
          errorMessage: s.required,
          choices: instrumentsOf(view.location.verdieping).map((i) => ({ title: i, value: i })),
        },
        {
          type: 'Input.ChoiceSet',
          id: I.riskFrom,
          label: s.riskFrom,
          style: 'compact',
          isRequired: true,
          errorMessage: s.required,
          choices: orgChoices,
        },
      ],
      SIGNAL_VERBS.requestRisk,
      s.riskSubmit,
      caseId,
    ),
    form(
      s.measureTitle,
      [
        {
          type: 'Input.ChoiceSet',
          id: I.measureType,
          label: s.measureType,
          style: 'compact',
          isRequired: true,
          errorMessage: s.required,
          choices: MEASURE_TYPES.map((m) => ({ title: v.risk.measureType[m], value: m })),
        },
        {
          type: 'Input.ChoiceSet',
          id: I.measureHolder,
          label: s.measureHolder,
          style: 'compact',
          isRequired: true,
          errorMessage: s.required,
          choices: orgChoices,
        },
        { type: 'Input.Date', id: I.measureUntil, label: s.measureUntil, isRequired: true, errorMessage: s.required },
      ],
      SIGNAL_VERBS.addMeasure,
      s.measureSubmit,
      caseId,
    ),
  ];
  if (pending.length > 0)
    forms.push(
      form(
        s.outcomeTitle,
        [
          {
            type: 'Input.ChoiceSet',
            id: I.assessmentId,
            label: s.riskInstrument,
            style: 'compact',
            value: pending[0].id,
            isRequired: true,
            errorMessage: s.required,
            choices: pending.map((a) => ({ title: a.instrument, value: a.id })),
          },
          {
            type: 'Input.ChoiceSet',
            id: I.outcomeLevel,
            label: s.outcomeLevel,
            style: 'compact',
            isRequired: true,
            errorMessage: s.required,
            choices: RISK_LEVELS.map((l) => ({ title: v.risk.level[l], value: l })),
          },
          { type: 'Input.Date', id: I.outcomeDate, label: s.outcomeDate, isRequired: true, errorMessage: s.required },
        ],
        SIGNAL_VERBS.riskOutcome,
        s.outcomeSubmit,
        caseId,
      ),
    );
  if (measures.length > 0)
    forms.push(
      form(
        s.violationTitle,
        [
          {
            type: 'Input.ChoiceSet',
            id: I.measureId,
            label: s.measureType,
            style: 'compact',
            value: measures[0].id,
            isRequired: true,
            errorMessage: s.required,
            choices: measures.map((m) => ({ title: `${measureLabel(m)} (${orgName(m.holderOrg)})`, value: m.id })),
          },
          { type: 'Input.Date', id: I.violationDate, label: s.violationDate, isRequired: true, errorMessage: s.required },
          { type: 'Input.Time', id: I.violationTime, label: s.violationTime, isRequired: true, errorMessage: s.required },
          { type: 'Input.Text', id: I.violationNote, label: s.violationNote, isMultiline: true, maxLength: 500 },
        ],
        SIGNAL_VERBS.reportViolation,
        s.violationSubmit,
        caseId,
      ),
    );
  return [actionSet(forms, { spacing: 'small' })];
}

/** Lines for the danger block: a violated measure and a high-risk outcome (the location's levels). */
export function safetySignalDangerLines(view: CaseCardView): string[] {
  const d = docsOf(view);
  const levels = view.location.verdieping.safetyEscalation.riskLevels;
  const violated = d.measures.map((x) => x.body).filter((m) => m.violations.length > 0);
  const high = d.riskAssessments.map((x) => x.body).filter((a) => a.outcome && levels.includes(a.outcome.level));
  return [
    ...violated.map((m) => `⚠ ${s.violationDanger(measureLabel(m), m.violations.length)}`),
    ...high.map((a) => `⚠ ${s.highRiskDanger(a.instrument, a.outcome ? v.risk.level[a.outcome.level] : '')}`),
  ];
}
