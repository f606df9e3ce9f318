import pino from 'pino';
import { traceFields } from './telemetry';

/**
 * Structured logs carry ids and action names only — never case text, names or card content.
 * Callers pass ids explicitly; `redact` is a second line of defence for fields that must never appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { svc: 'zsm-hg-bot' },
    // trace_id/span_id of the active span (Application Insights joins logs and traces on them).
    mixin: traceFields,
    redact: { paths: ['text', 'summary', 'reason', 'needToKnow', 'body', 'card', '*.text', '*.summary', '*.reason'], censor: '[redacted]' },
  };
  // A destination (tests: a buffer to scan for case content) instead of stdout.
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
