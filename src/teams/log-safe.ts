import { ActivityTypes } from 'botbuilder';

/** Log only names the bot knows: anything else in a request is attacker-controlled text. */
const ACTIVITY_TYPES: ReadonlySet<string> = new Set(Object.values(ActivityTypes));
const INVOKE_NAMES: ReadonlySet<string> = new Set(['adaptiveCard/action', 'task/fetch', 'task/submit']);

export const knownActivityType = (t: unknown): string => (typeof t === 'string' && ACTIVITY_TYPES.has(t) ? t : 'unknown');
export const knownInvokeName = (n: unknown): string | undefined =>
  n === undefined ? undefined : typeof n === 'string' && INVOKE_NAMES.has(n) ? n : 'unknown';
/** The class of an error, never its message (which may quote input). */
export const errorClass = (e: unknown): string => (e instanceof Error ? e.name : 'unknown');
