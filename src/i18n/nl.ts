/** All user-facing Dutch text, in one place. */
export { nlMessages } from './nl/messages';
export { nlCards } from './nl/cards';
export { nlPrivacy } from './nl/privacy';
