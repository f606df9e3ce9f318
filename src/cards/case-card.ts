import { CONTRIBUTION_SOURCES } from '../domain/contribution';
import { nlCards as t } from '../i18n/nl/cards';
import { nlViews } from '../i18n/nl/views';
import { nlDialogsInline } from '../i18n/nl/dialogs-inline';
import { cardBytes, takeWithinBudget } from './budget';
import {
  actionsSection,
  chairSection,
  closureSection,
  escalationLine,
  type CardDensity,
  prefill,
  reAgendaLine,
  regieSection,
  roundSection,
} from './case-course';
import type { ContainerStyle } from './elements';
import { renderActions, renderOne, renderPart } from './parts';
import { nlPrivacy } from '../i18n/nl';
import { contributionCounts, contributionItem, factsSection, headerSection, newestFirst, safetySection, termijnSection } from './sections';
import { minTrimmedLength } from './text';
import type { AdaptiveCard, CardElement } from './types';
import { renderTemplate } from './template';
import { dangerLines, statusLine } from './case-top';
import { returningSection } from './case-returning';
import { nlCaseCards } from '../i18n/nl/case-cards';
import { DIALOGS, INPUTS, VERBS } from './verbs';
import type { CaseCardView } from './view';
import { vtSection } from './case-vt';
import { summaryPiiWarning } from './free-text';
import { adviceSection } from './case-advice';
import { nextMomentSection, verdiepingPicture } from './verdieping-card';
import { verdiepingOpenButton } from './verdieping-view-card';
import {
  askedOfYouSection,
  questionsSection,
  safetySignalDangerLines,
  safetySignalsSection,
  SIGNAL_DENSITY_FULL,
  SIGNAL_DENSITY_LEAN,
} from './safety-signals';

export { minTrimmedLength };

/**
 * Limits of the channel card. Teams rejects messages over ~100 KB (UTF-16, 80 KB advised); we stay
 * far below so that the card reads at a glance and, with the message envelope, still fits the
 * older 40 KB limit that some Teams documentation states.
 */
export const CASE_CARD_LIMITS = {
  maxBytes: 38 * 1024,
  contributionBytes: 16 * 1024,
  maxContributions: 5,
  contributionText: 400,
  needToKnow: 200,
  summary: 600,
  voteReason: 300,
} as const;

/**
 * From full to lean. A crowded case (many organisations with long reasons, many actions, the
 * chair's controls, 60 refresh users, a Veilig Thuis consultation) steps down until at least one
 * contribution fits; what is left out stays available in Details (reasons, full texts) or is
 * counted ("en nog N"). The last step lists no open actions (only counts them; overdue ones stay
 * in "Actie afronden") and shows only the latest step of the VT consultation.
 */
export const CASE_CARD_DENSITIES: readonly CardDensity[] = [
  {
    summary: CASE_CARD_LIMITS.summary,
    contributionText: CASE_CARD_LIMITS.contributionText,
    needToKnow: CASE_CARD_LIMITS.needToKnow,
    voteReason: CASE_CARD_LIMITS.voteReason,
    votes: 'blocks',
    actionWhat: 160,
    maxOpenActions: 8,
    compactActions: false,
    hints: true,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 400,
    contributionText: 300,
    needToKnow: 150,
    voteReason: 160,
    votes: 'lines',
    actionWhat: 100,
    maxOpenActions: 5,
    compactActions: true,
    hints: true,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 250,
    contributionText: 200,
    needToKnow: 100,
    voteReason: 0,
    votes: 'grouped',
    actionWhat: 80,
    maxOpenActions: 2,
    compactActions: true,
    hints: false,
    confirmations: true,
    vt: 'full',
  },
  {
    summary: 0,
    contributionText: 150,
    // "Waarom nodig" is in Details, like the reasons (0 leaves the line out): room for "Verdiepen".
    needToKnow: 0,
    voteReason: 0,
    votes: 'grouped',
    actionWhat: 60,
    maxOpenActions: 0,
    compactActions: true,
    hints: false,
    confirmations: false,
    vt: 'compact',
  },
];

type Draft = CaseCardView['draft'];
type Choice = { title: string; value: string };
/** A text input of a form: its id, what the user typed before (null: nothing), Dutch label, placeholder and error. */
interface TextInputModel {
  id: string;
  value: string | null;
  label: string;
  placeholder: string;
  error: string;
}
const toggleModel = (draft: Draft, id: string) => (draft && Object.hasOwn(draft, id) ? { id, title: nlPrivacy.piiConfirmToggle } : null);
const typed = (draft: Draft, id: keyof NonNullable<Draft>): string | null => prefill(draft, id).value ?? null;

/** What `cards/parts/vote-form.json` binds: the Buikpijn form (reason, acute) and Geen buikpijn. */
export interface VoteFormModel {
  caseId: string;
  concern: {
    title: string;
    reason: TextInputModel & { regex: string };
    acute: { id: string; title: string };
    /** "Acuut onveilig" escalates at once: said under the toggle (null on a crowded card). */
    acuteHint: string | null;
    piiToggle: { id: string; title: string } | null;
    submit: string;
    verb: string;
  };
  noConcern: { title: string; verb: string };
}

/** What `cards/parts/case-card-actions.json` binds: the contribution form (open cases) and Details. */
export interface CaseCardActionsModel {
  caseId: string;
  contribution: {
    title: string;
    text: TextInputModel;
    source: Omit<TextInputModel, 'value'> & { value: string | null; choices: Choice[] };
    needToKnow: TextInputModel & { regex: string };
    piiToggle: { id: string; title: string } | null;
    /** "Zichtbaar voor": only when the roster has two organisations or more. */
    visibleTo: { id: string; label: string; value: string; choices: Choice[]; hint: string } | null;
    submit: string;
    verb: string;
  } | null;
  details: { title: string; dialog: string };
}

function visibleToModel(view: CaseCardView): NonNullable<CaseCardActionsModel['contribution']>['visibleTo'] {
  const orgs = view.rosterOrgs ?? [];
  if (orgs.length < 2) return null;
  return {
    id: INPUTS.contribVisibleTo,
    label: nlViews.restricted.input,
    value: view.draft?.[INPUTS.contribVisibleTo] ?? orgs.join(','),
    choices: orgs.map((o) => ({ title: t.orgs[o], value: o })),
    hint: nlViews.restricted.inputHint,
  };
}

function contributionForm(view: CaseCardView): CaseCardActionsModel['contribution'] {
  const draft = view.draft;
  return {
    title: t.actions.addContribution,
    text: {
      id: INPUTS.contribText,
      value: typed(draft, INPUTS.contribText),
      label: t.inputs.contribText,
      placeholder: t.inputs.contribTextPlaceholder,
      error: t.inputs.contribTextError,
    },
    source: {
      id: INPUTS.contribSource,
      value: typed(draft, INPUTS.contribSource),
      label: t.inputs.contribSource,
      placeholder: t.inputs.contribSourcePlaceholder,
      error: t.inputs.contribSourceError,
      choices: CONTRIBUTION_SOURCES.map((s) => ({ title: t.sources[s], value: s })),
    },
    needToKnow: {
      id: INPUTS.contribNeedToKnow,
      value: typed(draft, INPUTS.contribNeedToKnow),
      label: t.inputs.contribNeedToKnow,
      placeholder: t.inputs.contribNeedToKnowPlaceholder,
      error: t.inputs.contribNeedToKnowError,
      regex: minTrimmedLength(10),
    },
    piiToggle: toggleModel(draft, INPUTS.contribPiiConfirm),
    visibleTo: visibleToModel(view),
    submit: t.actions.submitContribution,
    verb: VERBS.addContribution,
  };
}

/** The card's own action row: context information and Details (the votes sit at the top, see primaryActions). */
export function caseCardActionsModel(view: CaseCardView): CaseCardActionsModel {
  return {
    caseId: view.case.id,
    // A closed case takes no more input (the server refuses it too); it can still be read.
    contribution: view.case.status === 'closed' ? null : contributionForm(view),
    details: { title: t.actions.details, dialog: DIALOGS.details },
  };
}

/** The one or two primary actions, right under the status and the danger: Buikpijn (a form) and Geen buikpijn. */
export function voteFormModel(view: CaseCardView, hints: boolean): VoteFormModel {
  const draft = view.draft;
  return {
    caseId: view.case.id,
    concern: {
      title: t.actions.concern,
      reason: {
        id: INPUTS.voteReason,
        value: typed(draft, INPUTS.voteReason),
        label: t.inputs.voteReason,
        placeholder: t.inputs.voteReasonPlaceholder,
        error: t.inputs.voteReasonError,
        regex: minTrimmedLength(3),
      },
      acute: { id: INPUTS.voteAcute, title: t.inputs.voteAcute },
      acuteHint: hints ? nlCaseCards.acuteHint : null,
      piiToggle: toggleModel(draft, INPUTS.votePiiConfirm),
      submit: t.actions.submitConcern,
      verb: VERBS.voteConcern,
    },
    noConcern: { title: t.actions.noConcern, verb: VERBS.voteNoConcern },
  };
}

function primaryActions(view: CaseCardView, d: CardDensity): CardElement[] {
  if (view.case.status === 'closed') return [];
  return renderActions('vote-form', voteFormModel(view, d.hints));
}

/** What `cards/parts/contribution-list.json` binds: the head of the contributions, or the note under them. */
export interface ContributionListModel {
  heading?: string;
  none?: string;
  counts?: string;
  older?: string;
}

function contributionsHead(view: CaseCardView, d: CardDensity): CardElement[] {
  const heading = t.contributions.heading(view.contributions.length);
  const model: ContributionListModel =
    view.contributions.length === 0
      ? { heading, none: t.contributions.none }
      : d.confirmations
        ? { heading, counts: `${t.contributions.byOrg}: ${contributionCounts(view.contributions)}` }
        : { heading };
  return renderPart('contribution-list', model);
}

/** What `cards/parts/details-here.json` binds: the Details dialog's content in the message itself. */
export interface DetailsHereModel {
  caseId: string;
  hint: string | null;
  title: string;
  verb: string;
}

/**
 * At the bottom of "Meer tonen": the Details dialog's content shown in the message itself, for
 * clients that cannot open a dialog (the "Details" button in the action row opens the dialog). Added
 * after the contributions, where the size limit leaves room (see caseCardModel).
 */
function detailsHere(view: CaseCardView, d: CardDensity): CardElement[] {
  const model: DetailsHereModel = {
    caseId: view.case.id,
    hint: d.hints ? nlDialogsInline.details.hereHint : null,
    title: nlDialogsInline.details.hereButton,
    verb: VERBS.detailsHere,
  };
  return renderPart('details-here', model);
}

/** Questions and signals on a crowded card (the lean densities): fewer lines, shorter texts; all of it is in "Verdiepen". */
const signals = (d: CardDensity) => (d.hints ? SIGNAL_DENSITY_FULL : SIGNAL_DENSITY_LEAN);

/** What `cards/case-card.json` binds: the layout rule's parts, in its order (docs/cards.md). */
export interface CaseCardModel {
  caseId: string;
  refreshVerb: string;
  refreshUserIds: string[];
  notice?: { text: string; style: 'good' | 'attention' };
  /** Line 1: status and what is asked of this person. */
  status: { text: string; style: ContainerStyle };
  header: CardElement[];
  dangerHeading: string;
  danger: string[];
  /** Escalation and closure: what happened to the case, right under the danger. */
  alerts: CardElement[];
  primaryActions: CardElement[];
  /** The round: who has buikpijn and why (standing reasons too), who has not voted (once). */
  picture: CardElement[];
  /** Veilig Thuis (a setup task such as an unknown region, the consultation and "Vraag VT"). */
  tasks: CardElement[];
  toggles: { details: string; chair: string };
  /** Behind "Meer tonen": termijn, safety, facts, contributions, regie, actions, advice. */
  details: CardElement[];
  /** Behind "Voorzitter": the chair's controls. */
  chair: CardElement[];
  actions: CardElement[];
}

const renderModel = (model: CaseCardModel): AdaptiveCard => renderTemplate('cards', 'case-card', model);

/** The fields of `cards/case-card.json` that take a list of elements as it is (`"items": "${header}"`). */
const ELEMENT_FIELDS = ['header', 'alerts', 'primaryActions', 'picture', 'tasks', 'details', 'chair', 'actions'] as const;
type ElementField = (typeof ELEMENT_FIELDS)[number];
const marker = (f: ElementField): string => `@@case-card:${f}@@`;

/**
 * How a card's size is measured while it is built (docs/decisions.md §60):
 * - `parts` (the default): the template is rendered once per shape with each list of elements replaced by
 *   a one-item marker (so `$when: count(x) > 0` still sees whether it is empty), and each element's JSON
 *   length is counted once and reused; JSON.stringify without indentation is compositional, so the sum is
 *   the rendered card's size to the byte;
 * - `render`: the whole card rendered and serialised for every measurement, as before (the reference the
 *   golden test compares with: both give the same card, byte for byte).
 */
export type CardMeasure = 'parts' | 'render';

function partsMeasure(): (model: CaseCardModel) => number {
  const sizes = new WeakMap<object, number>();
  const skeletons = new Map<string, { length: number; inserted: Record<string, number> }>();
  const elementLength = (e: CardElement): number => {
    let n = sizes.get(e);
    if (n === undefined) {
      n = JSON.stringify(e).length;
      sizes.set(e, n);
    }
    return n;
  };
  // "[a,b,c]": brackets, the elements, a comma between each two.
  const listLength = (xs: readonly CardElement[]): number => xs.reduce((sum, e) => sum + elementLength(e), 0) + Math.max(1, xs.length) + 1;
  return (model) => {
    const shape = ELEMENT_FIELDS.map((f) => (model[f].length > 0 ? '1' : '0')).join('');
    let skeleton = skeletons.get(shape);
    if (!skeleton) {
      const marked = { ...model } as CaseCardModel;
      for (const f of ELEMENT_FIELDS) if (model[f].length > 0) marked[f] = [marker(f) as unknown as CardElement];
      const json = JSON.stringify(renderModel(marked));
      const inserted: Record<string, number> = {};
      for (const f of ELEMENT_FIELDS) if (model[f].length > 0) inserted[f] = json.split(JSON.stringify([marker(f)])).length - 1;
      skeleton = { length: json.length, inserted };
      skeletons.set(shape, skeleton);
    }
    let length = skeleton.length;
    for (const f of ELEMENT_FIELDS) {
      const times = skeleton.inserted[f];
      if (times) length += times * (listLength(model[f]) - JSON.stringify([marker(f)]).length);
    }
    return length * 2;
  };
}

/** The UTF-16 size of the card a model renders to (what `cardBytes(renderTemplate(...))` gives), from its parts. */
export function caseCardModelBytes(model: CaseCardModel): number {
  return partsMeasure()(model);
}

/**
 * The case card (`cards/case-card.json`), in the order of the layout rule: status line, danger,
 * primary actions, the picture; Veilig Thuis; then details and the chair's controls behind toggles.
 * The contributions get whatever room the rest leaves; a crowded case steps down in density.
 */
export function caseCardModel(view: CaseCardView, measure: CardMeasure = 'parts'): CaseCardModel {
  // One measure per build: the skeletons and element sizes it keeps are this build's.
  const bytesOf = measure === 'parts' ? partsMeasure() : (m: CaseCardModel) => cardBytes(renderModel(m));
  const contributions = newestFirst(view.contributions);
  // At most `maxContributions` go on the card: only those are built (the rest are counted in "N oudere").
  const itemsAt = (d: CardDensity) =>
    contributions
      .slice(0, CASE_CARD_LIMITS.maxContributions)
      .map((c) => contributionItem(c, { textMax: d.contributionText, needMax: d.needToKnow }));
  const olderNote = (n: number) =>
    renderOne('contribution-list', { older: t.contributions.olderOnCard(n) } satisfies ContributionListModel);
  const fixed = {
    caseId: view.case.id,
    refreshVerb: VERBS.refresh,
    refreshUserIds: view.refreshUserIds,
    ...(view.notice ? { notice: { text: view.notice.text, style: view.notice.kind } } : {}),
    status: statusLine(view),
    dangerHeading: nlCaseCards.danger.heading,
    danger: [...dangerLines(view), ...safetySignalDangerLines(view)],
    alerts: [...escalationLine(view), ...closureSection(view), ...returningSection(view.returning)],
    toggles: nlCaseCards.toggles,
    actions: renderActions('case-card-actions', caseCardActionsModel(view)),
  };
  // "Verdiepen" (the card's own action row) opens the verdieping forms in a separate view (docs/cards.md).
  const open = verdiepingOpenButton(view);
  const parts = (d: CardDensity) => {
    const items = itemsAt(d);
    const before = [
      // In verdieping the next moment stands where the (passed) termijn stood.
      nextMomentSection(view) ?? termijnSection(view),
      ...reAgendaLine(view),
      // A crowded card leaves the full safety list to Details: the danger block names the risks.
      ...(d.hints ? [safetySection(view)] : []),
      // Risk, measures and questions; their forms are in the verdieping view ("Verdiepen").
      ...safetySignalsSection(view, signals(d)),
      ...questionsSection(view, signals(d)),
      // The leanest card (summary 0) leaves the facts to Details.
      ...(d.summary > 0 ? factsSection(view, d.summary) : []),
      ...(view.viewerOrg !== undefined ? summaryPiiWarning(view.case.summaryPii) : []),
      ...contributionsHead(view, d),
    ];
    const after = [...regieSection(view), ...actionsSection(view, d), ...adviceSection(view, d)];
    const model: CaseCardModel = {
      ...fixed,
      // At every density, the leanest too: its bytes are counted in `rest` before the contributions get theirs.
      actions: [...fixed.actions, ...open],
      header: [headerSection(view, { personal: view.viewerOrg !== undefined, explainFlags: d.hints })],
      primaryActions: primaryActions(view, d),
      // The confirmed duiding first in the picture, then the safety plan and what is missing.
      picture: [...verdiepingPicture(view, !d.hints), ...roundSection(view, d)],
      tasks: [...askedOfYouSection(view, signals(d)), ...vtSection(view, d)],
      details: [...before, ...after],
      chair: chairSection(view, d),
    };
    // Everything but the contributions, plus room for the "N oudere" note.
    const rest = bytesOf(model) + cardBytes(olderNote(contributions.length));
    return { model, before, after, items, rest, density: d, firstItem: items.length > 0 ? cardBytes(items[0]) + 2 : 0 };
  };
  // The fullest density that leaves room for at least one contribution; else the leanest.
  let chosen = parts(CASE_CARD_DENSITIES[0] as CardDensity);
  for (const d of CASE_CARD_DENSITIES.slice(1)) {
    if (chosen.rest + chosen.firstItem <= CASE_CARD_LIMITS.maxBytes) break;
    chosen = parts(d);
  }
  // Last resort: the leanest card with everything a case can carry at once (verdieping, VT, advice,
  // the Actieoverleg, 60 refresh users) can still leave no room for one contribution. Then the refresh
  // list is cut to what fits: those left out see the card as it was last rendered and press "Openen".
  const over = chosen.rest + chosen.firstItem - CASE_CARD_LIMITS.maxBytes;
  if (over > 0 && view.refreshUserIds.length > 0) {
    const perUser = cardBytes(view.refreshUserIds) / view.refreshUserIds.length;
    const keep = Math.max(0, view.refreshUserIds.length - Math.ceil(over / perUser));
    return caseCardModel({ ...view, refreshUserIds: view.refreshUserIds.slice(0, keep) }, measure);
  }
  const { before, after, items, model } = chosen;
  // Whatever the rest of the card leaves goes to the contributions.
  const budget = Math.min(CASE_CARD_LIMITS.contributionBytes, CASE_CARD_LIMITS.maxBytes - chosen.rest);
  const fit = takeWithinBudget(items, budget, cardBytes, CASE_CARD_LIMITS.maxContributions);
  const omitted = contributions.length - fit.taken.length;
  const final: CaseCardModel = {
    ...model,
    details: [...before, ...fit.taken, ...(omitted > 0 ? [olderNote(omitted)] : []), ...after],
  };
  const fits = (m: CaseCardModel) => bytesOf(m) <= CASE_CARD_LIMITS.maxBytes;
  // "Alle details hier tonen" comes last and only where it fits: a contribution on the card goes first.
  const withHere: CaseCardModel = { ...final, details: [...final.details, ...detailsHere(view, chosen.density)] };
  return fits(withHere) ? withHere : final;
}

export function buildCaseCard(view: CaseCardView, measure: CardMeasure = 'parts'): AdaptiveCard {
  return renderModel(caseCardModel(view, measure));
}
