import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
}

export interface FaultPlan {
  /**
   * Called per request: return a status to fail with, 'hang' to never answer, 'hold' to answer
   * normally only when the test calls `releaseHeld()`, 'accept-hang' to do what was asked (the post
   * exists in "Teams") but never answer, or undefined to succeed.
   */
  decide(call: ConnectorCall): number | 'hang' | 'hold' | 'accept-hang' | undefined;
}

/**
 * A local stand-in for the Bot Connector API (the Teams side of proactive posts and updates). It
 * records every call and can inject faults, so tests can assert exactly what reached "Teams".
 */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  faults: FaultPlan | undefined;
  /** Requests that were left hanging by the fault plan. */
  hung = 0;
  /**
   * Called when an answer has been handed to the network (the response finished), before the caller can
   * have read it: a test can stall the process here (the answer then waits in the caller's socket).
   */
  onAnswered: (() => void) | undefined;
  /** Requests held back by the fault plan ('hold'), waiting for `releaseHeld()`. */
  private readonly held: (() => void)[] = [];
  get heldCount(): number {
    return this.held.length;
  }
  /** Answer every held request now (as if Teams had been slow). */
  releaseHeld(): void {
    for (const go of this.held.splice(0)) go();
  }
  private server: Server | undefined;
  private seq = 1000;
  /** Current content of every message, keyed by conversation id + activity id. */
  readonly messages = new Map<string, Record<string, unknown>>();

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    const app = express();
    app.use(express.json({ limit: '2mb' }));
    // The fault plan decides once per request; a 'hold' parks the request until releaseHeld().
    app.all(/.*/, (req, res, next) => {
      res.on('finish', () => this.onAnswered?.());
      const m = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(req.path);
      const call: ConnectorCall = {
        method: req.method,
        path: req.path,
        ...(m?.[1] ? { conversationId: decodeURIComponent(m[1]) } : {}),
        ...(m?.[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
        body: (req.body ?? {}) as Record<string, unknown>,
      };
      const decided = this.faults?.decide(call);
      res.locals.decided = decided === 'hold' ? undefined : decided;
      if (decided === 'hold') this.held.push(() => next());
      else next();
    });
    app.all(/.*/, (req, res) => {
      const m = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(req.path);
      const call: ConnectorCall = {
        method: req.method,
        path: req.path,
        ...(m?.[1] ? { conversationId: decodeURIComponent(m[1]) } : {}),
        ...(m?.[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
        body: (req.body ?? {}) as Record<string, unknown>,
      };
      const fault = res.locals.decided as number | 'hang' | 'accept-hang' | undefined;
      /** 'accept-hang': the request takes effect, the answer never comes (the caller may die waiting). */
      const answer = (status: number, body: unknown): unknown => {
        if (fault === 'accept-hang') {
          this.hung++;
          return undefined;
        }
        return res.status(status).json(body);
      };
      if (fault === 'hang') {
        this.hung++;
        return; // never answered: the client times out or dies
      }
      if (typeof fault === 'number') {
        this.calls.push({ ...call, body: { ...call.body, _fault: fault } });
        if (fault === 429) res.setHeader('Retry-After', '1');
        return res.status(fault).json({ error: { code: 'Injected', message: 'injected fault' } });
      }
      this.calls.push(call);
      if (!m) return res.status(404).json({});
      if (req.method === 'POST' && !m[1]) {
        // createConversation: a new channel thread whose root post is the given activity
        const channelId = (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'conv';
        const activityId = String(this.seq++);
        const conversationId = `${channelId};messageid=${activityId}`;
        this.messages.set(`${conversationId}|${activityId}`, (call.body.activity ?? {}) as Record<string, unknown>);
        return answer(201, { id: conversationId, activityId });
      }
      if (req.method === 'PUT' && m[1] && m[2]) {
        this.messages.set(`${call.conversationId}|${call.activityId}`, call.body);
        return answer(200, { id: m[2] });
      }
      if (req.method === 'POST' && m[1]) {
        const id = String(this.seq++);
        this.messages.set(`${call.conversationId}|${id}`, call.body);
        return answer(200, { id });
      }
      return res.status(200).json({});
    });
    this.server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  successful(kind: 'create' | 'update' | 'send'): ConnectorCall[] {
    return this.calls.filter((c) => {
      if ('_fault' in c.body) return false;
      if (kind === 'create') return c.method === 'POST' && !c.conversationId;
      if (kind === 'update') return c.method === 'PUT';
      return c.method === 'POST' && !!c.conversationId;
    });
  }

  /** The Adaptive Card content of an activity body. */
  static cardOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
    const atts = (body.attachments ?? (body.activity as Record<string, unknown> | undefined)?.attachments) as
      { content?: Record<string, unknown> }[] | undefined;
    return atts?.[0]?.content;
  }
}
