import type { AskedOfMe } from '../domain/verdieping/summary';
import { nlAdviceVerdieping } from '../i18n/nl/advice-verdieping';

const a = nlAdviceVerdieping.askedOfMe;

/**
 * "Gevraagd van u: 2 vragen beantwoorden, SASH invullen" — what verdieping asks of the viewer's
 * organisation now (summarizeVerdieping's `askedOfMe`), for line 1 of the case card; null when nothing.
 */
export function askedOfMeText(items: readonly AskedOfMe[]): string | null {
  const questions = items.filter((x) => x.kind === 'answer_question').length;
  const instruments = [...new Set(items.flatMap((x) => (x.kind === 'risk_outcome' ? [x.instrument] : [])))];
  const checks = items.filter((x) => x.kind === 'check_safety').length;
  const confirm = items.find((x) => x.kind === 'confirm_reading');
  const parts = [
    ...(questions > 0 ? [a.questions(questions)] : []),
    ...(instruments.length > 0 ? [a.risk(instruments.join(', '))] : []),
    ...(checks > 0 ? [a.check(checks)] : []),
    ...(confirm?.kind === 'confirm_reading' ? [a.confirm(confirm.version)] : []),
  ];
  return parts.length > 0 ? a.lead(parts.join(', ')) : null;
}
