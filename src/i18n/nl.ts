/** All user-facing Dutch text, in one place. */
export { nlMessages } from './nl/messages';
export { nlCards } from './nl/cards';
export { nlTrust } from './nl/trust';
export { nlPrivacy, piiKindList } from './nl/privacy';
export { nlViews } from './nl/views';
export { nlVtAdviceFixes } from './nl/vt-advice-fixes';
export { nlVerdieping } from './nl/verdieping';
export { nlVerdiepingReading } from './nl/verdieping-reading';
export { nlAftercare, reportFigureLabel } from './nl/aftercare';
export { nlCardsOther } from './nl/cards-other';
export { nlDelivery } from './nl/delivery';
export { nlCaseCards } from './nl/case-cards';
export { nlAdviceCommands } from './nl/advice-commands';
export { nlVerdiepingSignals } from './nl/verdieping-signals';
export { nlVerdiepingView } from './nl/verdieping-view';
export { nlReport } from './nl/report';
export { nlReturning } from './nl/returning';
export { nlClosing } from './nl/closing';
