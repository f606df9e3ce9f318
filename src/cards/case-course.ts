import { PARTNER_ORGS } from '../domain/orgs';
import {
  ACTION_VERDICTS,
  concernedOrgs,
  currentRound,
  isCurrentRoundOpen,
  missingOrgs,
  overdueActions,
  RE_AGENDA_MAX_DAYS,
  roundDelta,
  type CaseAction,
} from '../domain/rounds';
import { nlCards as t } from '../i18n/nl/cards';
import { escalationWhy, orgNames, voteGroups, voteRows, voteTally } from './sections';
import { amsterdamDate, formatAmsterdam, formatAmsterdamShort, formatDayDate, minTrimmedLength, plainTruncate, truncate } from './text';
import type { CardElement } from './types';
import { renderPart } from './parts';
import { INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { nlCaseCards as c } from '../i18n/nl/case-cards';
import { standingReasons } from './case-top';
import { closeOpenButton, closureHandoverLines } from './case-closing';

/**
 * The case's course on the case card: the round, regie, actions, door-agenderen, escalation,
 * closure and the chair's controls. Buttons sit in an ActionSet next to the section they act on, so
 * the card's own action row keeps its four buttons (hosts show about five well). Every form opens
 * inline (Action.ShowCard): no dialogs, so it works in the Agents Playground too.
 *
 * The layout of each section is a template in cards/parts/case-*.json (bound by renderPart, parts.ts);
 * this file decides what each shows (densities, viewer, state) and builds its typed view model.
 */

type Draft = CaseCardView['draft'];

/** An input's earlier value, when the card is shown again after a refusal. */
/**
 * At most this much of what a user typed is echoed back into a refused form: never more than the
 * input accepts, so a refusal of huge input stays a small card (Teams refuses cards over ~40 KB).
 */
export const ECHO_LIMITS: Partial<Record<keyof NonNullable<Draft>, number>> = {
  contribText: 2000,
  contribNeedToKnow: 500,
  voteReason: 500,
  closeReason: 1000,
  aoQuestion: 1000,
  actionWhat: 500,
  adviceSummary: 4000,
  decisionText: 2000,
  decisionConcern: 1000,
  followUpText: 2000,
  handoverNote: 500,
  handoverNoneReason: 500,
};
const ECHO_DEFAULT = 200;

export function prefill(draft: Draft, id: keyof NonNullable<Draft>): { value?: string } {
  const value = draft?.[id];
  if (!value) return {};
  const max = ECHO_LIMITS[id] ?? ECHO_DEFAULT;
  return { value: value.length > max ? value.slice(0, max) : value };
}

/**
 * The input id of the "which action" ChoiceSet in the "Actie afronden" form. It is the very key
 * `settleActionDataSchema` reads: Action.Execute merges input values into its data, so the invoke
 * arrives as `{ caseId, actionId, actionVerdict }`. The data itself carries only `{ caseId }`, so no
 * renderer's merge order can swap the chosen action for another one.
 */
export const SETTLE_ACTION_ID_INPUT = 'actionId';

export const COURSE_LIMITS = {
  /** An action's description in the "Actie afronden" choice list. */
  actionChoice: 40,
  closeReason: 500,
} as const;

/**
 * How much detail the case card shows. The card builder starts with the fullest and steps down
 * while the card would not leave room for at least one contribution within its byte budget.
 */
export interface CardDensity {
  summary: number;
  contributionText: number;
  needToKnow: number;
  /** Characters of a buikpijn reason on the card; 0 = reasons only in Details. */
  voteReason: number;
  /** Per organisation a block, or a line; or only the organisations grouped by vote. */
  votes: 'blocks' | 'lines' | 'grouped';
  actionWhat: number;
  /** Open actions listed (soonest due first, overdue always first); the rest is counted. */
  maxOpenActions: number;
  /** One line per action instead of a block. */
  compactActions: boolean;
  /** Explanatory lines that are not needed to act. */
  hints: boolean;
  /**
   * Lines that only confirm or repeat ("all voted", "no change since round N", contributions per
   * organisation under the count, the settled actions that Details lists); left out on the leanest card.
   */
  confirmations: boolean;
  /** Veilig Thuis: every step of the consultation, or only the latest (the leanest card). */
  vt: 'full' | 'compact';
}

// ---- the view models of the parts (cards/parts/case-*.json); `null` leaves an element or property out ----

interface Button {
  title: string;
  verb: string;
}

/** cards/parts/case-regie.json: who has regie, and "Regie nemen" or the "Regie overdragen" form. */
export interface RegiePart {
  caseId: string;
  holder: string;
  take: Button | null;
  handOver:
    | (Button & {
        inputId: string;
        value: string | null;
        label: string;
        placeholder: string;
        errorMessage: string;
        choices: { title: string; value: string }[];
        submit: string;
      })
    | null;
}

/** cards/parts/case-chair.json: the chair's block; exactly one of the three round buttons is set. */
export interface ChairPart {
  caseId: string;
  heading: string;
  hint: string | null;
  confirmCloseRound: (Button & { question: string; confirm: string }) | null;
  closeRound: Button | null;
  startRound: Button | null;
  reAgenda: Button & {
    dateId: string;
    date: string | null;
    dateLabel: string;
    datePlaceholder: string;
    min: string;
    max: string;
    dateError: string;
    timeId: string;
    time: string | null;
    timeLabel: string;
    timePlaceholder: string;
    timeError: string;
    submit: string;
  };
  /** Opens the close view (closing with a handover, normal or "ondanks"; case-closing.ts). */
  closeOpen: Button | null;
}

// ---- escalation, closure, door-agenderen (top of the card) ----

export function escalationLine(view: CaseCardView): CardElement[] {
  const e = view.escalation;
  if (!e) return [];
  return renderPart('case-escalation', { line: t.escalation.line(formatAmsterdamShort(e.at, view.now), escalationWhy(e, view.location)) });
}

/** cards/parts/case-closure.json: when the case was closed and, when closed despite buikpijn, by whom and why. */
export interface ClosurePart {
  style: 'warning' | 'emphasis';
  at: string;
  despite: string | null;
  reason: string | null;
  /** Who holds the case from now on, what was handed over, and whom the safety plan left without a holder. */
  handover: string[];
}

export function closureSection(view: CaseCardView): CardElement[] {
  const c = view.case.closure;
  if (!c) return [];
  const despite = c.despiteConcern
    ? c.remainingConcern.length > 0
      ? t.closure.despite(orgNames(c.remainingConcern))
      : t.closure.despiteNoOrgs
    : null;
  const model: ClosurePart = {
    style: c.despiteConcern || c.despiteSafety ? 'warning' : 'emphasis',
    at: t.closure.at(formatAmsterdam(c.at)),
    despite,
    reason: (c.despiteConcern || c.despiteSafety) && c.reason ? t.closure.reason(plainTruncate(c.reason, COURSE_LIMITS.closeReason)) : null,
    handover: closureHandoverLines(c, view),
  };
  return renderPart('case-closure', model);
}

export function reAgendaLine(view: CaseCardView): CardElement[] {
  const at = view.case.reAgendaAt;
  return at ? renderPart('case-re-agenda', { line: t.reAgenda.at(formatDayDate(at)) }) : [];
}

// ---- the round ----

/** cards/parts/case-round.json: the round's state, who has not voted, standing buikpijn and what changed. */
export interface RoundPart {
  heading: string;
  question: string;
  tally: string;
  state: string;
  allVoted: string | null;
  missingOpen: string | null;
  missingClosed: string | null;
  standing: string | null;
  standingReasons: string[];
  noChanges: string | null;
  changesHeading: string | null;
  changes: { text: string; weight: 'bolder' | null }[];
  same: string | null;
}

type RoundChanges = Pick<RoundPart, 'noChanges' | 'changesHeading' | 'changes' | 'same'>;

function roundChanges(view: CaseCardView, round: number, d: CardDensity): RoundChanges {
  const none: RoundChanges = { noChanges: null, changesHeading: null, changes: [], same: null };
  if (round <= 1) return none;
  const delta = roundDelta(view.votes, round);
  if (delta.length === 0) return none; // nobody voted in this round yet: "Nog niet gestemd" says it
  const changes: RoundChanges['changes'] = [];
  for (const d of delta) {
    const org = t.orgsShort[d.orgId];
    if (d.change === 'raised') changes.push({ text: t.round.up(org), weight: 'bolder' });
    else if (d.change === 'resolved') changes.push({ text: t.round.down(org), weight: 'bolder' });
    else if (d.change === 'new')
      changes.push(d.concern ? { text: t.round.upFirst(org), weight: 'bolder' } : { text: t.round.downFirst(org), weight: null });
  }
  const same = delta.filter((d) => d.change === 'same').map((d) => d.orgId);
  if (changes.length === 0) return { ...none, noChanges: d.confirmations ? t.round.noChanges(round - 1) : null };
  return {
    noChanges: null,
    changesHeading: t.round.changesHeading(round - 1),
    changes,
    same: same.length > 0 ? t.round.same(orgNames(same, true)) : null,
  };
}

/** "Buikpijn — ronde N": open or closed, who has not voted, what changed, and the per-organisation picture. */
export function roundSection(view: CaseCardView, d: CardDensity): CardElement[] {
  const c = view.case;
  const round = c.round;
  const rounds = c.rounds ?? [];
  const open = isCurrentRoundOpen(rounds);
  const info = currentRound(rounds);
  const missing = missingOrgs(view.location.expectedOrgs, view.votes, round);
  const votedNow = new Set(view.votes.filter((v) => v.round === round).map((v) => v.orgId));
  const standing = concernedOrgs(view.votes, round).filter((o) => !votedNow.has(o));
  const model: RoundPart = {
    heading: t.votes.heading(round),
    question: t.votes.question,
    tally: voteTally(view, round),
    state: open
      ? t.round.open(round, info ? formatAmsterdamShort(info.startedAt, view.now) : undefined)
      : t.round.closed(round, info?.closedAt ? formatAmsterdamShort(info.closedAt, view.now) : ''),
    allVoted: missing.length === 0 && d.confirmations ? t.round.allVoted : null,
    missingOpen: missing.length > 0 && open ? t.round.missing(orgNames(missing)) : null,
    missingClosed: missing.length > 0 && !open ? t.round.missingClosed(orgNames(missing)) : null,
    // Buikpijn from an earlier round still counts: name it WITH its reason (the leanest card: names only).
    standing: standing.length > 0 ? t.round.standing(orgNames(standing)) : null,
    standingReasons: standing.length > 0 && d.voteReason > 0 ? standingReasons(view, d.voteReason) : [],
    ...roundChanges(view, round, d),
  };
  // Who has not voted is said once (missingOpen); the rows (sections.ts) list the organisations that voted.
  return [
    ...renderPart('case-round', model),
    ...(d.votes === 'grouped'
      ? voteGroups(view, round)
      : voteRows(view, round, { reasonMax: d.voteReason, withTime: false, compact: d.votes === 'lines', omitNotVoted: true })),
  ];
}

// ---- regie ----

/**
 * "Regie nemen" when nobody has it; "Regie overdragen" when somebody has it, for the lead's own
 * organisation and the chair (the server checks again). The shared card, without a known viewer,
 * shows it too, so nobody is left without the button before their personal view arrives.
 */
export function regieSection(view: CaseCardView): CardElement[] {
  const lead = view.case.caseLead;
  const caseId = view.case.id;
  const holder = lead ? t.regie.holder(t.orgs[lead.orgId], formatAmsterdamShort(lead.since, view.now)) : t.regie.none;
  const open = view.case.status !== 'closed';
  const mayHandOver = lead !== undefined && (view.viewerOrg === undefined || view.viewerOrg === lead.orgId || view.viewerIsChair === true);
  const model: RegiePart = {
    caseId,
    holder,
    take: open && !lead ? { title: t.regie.take, verb: VERBS.takeLead } : null,
    handOver:
      open && lead && mayHandOver
        ? {
            title: t.regie.handOver,
            inputId: INPUTS.leadTo,
            value: prefill(view.draft, INPUTS.leadTo).value ?? null,
            label: t.regie.handOverTo,
            placeholder: t.regie.handOverPlaceholder,
            errorMessage: t.regie.handOverError,
            choices: PARTNER_ORGS.filter((o) => o !== lead.orgId).map((o) => ({ title: t.orgs[o], value: o })),
            submit: t.regie.handOverSubmit,
            verb: VERBS.handOverLead,
          }
        : null,
  };
  return renderPart('case-regie', model);
}

// ---- actions ----

const byDue = (a: CaseAction, b: CaseAction): number => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id);

interface Input {
  id: string;
  value: string | null;
  label: string;
  errorMessage: string;
}

/** cards/parts/case-actions.json: open actions (as lines or blocks), what was settled, and the two forms. */
export interface ActionsPart {
  caseId: string;
  heading: string;
  none: string | null;
  overdueCount: string | null;
  /** One line per action (compact density) … */
  lines: ActionItem[];
  /** … or one block per action; one of the two lists is empty. */
  blocks: ActionItem[];
  more: string | null;
  settled: string | null;
  add:
    | (Button & {
        submit: string;
        what: Input & { placeholder: string; maxLength: number; regex: string };
        org: Input & { placeholder: string; choices: Choice[] };
        dueDate: Input & { placeholder: string; min: string };
        dueTime: Input & { placeholder: string };
      })
    | null;
  settle:
    | (Button & {
        submit: string;
        action: Input & { choices: Choice[] };
        verdict: Input & { placeholder: string; choices: Choice[] };
      })
    | null;
}

interface ActionItem {
  what: string;
  /** Who and when; for an overdue action, that it is overdue. */
  line: string;
  overdue: boolean;
}

interface Choice {
  title: string;
  value: string;
}

const prefilled = (view: CaseCardView, id: keyof NonNullable<Draft>): string | null => prefill(view.draft, id).value ?? null;

function addActionForm(view: CaseCardView): NonNullable<ActionsPart['add']> {
  return {
    title: t.caseActions.add,
    submit: t.caseActions.addSubmit,
    verb: VERBS.addAction,
    what: {
      id: INPUTS.actionWhat,
      value: prefilled(view, INPUTS.actionWhat),
      label: t.caseActions.what,
      placeholder: t.caseActions.whatPlaceholder,
      maxLength: 500,
      regex: minTrimmedLength(3),
      errorMessage: t.caseActions.whatError,
    },
    org: {
      id: INPUTS.actionOrg,
      value: prefilled(view, INPUTS.actionOrg),
      label: t.caseActions.org,
      placeholder: t.caseActions.orgPlaceholder,
      errorMessage: t.caseActions.orgError,
      choices: PARTNER_ORGS.map((o) => ({ title: t.orgs[o], value: o })),
    },
    dueDate: {
      id: INPUTS.actionDueDate,
      value: prefilled(view, INPUTS.actionDueDate),
      label: t.caseActions.dueDate,
      placeholder: c.placeholders.date,
      min: amsterdamDate(view.now),
      errorMessage: t.caseActions.dueDateError,
    },
    dueTime: {
      id: INPUTS.actionDueTime,
      value: prefilled(view, INPUTS.actionDueTime),
      label: t.caseActions.dueTime,
      placeholder: c.placeholders.time,
      errorMessage: t.caseActions.dueTimeError,
    },
  };
}

/**
 * One "Actie afronden" form for the overdue actions (the ones that wait for a verdict, see
 * `carryOver`): a ChoiceSet of those actions (id `actionId`, see SETTLE_ACTION_ID_INPUT; the most
 * overdue preselected) and one of the verdicts. One form instead of one per action keeps the input
 * ids unique and the card short.
 */
function settleActionForm(view: CaseCardView, overdue: readonly CaseAction[]): NonNullable<ActionsPart['settle']> {
  return {
    title: t.caseActions.settle,
    submit: t.caseActions.settleSubmit,
    verb: VERBS.settleAction,
    action: {
      id: SETTLE_ACTION_ID_INPUT,
      value: overdue[0]?.id ?? null,
      label: t.caseActions.settleWhich,
      errorMessage: t.caseActions.settleWhichError,
      choices: overdue.map((a) => ({
        title: t.caseActions.choice(truncate(a.what, COURSE_LIMITS.actionChoice), t.orgsShort[a.orgId]),
        value: a.id,
      })),
    },
    verdict: {
      id: INPUTS.actionVerdict,
      value: prefilled(view, INPUTS.actionVerdict),
      label: t.caseActions.verdict,
      placeholder: t.caseActions.verdictPlaceholder,
      errorMessage: t.caseActions.verdictError,
      choices: ACTION_VERDICTS.map((v) => ({ title: t.verdicts[v], value: v })),
    },
  };
}

function actionItem(a: CaseAction, isOverdue: boolean, view: CaseCardView, d: CardDensity): ActionItem {
  const due = formatAmsterdamShort(a.dueAt, view.now);
  // A line names the organisation short; a block in full.
  const org = d.compactActions ? t.orgsShort[a.orgId] : t.orgs[a.orgId];
  return {
    what: plainTruncate(a.what, d.actionWhat),
    line: isOverdue ? t.caseActions.overdue(org, due) : t.caseActions.meta(org, due),
    overdue: isOverdue,
  };
}

/** Open actions (soonest due first, overdue marked), a summary of the settled ones, and the two forms. */
export function actionsSection(view: CaseCardView, d: CardDensity): CardElement[] {
  const all = view.case.actions ?? [];
  const open = all.filter((a) => a.status === 'open').sort(byDue);
  const overdueList = overdueActions(all, view.now).sort(byDue);
  const overdue = new Set(overdueList.map((a) => a.id));
  // Overdue ones are due earliest, so they lead; all overdue ones are in the "Actie afronden" list too.
  const shown = open.slice(0, d.maxOpenActions).map((a) => actionItem(a, overdue.has(a.id), view, d));
  const parts = ACTION_VERDICTS.map((v) => [v, all.filter((a) => a.status === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => t.caseActions.settledPart(t.verdictsInline[v], n));
  const isOpen = view.case.status !== 'closed';
  const model: ActionsPart = {
    caseId: view.case.id,
    heading: t.caseActions.heading(open.length),
    none: all.length === 0 ? t.caseActions.none : null,
    overdueCount: overdue.size > 0 ? t.caseActions.overdueCount(overdue.size) : null,
    lines: d.compactActions ? shown : [],
    blocks: d.compactActions ? [] : shown,
    // With none listed (the leanest card), the heading's count says it all.
    more: open.length > shown.length && shown.length > 0 ? t.caseActions.more(open.length - shown.length) : null,
    settled: parts.length > 0 && d.confirmations ? t.caseActions.settled(parts.join(' · ')) : null,
    add: isOpen ? addActionForm(view) : null,
    settle: isOpen && overdueList.length > 0 ? settleActionForm(view, overdueList) : null,
  };
  return renderPart('case-actions', model);
}

// ---- the chair ----

function reAgendaForm(view: CaseCardView): ChairPart['reAgenda'] {
  return {
    title: t.reAgenda.button,
    dateId: INPUTS.reAgendaDate,
    date: prefill(view.draft, INPUTS.reAgendaDate).value ?? null,
    dateLabel: t.reAgenda.date,
    datePlaceholder: c.placeholders.date,
    min: amsterdamDate(view.now),
    max: amsterdamDate(view.now, RE_AGENDA_MAX_DAYS),
    dateError: t.reAgenda.dateError(RE_AGENDA_MAX_DAYS),
    timeId: INPUTS.reAgendaTime,
    time: prefill(view.draft, INPUTS.reAgendaTime).value ?? null,
    timeLabel: t.reAgenda.time,
    timePlaceholder: c.placeholders.time,
    timeError: t.reAgenda.timeError,
    submit: t.reAgenda.submit,
    verb: VERBS.reAgenda,
  };
}

/**
 * The chair's controls, in one "Voorzitter" block (for chairs and the neutral view, while open):
 * the round button (start or close, whichever applies), door-agenderen, and closing. "Zaak sluiten"
 * appears only when the domain allows it (round closed, no standing buikpijn); "Sluiten ondanks
 * buikpijn" only when buikpijn stands. At most four buttons, no nested forms.
 */
export function chairSection(view: CaseCardView, d: CardDensity): CardElement[] {
  // Hidden from a known non-chair; shown in the neutral channel view (no viewer), because clients
  // without automatic refresh never get the chair's own view. The bot refuses non-chairs anyway.
  const knownNonChair = view.viewerOrg !== undefined && view.viewerIsChair !== true;
  if (knownNonChair || view.case.status === 'closed') return [];
  const rounds = view.case.rounds ?? [];
  const missing = missingOrgs(view.location.expectedOrgs, view.votes, view.case.round);
  const expected = view.location.expectedOrgs.length;
  const open = isCurrentRoundOpen(rounds);
  const button = (title: string, verb: string) => ({ title, verb });
  const model: ChairPart = {
    caseId: view.case.id,
    heading: t.chair.heading,
    hint: d.hints ? t.chair.closeHint : null,
    // Closing while organisations have not voted asks for a confirmation first (inline, every client).
    confirmCloseRound:
      open && missing.length > 0
        ? {
            title: t.chair.closeRound,
            question: c.confirmCloseRound.question(missing.length, expected),
            confirm: c.confirmCloseRound.confirm,
            verb: VERBS.closeRound,
          }
        : null,
    closeRound: open && missing.length === 0 ? button(t.chair.closeRound, VERBS.closeRound) : null,
    startRound: open ? null : button(t.chair.startRound, VERBS.startRound),
    reAgenda: reAgendaForm(view),
    closeOpen: closeOpenButton(view),
  };
  return renderPart('case-chair', model);
}
