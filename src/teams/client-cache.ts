/** A cached Connector (or user-token) client is rebuilt after this long (its token renews itself; this only bounds surprises). */
export const CLIENT_MAX_AGE_MS = 30 * 60_000;
/** At most this many clients are kept: a bot sees one or two service URLs; a flood of others cannot grow memory. */
export const CLIENTS_MAX = 32;

/**
 * Clients of the Bot Framework SDK, kept per key (a service URL, a bot): one build per key and
 * CLIENT_MAX_AGE_MS, shared by the callers that wait for it; a failed build is forgotten, so the next
 * call tries again. Used by inbound turns (inbound-clients.ts) and outbound calls (outbound.ts).
 */
export class ClientCache<T> {
  private readonly entries = new Map<string, { client: Promise<T>; at: number }>();
  /** Clients built so far (successful builds): for tests and the bench. */
  built = 0;

  constructor(private readonly now: () => number) {}

  get(key: string, build: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found && this.now() - found.at < CLIENT_MAX_AGE_MS) return found.client;
    this.entries.delete(key);
    const client = build();
    this.entries.set(key, { client, at: this.now() });
    if (this.entries.size > CLIENTS_MAX) this.entries.delete(this.entries.keys().next().value as string);
    client.then(
      () => this.built++,
      () => {
        if (this.entries.get(key)?.client === client) this.entries.delete(key);
      },
    );
    return client;
  }
}
