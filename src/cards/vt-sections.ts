import { nextStep, type Consultation, type NextStep, type NoAnswerReason } from '../domain/vt/consultation';
import type { VtConsultationRecord } from '../domain/vt/record';
import { nlCards as t } from '../i18n/nl/cards';
import { nlVtAdviceFixes as fx } from '../i18n/nl/vt-advice-fixes';
import type { Color } from './elements';
import { formatAmsterdamShort } from './text';

/**
 * Pieces of the Veilig Thuis consultation shared by the case card, the consultation card in the
 * 1:1 chat and the morning summary. Never a personal id: who answered is named by role (the
 * on-call member or the backup), never by their Entra id.
 */

type OpenConsultation = Extract<Consultation, { status: 'asked' | 'reminded' | 'backup_asked' }>;

export function isConsultationOpen(state: Consultation): state is OpenConsultation {
  return state.status !== 'answered' && state.status !== 'no_answer';
}

/** Whether the answer came from the backup (and not from a primary who is also the backup). */
export function answeredByBackup(state: Consultation): boolean {
  return (
    state.status === 'answered' && state.backup !== undefined && state.answeredBy === state.backup && state.answeredBy !== state.primary
  );
}

const NO_REACTION_REASONS: Record<NoAnswerReason, string> = {
  ...t.vt.noReactionReasons,
  ...fx.vt.noReactionReasons,
};
const STEPS: Record<NextStep['kind'], (at: string) => string> = { ...t.vt.steps, ...fx.vt.steps };

/**
 * "gevraagd om 21:10 · herinnerd om 21:25 · beantwoord om 21:41 door …": each step that happened,
 * in order, with its Amsterdam time (the date too when it is not today's).
 */
export function consultationStatusParts(record: VtConsultationRecord, now: Date): string[] {
  const s = record.state;
  const at = (iso: string) => formatAmsterdamShort(iso, now);
  const parts = [record.askedBy === 'auto' ? t.vt.askedAuto(at(s.askedAt)) : t.vt.asked(at(s.askedAt))];
  if (s.remindedAt) parts.push(t.vt.reminded(at(s.remindedAt)));
  if (s.primaryUnreachableAt) parts.push(fx.vt.primaryUnreachable(at(s.primaryUnreachableAt)));
  if (s.backupAskedAt) parts.push(t.vt.backupAsked(at(s.backupAskedAt)));
  if (s.backupRemindedAt) parts.push(fx.vt.backupReminded(at(s.backupRemindedAt)));
  if (s.backupUnreachableAt) parts.push(fx.vt.backupUnreachable(at(s.backupUnreachableAt)));
  if (s.status === 'answered') {
    const line = answeredByBackup(s)
      ? t.vt.answeredByBackup(at(s.answeredAt), record.regionName)
      : t.vt.answered(at(s.answeredAt), record.regionName);
    parts.push(s.late ? `${line} ${t.vt.late}` : line);
  }
  if (record.callBack) parts.push(record.callBack.doneAt ? fx.vt.callBackDone(at(record.callBack.doneAt)) : fx.vt.callBackPending);
  if (s.status === 'no_answer') parts.push(t.vt.noReaction(at(s.closedAt), NO_REACTION_REASONS[s.reason]));
  return parts;
}

/** Only the latest step, shortly ("beantwoord om 21:18"): for the leanest case card. */
export function latestStatusPart(record: VtConsultationRecord, now: Date): string {
  const s = record.state;
  if (s.status === 'answered') {
    const at = formatAmsterdamShort(s.answeredAt, now);
    const line = answeredByBackup(s) ? t.vt.answeredShortByBackup(at) : t.vt.answeredShort(at);
    return s.late ? `${line} ${t.vt.late}` : line;
  }
  return consultationStatusParts(record, now).at(-1) as string;
}

export function consultationStatusColor(state: Consultation): Color {
  if (state.status === 'answered') return 'good';
  if (state.status === 'no_answer') return 'attention';
  return 'accent';
}

/** The step after `step`, as the domain would schedule it once `step` has happened. */
function stepAfter(state: OpenConsultation, step: NextStep): NextStep | null {
  if (step.kind === 'reminder') return nextStep({ ...state, status: 'reminded', remindedAt: step.at });
  if (step.kind === 'backup') {
    const asked = Date.parse(state.askedAt);
    const at = Date.parse(step.at);
    return nextStep({
      ...state,
      status: 'backup_asked',
      backupAskedAt: step.at,
      backupRemindAt: new Date(at + Date.parse(state.reminderAt) - asked).toISOString(),
      backupSilentAt: new Date(at + Date.parse(state.backupAt) - asked).toISOString(),
    });
  }
  if (step.kind === 'backup_reminder') return nextStep({ ...state, backupRemindedAt: step.at });
  return null;
}

/**
 * "Volgende stap zonder antwoord: herinnering om 21:25, daarna achterwacht om 21:40", from the
 * domain's `nextStep` (which also knows when the termijn comes first); undefined once closed.
 */
export function nextStepText(state: Consultation, now: Date): string | undefined {
  if (!isConsultationOpen(state)) return undefined;
  const step = nextStep(state);
  if (!step) return undefined;
  const label = (s: NextStep) => STEPS[s.kind](formatAmsterdamShort(s.at, now));
  const after = stepAfter(state, step);
  return t.vt.nextStep(label(step), after ? label(after) : undefined);
}

/** One VT answer line as the case card's VT part (cards/parts/vt.json) shows it: the text, bold when it asks something of the desk. */
export interface AnswerLine {
  text: string;
  weight: 'bolder' | null;
}

/**
 * One line per answer: known, not known, or call back (with the number VT gave; the desk needs it).
 * `compact`: shorter wording, for the leanest case card and the summary. A view model: the layout
 * is the template's.
 */
export function answerLines(record: VtConsultationRecord, now: Date, opts: { compact?: boolean } = {}): AnswerLine[] {
  const a = opts.compact ? t.vt.answersCompact : t.vt.answers;
  return record.answers.map((answer) => {
    const at = formatAmsterdamShort(answer.at, now);
    switch (answer.kind) {
      case 'known':
        return { text: a.known(at), weight: 'bolder' };
      case 'not_known':
        return { text: a.not_known(at), weight: null };
      case 'call_back':
        return { text: answer.phone ? a.call_back(at, answer.phone) : a.callBackNoPhone(at), weight: 'bolder' };
    }
  });
}

/** The ZSM location as VT sees it: "ZSM Midden-Nederland" (the name already says ZSM, or gets it). */
export function zsmName(locationName: string): string {
  return /^zsm\b/i.test(locationName.trim()) ? locationName.trim() : `ZSM ${locationName.trim()}`;
}
