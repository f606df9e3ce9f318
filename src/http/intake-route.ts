import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AppDeps } from '../app/deps';
import { intakeCase } from '../app/intake-case';
import { caseIntakeSchema } from '../domain/case';
import { describeIssue, sendProblem } from './problem';
import { logSecurityEvent, requestMeta } from './security-log';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature';

export const MAX_INTAKE_BYTES = 64 * 1024;

/**
 * POST /api/cases: the police/ZSM system delivers an HG case. Order matters: size → signature →
 * JSON → schema → use case, and nothing is stored unless every step passed.
 */
export function intakeRouter(deps: AppDeps, opts: { secret: string; maxSkewSeconds: number }): Router {
  const router = express.Router();
  router.post(
    '/api/cases',
    // application/json only: anything else is refused before the body is read.
    (req: Request, res: Response, next: NextFunction) =>
      req.is('application/json') ? next() : sendProblem(res, 415, 'unsupported-media-type', 'The body must be application/json'),
    express.raw({ type: () => true, limit: MAX_INTAKE_BYTES }),
    async (req: Request, res: Response) => {
      try {
        await handle(req, res);
      } catch (e) {
        // A store fault (or any other failure of the use case): the process stays up, nothing half-done
        // is reported as done, and the sender retries (intake is idempotent on externalId).
        deps.log.error({ err: e instanceof Error ? e.name : 'unknown' }, 'intake failed: store or use case error');
        if (!res.headersSent) {
          res.setHeader('Retry-After', '5');
          sendProblem(res, 503, 'unavailable', 'The case could not be stored now; retry later');
        }
      }
    },
  );

  async function handle(req: Request, res: Response): Promise<void> {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const sig = verifySignature({
      secret: opts.secret,
      rawBody,
      signature: req.header(SIGNATURE_HEADER),
      timestamp: req.header(TIMESTAMP_HEADER),
      nowMs: deps.clock.now().getTime(),
      maxSkewSeconds: opts.maxSkewSeconds,
    });
    if (!sig.ok) {
      logSecurityEvent(deps.log, 'refused_signature', requestMeta(req), sig.reason);
      return sendProblem(res, 401, 'unauthorized', 'Missing or invalid request signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return sendProblem(res, 400, 'malformed-json', 'The body is not valid JSON');
    }
    const parsed = caseIntakeSchema.safeParse(json);
    if (!parsed.success) {
      deps.log.info({ fields: parsed.error.issues.map((i) => i.path.join('.')) }, 'intake rejected: validation');
      return sendProblem(res, 400, 'validation', 'The case is not valid', parsed.error.issues.map(describeIssue));
    }
    const result = await intakeCase(deps, parsed.data, { kind: 'system', id: 'intake-api' });
    if (!result.ok) {
      switch (result.error.code) {
        case 'unknown_location':
          return sendProblem(res, 422, 'unknown-location', 'Unknown ZSM location', [
            { path: 'locationId', message: 'is not a configured ZSM location' },
          ]);
        case 'not_hg':
          return sendProblem(res, 422, 'not-hg', 'Only HG-flagged cases are accepted', [{ path: 'hgFlag', message: 'must be true' }]);
        case 'intake_conflict':
          return sendProblem(res, 409, 'conflict', 'A different case was already delivered under this externalId');
        default:
          return sendProblem(res, 400, 'rejected', 'The case was rejected');
      }
    }
    res.status(result.value.created ? 201 : 200).json({ caseId: result.value.caseId, created: result.value.created });
  }
  return router;
}
