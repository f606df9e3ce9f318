import type { AdaptiveCard } from '../cards/types';
import type { CardRef } from '../store/repository';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Sending to Teams (implemented in src/teams). Errors carry whether a retry may help. */
export interface Outbound {
  /** Start a new thread in a channel with this card; returns where it landed. */
  /** `idempotencyKey` names what is posted, so a retry of an unanswered post adopts it instead of posting twice. */
  postCardToChannel(channelId: string, card: AdaptiveCard, options?: { idempotencyKey?: string }): Promise<CardRef>;
  /** Replace a posted card in place. */
  updateCard(ref: CardRef, card: AdaptiveCard): Promise<void>;
  /** Post a reply (text and/or card) in the thread of a posted card (reminders, terugkoppeling). */
  /** A message in the 1:1 chat with a user (the app must be installed for them); returns where it landed. */
  sendToUser(aadObjectId: string, message: { text?: string; card?: AdaptiveCard }): Promise<CardRef>;
  replyInThread(ref: CardRef, message: { text?: string; card?: AdaptiveCard; mentions?: { label: string; mri: string }[] }): Promise<void>;
}

export class OutboundError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/**
 * The user cannot get a 1:1 message at all: there is no personal chat with the bot (the app is not
 * installed for them). Retryable for callers that may wait for an install; the VT consultation
 * treats it as "cannot be reached" at once.
 */
export class RecipientUnreachableError extends OutboundError {
  readonly unreachable = true;
  constructor(message: string, retryAfterMs?: number) {
    super(message, true, retryAfterMs);
    this.name = 'RecipientUnreachableError';
  }
}

/** Keyed hashing for ids and pseudonyms (HMAC with the configured key). */
export interface Hasher {
  caseId(externalId: string): string;
  personPseudonym(sourceKey: string): string;
  digest(value: unknown): string;
}
