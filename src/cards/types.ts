/** The Adaptive Card JSON the builders return (a minimal structural type; Teams gets it as-is). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: '1.5';
  $schema?: string;
  body: unknown[];
  actions?: unknown[];
  refresh?: unknown;
  /** Teams extension: use the full message width in channels. */
  msteams?: { width: 'Full' };
}

/** One element or action inside a card: a `type` plus its properties. */
export type CardElement = { type: string } & Record<string, unknown>;

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
