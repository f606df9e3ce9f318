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
import { nlAdviceVerdieping } from '../i18n/nl/advice-verdieping';
import { choiceField, dateField, textField, timeField, type FormInput, type FormModel } from './verdieping-form-model';
import { renderPart } from './parts';
import { minTrimmedLength, plainTruncate } from './text';
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

/**
 * How much of the questions and signals the case card shows (the form and every text are in the
 * verdieping view): a crowded card (the case card's lean densities) shows less; the rest is counted.
 */
export interface SignalDensity {
  /** Questions asked of the viewer shown in full at the top; the question's text; why and what it changes (0: left out). */
  asked: number;
  question: number;
  why: number;
  /** Lines of the questions list and of the risk-and-measures list; violations per measure (newest first). */
  lines: number;
  violations: number;
}
export const SIGNAL_DENSITY_FULL: SignalDensity = { asked: 3, question: 300, why: 160, lines: 10, violations: 3 };
export const SIGNAL_DENSITY_LEAN: SignalDensity = { asked: 1, question: 120, why: 0, lines: 1, violations: 1 };
const more = nlAdviceVerdieping.caseCard;
const cappedLines = (lines: Line[], max: number): Line[] =>
  lines.length <= max ? lines : [...lines.slice(0, max), line(more.moreLines(lines.length - max), { subtle: true })];
const ageOf = (r: InfoRequest, view: CaseCardView): string => s.age(requestAge(r, view.now.toISOString()).hours);
const isOpenCase = (view: CaseCardView): boolean => view.case.status === 'open';

// ---- "Gevraagd van u": at the top of the asked organisation's personal view ----

const askedOfViewer = (view: CaseCardView): InfoRequest[] =>
  view.viewerOrg === undefined || !isOpenCase(view)
    ? []
    : openRequests(
        docsOf(view).infoRequests.map((d) => d.body),
        view.viewerOrg,
      );

/** The open questions asked of the viewer's organisation, oldest first (the forms to answer or decline are in the verdieping view). */
export function askedOfYouSection(view: CaseCardView, d: SignalDensity = SIGNAL_DENSITY_FULL): CardElement[] {
  const mine = askedOfViewer(view);
  if (mine.length === 0) return [];
  const lines = mine
    .slice(0, d.asked)
    .flatMap((r) => [
      line(s.askedOfYouLine(orgName(r.fromOrg), ageOf(r, view)), { bold: true }),
      line(plainTruncate(r.question, d.question)),
      ...(d.why > 0
        ? [
            line(`${s.why}: ${plainTruncate(r.whyNeeded, d.why)}`, { subtle: true }),
            line(`${s.changes}: ${plainTruncate(r.whatItChanges, d.why)}`, { subtle: true }),
          ]
        : []),
    ]);
  const rest = mine.length - d.asked;
  return renderPart('questions', {
    style: 'emphasis',
    heading: s.askedOfYou,
    lines: rest > 0 ? [...lines, line(more.moreAsked(rest), { bold: true })] : lines,
  });
}

/** The answer and decline forms for the questions asked of the viewer's organisation (the verdieping view). */
export function askedOfYouForms(view: CaseCardView): FormModel[] {
  const mine = askedOfViewer(view);
  return mine.length === 0 ? [] : [answerForm(view, mine), declineForm(view, mine)];
}

const requestChoices = (view: CaseCardView, mine: readonly InfoRequest[]) =>
  mine.map((r, i) => ({ title: `${i + 1}. ${orgName(r.fromOrg)} (${ageOf(r, view)})`, value: r.id }));

const requestPicker = (view: CaseCardView, mine: readonly InfoRequest[], id: string): FormInput =>
  choiceField(id, nlVerdieping.questions.title, requestChoices(view, mine), { required: true, value: mine[0].id, error: s.required });

const form = (title: string, inputs: FormInput[], verb: string, submit: string, caseId: string): FormModel => ({
  title,
  submit,
  verb,
  data: { caseId },
  style: 'positive',
  inputs,
});
const req = { required: true, error: s.required } as const;

function answerForm(view: CaseCardView, mine: readonly InfoRequest[]): FormModel {
  return form(
    s.answerTitle,
    [
      requestPicker(view, mine, I.requestId),
      textField(I.answerText, s.answerText, 2000, { ...req, multiline: true }),
      choiceField(
        I.answerSource,
        s.answerSource,
        CONTRIBUTION_SOURCES.map((c) => ({ title: nlCards.sources[c], value: c })),
        req,
      ),
      textField(I.answerNeedToKnow, s.answerNeedToKnow, 500, { ...req, multiline: true, regex: minTrimmedLength(10) }),
    ],
    SIGNAL_VERBS.answerInfo,
    s.answerSubmit,
    view.case.id,
  );
}

function declineForm(view: CaseCardView, mine: readonly InfoRequest[]): FormModel {
  return form(
    s.declineTitle,
    [
      requestPicker(view, mine, I.declineRequestId),
      choiceField(
        I.declineReason,
        s.declineReason,
        DECLINE_REASONS.map((r) => ({ title: v.questions.declineReason[r], value: r })),
        req,
      ),
      textField(I.declineNote, s.declineNote, 500, { multiline: true }),
    ],
    SIGNAL_VERBS.declineInfo,
    s.declineSubmit,
    view.case.id,
  );
}

// ---- all questions of the case (count and age); "Vraag stellen" is in the verdieping view ----

export function questionsSection(view: CaseCardView, d: SignalDensity = SIGNAL_DENSITY_FULL): CardElement[] {
  const all = docsOf(view).infoRequests.map((d) => d.body);
  const open = openRequests(all);
  const answered = all.filter((r) => r.status === 'answered').length;
  const declined = all.filter((r) => r.status === 'declined');
  const lines = [
    ...open.map((r) => line(s.openLine(orgName(r.fromOrg), orgName(r.toOrg), ageOf(r, view)))),
    ...declined.map((r) =>
      line(s.declinedLine(orgName(r.toOrg), v.questions.declineReason[r.decline?.reason ?? 'other']), { subtle: true }),
    ),
    ...(answered > 0 ? [line(s.settledCount(answered, declined.length), { subtle: true })] : []),
  ];
  if (lines.length === 0) return [];
  return renderPart('questions', { style: null, heading: s.questionsHeading(open.length), lines: cappedLines(lines, d.lines) });
}

const mayAct = (view: CaseCardView): boolean => isOpenCase(view) && view.viewerOrg !== undefined;

function askForm(view: CaseCardView): FormModel {
  const others = (view.rosterOrgs ?? [...PARTNER_ORGS]).filter((o) => o !== view.viewerOrg);
  return form(
    s.askTitle,
    [
      choiceField(
        I.askTo,
        s.askTo,
        others.map((o) => ({ title: orgName(o), value: o })),
        req,
      ),
      textField(I.askQuestion, s.askQuestion, 1000, { ...req, multiline: true }),
      textField(I.askWhy, s.askWhy, 500, { ...req, multiline: true, regex: minTrimmedLength(10) }),
      textField(I.askChanges, s.askChanges, 500, { ...req, multiline: true, regex: minTrimmedLength(10) }),
    ],
    SIGNAL_VERBS.askInfo,
    s.askSubmit,
    view.case.id,
  );
}

// ---- risk instruments and running measures ----

const measureLabel = (m: RunningMeasure): string => v.risk.measureType[m.type];
const measuresOf = (view: CaseCardView): RunningMeasure[] =>
  runningMeasures(
    docsOf(view).measures.map((x) => x.body),
    amsterdamDate(view.now.toISOString()),
  );

export function safetySignalsSection(view: CaseCardView, density: SignalDensity = SIGNAL_DENSITY_FULL): CardElement[] {
  const d = docsOf(view);
  const measures = measuresOf(view);
  const lines: Line[] = [
    ...d.riskAssessments.map((x) => {
      const a = x.body;
      return a.outcome
        ? line(s.riskOutcome(a.instrument, v.risk.level[a.outcome.level], a.outcome.date), { bold: a.outcome.level === 'high' })
        : line(s.riskRequested(a.instrument, orgName(a.fromOrg)), { subtle: true });
    }),
    ...measures.flatMap((m) => {
      const newest = [...m.violations].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      const rest = newest.length - density.violations;
      return [
        line(s.measureLine(measureLabel(m), orgName(m.holderOrg), m.until)),
        ...newest.slice(0, density.violations).map((x) => line(v.risk.violation(measureLabel(m), formatAmsterdam(x.at)), { bold: true })),
        ...(rest > 0 ? [line(more.moreViolations(rest), { bold: true })] : []),
      ];
    }),
  ];
  if (lines.length === 0) return [];
  return renderPart('safety-signals', { style: null, heading: s.safetyHeading, lines: cappedLines(lines, density.lines) });
}

/** The forms of informatievragen, risk instruments and measures (the verdieping view): a roster organisation on an open case. */
export function safetySignalForms(view: CaseCardView): FormModel[] {
  if (!mayAct(view)) return [];
  const measures = measuresOf(view);
  const caseId = view.case.id;
  const orgs = view.rosterOrgs ?? [...PARTNER_ORGS];
  const orgChoices = orgs.map((o) => ({ title: orgName(o), value: o }));
  const pending = docsOf(view)
    .riskAssessments.map((x) => x.body)
    .filter((a) => a.status === 'asked' && a.fromOrg === view.viewerOrg);
  const forms: FormModel[] = [
    askForm(view),
    form(
      s.riskTitle,
      [
        choiceField(
          I.riskInstrument,
          s.riskInstrument,
          instrumentsOf(view.location.verdieping).map((i) => ({ title: i, value: i })),
          req,
        ),
        choiceField(I.riskFrom, s.riskFrom, orgChoices, req),
      ],
      SIGNAL_VERBS.requestRisk,
      s.riskSubmit,
      caseId,
    ),
    form(
      s.measureTitle,
      [
        choiceField(
          I.measureType,
          s.measureType,
          MEASURE_TYPES.map((m) => ({ title: v.risk.measureType[m], value: m })),
          req,
        ),
        choiceField(I.measureHolder, s.measureHolder, orgChoices, req),
        dateField(I.measureUntil, s.measureUntil, req),
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
          choiceField(
            I.assessmentId,
            s.riskInstrument,
            pending.map((a) => ({ title: a.instrument, value: a.id })),
            { ...req, value: pending[0].id },
          ),
          choiceField(
            I.outcomeLevel,
            s.outcomeLevel,
            RISK_LEVELS.map((l) => ({ title: v.risk.level[l], value: l })),
            req,
          ),
          dateField(I.outcomeDate, s.outcomeDate, req),
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
          choiceField(
            I.measureId,
            s.measureType,
            measures.map((m) => ({ title: `${measureLabel(m)} (${orgName(m.holderOrg)})`, value: m.id })),
            { ...req, value: measures[0].id },
          ),
          dateField(I.violationDate, s.violationDate, req),
          timeField(I.violationTime, s.violationTime, req),
          textField(I.violationNote, s.violationNote, 500, { multiline: true }),
        ],
        SIGNAL_VERBS.reportViolation,
        s.violationSubmit,
        caseId,
      ),
    );
  return forms;
}

/** Lines for the danger block: a violated measure and a high-risk outcome (the location's levels). */
export function safetySignalDangerLines(view: CaseCardView): string[] {
  const d = docsOf(view);
  const levels = view.location.verdieping.safetyEscalation.riskLevels;
  const violated = d.measures.map((x) => x.body).filter((m) => m.violations.length > 0);
  const high = d.riskAssessments.map((x) => x.body).filter((a) => a.outcome && levels.includes(a.outcome.level));
  // At most two of each kind, the rest counted: the danger block stays short on a case with many measures.
  const two = (lines: string[]) => (lines.length <= 2 ? lines : [...lines.slice(0, 2), `⚠ ${more.moreDanger(lines.length - 2)}`]);
  return [
    ...two(violated.map((m) => `⚠ ${s.violationDanger(measureLabel(m), m.violations.length)}`)),
    ...two(high.map((a) => `⚠ ${s.highRiskDanger(a.instrument, a.outcome ? v.risk.level[a.outcome.level] : '')}`)),
  ];
}
