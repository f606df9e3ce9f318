import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../app/deps';
import type { DocStore } from '../store/docstore';
import { intakeRouter } from './intake-route';
import { sendProblem } from './problem';

export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

/** The HTTP surface: Teams activities, case intake, health. */
export function createHttpApp(args: {
  deps: AppDeps;
  db: DocStore;
  messages: MessagesHandler;
  intake: { secret: string; maxSkewSeconds: number };
  /** False while shutting down or when the job loop is stuck: /readyz answers 503. */
  ready?: () => boolean;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
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
  app.use(intakeRouter(args.deps, args.intake));
  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      await args.messages(req, res);
    } catch (e) {
      next(e);
    }
  });
  app.use((_req, res) => sendProblem(res, 404, 'not-found', 'Not found'));
  // Body-parser and unexpected errors: a clear status, never the body or stack in the response.
  app.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') return sendProblem(res, 413, 'too-large', 'The body is too large');
    if (err.type === 'entity.parse.failed') return sendProblem(res, 400, 'malformed-json', 'The body is not valid JSON');
    args.deps.log.error({ err: err.message?.slice(0, 200) }, 'unhandled HTTP error');
    if (!res.headersSent) sendProblem(res, 500, 'internal', 'Internal error');
  });
  return app;
}
