/** All user-facing Dutch text, in one place. */
export { nlMessages } from './nl/messages';
export { nlCards } from './nl/cards';
export { nlVtAdviceFixes } from './nl/vt-advice-fixes';
