import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** Makes the next request that `match`es (after `skip` earlier matches) fail with `status`, once. */
export interface Fault {
  match: (req: IncomingMessage) => boolean;
  status: number;
  skip?: number;
  /** Echo the request body in the error message, as a service error might: tests that it never leaks. */
  echoBody?: boolean;
}

export interface CosmosTestServer {
  endpoint: string;
  /** The emulator checks no signatures; the SDK only needs some base64 string. */
  key: string;
  /** Accepts the emulator's bundled self-signed, expired certificate: tests only, never production. */
  agent: https.Agent;
  injectFault(fault: Fault): void;
  /** Faults injected but not yet triggered. */
  pendingFaults(): number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A query (the SDK's query-plan request is left alone: the SDK falls back without it). */
export const isQuery = (req: IncomingMessage): boolean => req.headers['x-ms-documentdb-isquery'] !== undefined;

/** A request that writes a document (create, upsert, replace, delete), not a query, query plan or read. */
export const isDocWrite = (req: IncomingMessage): boolean =>
  /\/docs(\/|$)/.test(req.url ?? '') &&
  req.method !== 'GET' &&
  !isQuery(req) &&
  req.headers['x-ms-cosmos-is-query-plan-request'] === undefined;

/** Starts @vercel/cosmosdb-server in this process on 127.0.0.1 and an ephemeral port. */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  const server = createHttpsServer({ keepAlive: true } as https.ServerOptions);
  // Put a fault-injection shim in front of the emulator's own request handler.
  const [emulator] = server.listeners('request') as Handler[];
  server.removeAllListeners('request');
  const faults: Required<Fault>[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const i = faults.findIndex((f) => f.match(req) && f.skip-- <= 0);
    if (i < 0) return emulator(req, res);
    const [f] = faults.splice(i, 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const echo = f.echoBody ? `: ${Buffer.concat(chunks).toString('utf8')}` : '';
      res.writeHead(f.status, { 'content-type': 'application/json', 'x-ms-activity-id': 'injected-fault' });
      res.end(JSON.stringify({ code: 'InjectedFault', message: `injected by the test server${echo}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: Buffer.from('cosmosdb-server-test-key').toString('base64'),
    agent,
    injectFault: (f) => faults.push({ skip: 0, echoBody: false, ...f }),
    pendingFaults: () => faults.length,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
