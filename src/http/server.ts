import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { z } from 'zod';
import type { AppDeps } from '../app/deps';
import type { DocStore } from '../store/docstore';
import { CSV_PATH, type CsvLinks } from '../app/report/csv-link';
import { intakeRouter } from './intake-route';
import { reportCsvRouter } from './report-csv-route';
import { sendProblem } from './problem';

/** The minimal response the Bot Framework adapter writes to (status, header, send, end). */
export interface AdapterResponse {
  socket: unknown;
  /** The status the adapter set (e.g. 401 for a missing or invalid Bot Framework token). */
  readonly statusCode: number;
  status(code: number): AdapterResponse;
  header(name: string, value: unknown): AdapterResponse;
  send(...args: unknown[]): AdapterResponse;
  end(...args: unknown[]): void;
}

export type MessagesHandler = (req: Request, res: AdapterResponse) => Promise<void>;

export interface RateLimits {
  windowMs: number;
  intake: number;
  messages: number;
}

/**
 * The adapter answers errors with its internal text (an exception message, an auth reason): what it
 * sends with a 4xx/5xx status is replaced by a generic problem body. Successful bodies (invoke
 * responses) pass unchanged.
 */
function guardedResponse(res: Response): AdapterResponse {
  let status = 200;
  const shim: AdapterResponse = {
    socket: res.socket,
    get statusCode() {
      return status;
    },
    status(code: number) {
      status = code;
      return shim;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.header(name, String(value));
      return shim;
    },
    send(...args: unknown[]) {
      if (res.headersSent) return shim;
      if (status >= 400) genericProblem(res, status);
      else res.status(status).send(args[0]);
      return shim;
    },
    end() {
      if (!res.headersSent) res.status(status).end();
    },
  };
  return shim;
}

function genericProblem(res: Response, status: number): void {
  if (status === 401) return sendProblem(res, 401, 'unauthorized', 'Unauthorized');
  if (status === 405) return sendProblem(res, 405, 'method-not-allowed', 'Method not allowed');
  if (status < 500) return sendProblem(res, status, 'bad-request', 'The request was not accepted');
  return sendProblem(res, 500, 'internal', 'Internal error');
}

const isJson = (req: Request): boolean => !!req.is('application/json');

/**
 * The envelope of a Bot Framework activity, checked before the adapter sees it (the adapter answers a
 * malformed one with a 500). The content is the Teams layer's to parse; here only shape and bounds.
 */
const idField = z.string().max(512).optional();
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    id: idField,
    name: z.string().max(128).optional(),
    channelId: z.string().max(64).optional(),
    serviceUrl: z.string().max(512).optional(),
    from: z
      .object({ id: idField, aadObjectId: z.string().max(128).optional() })
      .passthrough()
      .optional(),
    recipient: z.object({ id: idField }).passthrough().optional(),
    conversation: z
      .object({ id: idField, conversationType: z.string().max(32).optional(), tenantId: idField })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** The HTTP surface: Teams activities, case intake, health. */
export function createHttpApp(args: {
  deps: AppDeps;
  db: DocStore;
  messages: MessagesHandler;
  intake: { secret: string; maxSkewSeconds: number };
  rateLimits: RateLimits;
  trustProxy?: number;
  /** False while shutting down or when the job loop is stuck: /readyz answers 503. */
  ready?: () => boolean;
  /** The rapportage CSV export behind signed links (absent: not configured, no route). */
  reportCsv?: CsvLinks;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: no answer here is fetched again conditionally (invokes and intake are POSTs, the CSV is
  // no-store), and express would hash every body for it (about 1% of a vote's main-thread time).
  app.disable('etag');
  app.set('trust proxy', args.trustProxy ?? 0);
  app.use(helmet());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness (App Service health check): the job loop is alive and the store answers a cheap point
  // read. The body says ready or not, nothing about the store or the loop (no internals).
  app.get('/readyz', async (_req, res) => {
    if (args.ready && !args.ready()) {
      res.status(503).json({ status: 'not ready' });
      return;
    }
    try {
      await args.db.get('_health', 'probe');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready' });
    }
  });
  const limiter = (limit: number, what: string) =>
    rateLimit({
      windowMs: args.rateLimits.windowMs,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => {
        args.deps.log.warn({ route: what }, 'inbound rate limit reached');
        sendProblem(res, 429, 'rate-limited', 'Too many requests');
      },
    });
  app.use('/api/cases', limiter(args.rateLimits.intake, 'intake'));
  app.use('/api/messages', limiter(args.rateLimits.messages, 'messages'));
  app.use(intakeRouter(args.deps, args.intake));
  if (args.reportCsv) {
    app.use(CSV_PATH, limiter(args.rateLimits.messages, 'rapportage-csv'));
    app.use(reportCsvRouter(args.deps, args.reportCsv));
  }
  app.post(
    '/api/messages',
    (req, res, next) => (isJson(req) ? next() : sendProblem(res, 415, 'unsupported-media-type', 'The body must be application/json')),
    express.json({ limit: '1mb' }),
    async (req, res, next) => {
      if (!activityEnvelope.safeParse(req.body).success) {
        args.deps.log.info('activity rejected: not a valid activity');
        return sendProblem(res, 400, 'bad-request', 'The request was not accepted');
      }
      try {
        await args.messages(req, guardedResponse(res));
      } catch (e) {
        // The adapter validates the activity with zod before its own try: a malformed activity is the caller's fault.
        if (e instanceof Error && e.name === 'ZodError') {
          args.deps.log.info('activity rejected: not a valid activity');
          if (!res.headersSent) sendProblem(res, 400, 'bad-request', 'The request was not accepted');
          return;
        }
        next(e);
      }
    },
  );
  app.use((_req, res) => sendProblem(res, 404, 'not-found', 'Not found'));
  // Body-parser and unexpected errors: a clear status, never the body, the cause or a stack in the response.
  app.use(
    (err: { type?: string; status?: number; statusCode?: number; name?: string }, _req: Request, res: Response, _next: NextFunction) => {
      const status = err.status ?? err.statusCode;
      if (res.headersSent) return;
      if (err.type === 'entity.too.large') return sendProblem(res, 413, 'too-large', 'The body is too large');
      if (err.type === 'entity.parse.failed') return sendProblem(res, 400, 'malformed-json', 'The body is not valid JSON');
      if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
        return sendProblem(res, 415, 'unsupported-encoding', 'The content encoding or charset is not supported');
      // zlib (a bogus gzip/deflate body), aborted or malformed requests: body-parser marks them 4xx.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        args.deps.log.info(
          { status, type: typeof err.type === 'string' ? err.type.slice(0, 40) : 'none' },
          'request rejected while reading the body',
        );
        return sendProblem(res, 400, 'bad-request', 'The body could not be read');
      }
      args.deps.log.error({ err: typeof err.name === 'string' ? err.name.slice(0, 40) : 'unknown' }, 'unhandled HTTP error');
      sendProblem(res, 500, 'internal', 'Internal error');
    },
  );
  return app;
}
