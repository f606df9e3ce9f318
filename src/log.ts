import pino from 'pino';

/**
 * Structured logs carry ids and action names only — never case text, names or card content.
 * Callers pass ids explicitly; `redact` is a second line of defence for fields that must never appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { svc: 'zsm-hg-bot' },
    redact: { paths: ['text', 'summary', 'reason', 'needToKnow', 'body', 'card', '*.text', '*.summary', '*.reason'], censor: '[redacted]' },
  };
  // A destination (tests: a buffer to scan for case content) instead of stdout.
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
