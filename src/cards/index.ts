/** Pure Adaptive Card builders (no Teams SDK here: src/teams sends what these return). */
export { buildCaseCard, CASE_CARD_LIMITS } from './case-card';
export { buildDetailsCard, DETAILS_CARD_LIMITS } from './details-card';
export { buildNewCaseCard, parseNewCaseForm, NEW_CASE_INPUTS, type NewCaseCardOptions, type NewCaseFormResult } from './new-case-card';
export { cardBytes, takeWithinBudget } from './budget';
export type { AdaptiveCard } from './types';
