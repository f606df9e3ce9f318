import { DECISION_SUBJECTS, INTERVENTION_PHASES, MAX_OUTCOME_TEXT } from '../domain/aftercare/outcome';
import type { EscalationRecord } from '../domain/escalation-record';
import type { PartnerOrg } from '../domain/orgs';
import { nlAftercare } from '../i18n/nl/aftercare';
import { nlCards as t } from '../i18n/nl/cards';
import { AO_OUTCOME_VERB, OUTCOME_FORM_SLOTS, outcomeInputIds } from './aftercare-verbs';
import { renderPart } from './parts';
import { plainTruncate } from './text';
import type { CardElement } from './types';

const o = nlAftercare.outcome;
const x = nlAftercare.outcomeExtra;
type Choice = { title: string; value: string };

/** What the card shows of a long outcome (the whole outcome is in the 1:1 terugkoppeling and on the case's actions). */
export const AO_OUTCOME_CARD_LIMITS = { lines: 6, text: 160, compactLines: 2, compactText: 80 } as const;
const more = (n: number, shown: number): { text: string }[] => (n > shown ? [{ text: x.more(n - shown) }] : []);

/** The view model bound to cards/parts/ao-outcome.json. */
export interface AoOutcomeModel {
  data: { caseId: string };
  shown: { heading: string; lines: { text: string }[] } | null;
  form: {
    title: string;
    verb: string;
    submit: string;
    zvhId: string;
    zvhTitle: string;
    zvh: string;
    decisions: {
      label: string;
      subjectId: string;
      subject: string;
      subjects: Choice[];
      phaseId: string;
      phaseLabel: string;
      phase: string;
      phases: Choice[];
      textId: string;
      placeholder: string;
      text: string | null;
      max: number;
    }[];
    actions: {
      label: string;
      ownerId: string;
      owner: string;
      owners: Choice[];
      whatId: string;
      placeholder: string;
      what: string | null;
      max: number;
      dueId: string;
      dueLabel: string;
      due: string | null;
    }[];
  } | null;
}

/**
 * The outcome on the Actieoverleg card (under the meeting): the decisions per phase, who does what
 * by when, the ZVH registration; and, for the casusverantwoordelijke's organisation once the
 * meeting has begun, the form to record (or correct) it.
 */
export function aoOutcomeModel(args: {
  caseId: string;
  escalation: EscalationRecord;
  viewerOrg: PartnerOrg | undefined;
  open: boolean;
  now: Date;
  /**
   * A crowded card: fewer, shorter lines and no form (its prefilled texts are the bulk); the outcome is
   * then corrected from a lighter card or read whole in the 1:1 terugkoppeling.
   */
  compact?: boolean;
}): AoOutcomeModel {
  const e = args.escalation;
  const out = e.outcome;
  const held = !!e.meeting && args.now.getTime() >= Date.parse(e.meeting.at);
  const isOwnerOrg = !!args.viewerOrg && e.caseOwner?.orgId === args.viewerOrg;
  const subjects = DECISION_SUBJECTS.map((s) => ({ title: o.subject[s], value: s }));
  const phases = INTERVENTION_PHASES.map((p) => ({ title: o.phase[p], value: p }));
  const owners = (e.meeting?.invitees ?? e.attendees).map((org) => ({ title: t.orgs[org], value: org }));
  const slots = Array.from({ length: OUTCOME_FORM_SLOTS }, (_v, i) => i);
  const lines = args.compact ? AO_OUTCOME_CARD_LIMITS.compactLines : AO_OUTCOME_CARD_LIMITS.lines;
  const textMax = args.compact ? AO_OUTCOME_CARD_LIMITS.compactText : AO_OUTCOME_CARD_LIMITS.text;
  return {
    data: { caseId: args.caseId },
    shown: out
      ? {
          heading: x.heading,
          lines: [
            ...out.decisions.slice(0, lines).map((d) => ({
              text: `${o.subject[d.subject]} (${o.phase[d.phase]}): ${plainTruncate(d.text, textMax)}`,
            })),
            ...more(out.decisions.length, lines),
            ...out.actions
              .slice(0, lines)
              .map((a) => ({ text: `${t.orgs[a.owner]}: ${plainTruncate(a.what, textMax)} (${x.dueOn(a.due)})` })),
            ...more(out.actions.length, lines),
            { text: o.zvh(out.zvhCasusregie) },
          ],
        }
      : null,
    form:
      args.open && held && isOwnerOrg && !args.compact
        ? {
            title: out ? x.correctTitle : x.recordTitle,
            verb: AO_OUTCOME_VERB,
            submit: x.save,
            zvhId: outcomeInputIds.zvh,
            zvhTitle: x.zvhToggle,
            zvh: out?.zvhCasusregie ? 'true' : 'false',
            decisions: slots.map((i) => {
              const d = out?.decisions[i];
              return {
                label: x.decisionLabel(i + 1),
                subjectId: outcomeInputIds.decisionSubject(i + 1),
                subject: d?.subject ?? 'intervention',
                subjects,
                phaseId: outcomeInputIds.decisionPhase(i + 1),
                phaseLabel: x.phaseLabel,
                phase: d?.phase ?? 'safety',
                phases,
                textId: outcomeInputIds.decisionText(i + 1),
                placeholder: x.decisionPlaceholder,
                text: d?.text ?? null,
                max: MAX_OUTCOME_TEXT,
              };
            }),
            actions: slots.map((i) => {
              const a = out?.actions[i];
              return {
                label: x.actionLabel(i + 1),
                ownerId: outcomeInputIds.actionOwner(i + 1),
                owner: a?.owner ?? owners[0]?.value ?? 'politie',
                owners,
                whatId: outcomeInputIds.actionWhat(i + 1),
                placeholder: x.actionWhatPlaceholder,
                what: a?.what ?? null,
                max: MAX_OUTCOME_TEXT,
                dueId: outcomeInputIds.actionDue(i + 1),
                dueLabel: x.actionDueLabel,
                due: a?.due ?? null,
              };
            }),
          }
        : null,
  };
}

export function aoOutcomeElements(model: AoOutcomeModel): CardElement[] {
  return model.shown || model.form ? renderPart('ao-outcome', model) : [];
}
