import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Logger } from '../log';

/**
 * Security events (refused turn, refused signature, rate limit, refused role) are logged with a request
 * id and the source address, never with submitted values (no body, no headers besides the request id).
 */
export type SecurityEvent = 'refused_turn' | 'refused_signature' | 'rate_limited' | 'refused_role';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface RequestMeta {
  requestId: string;
  /** The peer address as Express sees it (honours `trust proxy` when it is set for the App Service front end). */
  source: string;
}

/** A caller's x-request-id (or x-ms-client-request-id) only when it is a harmless token; else a fresh one. */
export function requestMeta(req: Pick<Request, 'header' | 'ip' | 'socket'>): RequestMeta {
  const given = req.header('x-request-id') ?? req.header('x-ms-client-request-id');
  return {
    requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
    source: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
  };
}

/** `why` is one of our own reason codes (e.g. 'bad_signature'), never text from the request. */
export function logSecurityEvent(log: Logger, event: SecurityEvent, meta: RequestMeta, why?: string): void {
  log.warn({ security: event, requestId: meta.requestId, source: meta.source, ...(why ? { why } : {}) }, `security event: ${event}`);
}
