/** Pure Adaptive Card builders (no Teams SDK here: src/teams sends what these return). */
export { buildCaseCard, CASE_CARD_LIMITS, CASE_CARD_DENSITIES } from './case-card';
export { SETTLE_ACTION_ID_INPUT, type CardDensity } from './case-course';
export { buildActieoverlegCard, ACTIEOVERLEG_CARD_LIMITS } from './actieoverleg-card';
export { buildAgendaCard, AGENDA_CARD_LIMITS } from './agenda-card';
export { buildDetailsCard, DETAILS_CARD_LIMITS } from './details-card';
export { buildNewCaseCard, parseNewCaseForm, NEW_CASE_INPUTS, type NewCaseCardOptions, type NewCaseFormResult } from './new-case-card';
export { buildVtConsultationCard, VT_CONSULTATION_CARD_LIMITS, VT_PHONE_REGEX } from './vt-consultation-card';
export { buildVtMorningSummaryCard, VT_SUMMARY_CARD_LIMITS } from './vt-summary-card';
export { CASE_VT_LIMITS } from './case-vt';
export { buildAdviceCard, ADVICE_CARD_LIMITS, showsDecisionForm } from './advice-card';
export { buildAdviceEditDialogCard, CASE_ADVICE_LIMITS, showsAdviceSection } from './case-advice';
export { cardBytes, takeWithinBudget } from './budget';
export type { AdaptiveCard } from './types';
