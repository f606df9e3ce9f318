/** HTTP status of an @azure/cosmos ErrorResponse (its numeric `code`); undefined for anything else. */
export function statusOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number') return e.code;
  return undefined;
}

function field(e: unknown, name: string): unknown {
  return typeof e === 'object' && e !== null && name in e ? (e as Record<string, unknown>)[name] : undefined;
}

/**
 * A Cosmos failure that is not a domain outcome (409/412/404 are mapped by the adapter). The SDK's own
 * message echoes the service's response body, so it is replaced by status codes and the activity id
 * (enough to look the request up in Azure) and the original error is not attached: logs stay free of
 * document content.
 */
export class CosmosStoreError extends Error {
  constructor(
    readonly operation: string,
    readonly statusCode: number,
    readonly substatus: number | undefined,
    readonly activityId: string | undefined,
  ) {
    super(`cosmos ${operation} failed: HTTP ${statusCode}${substatus !== undefined ? `/${substatus}` : ''}`);
    this.name = 'CosmosStoreError';
  }

  /** HTTP failures become a CosmosStoreError; other errors (network, programming) pass through unchanged. */
  static wrap(operation: string, e: unknown): unknown {
    const status = statusOf(e);
    if (status === undefined) return e;
    const sub = field(e, 'substatus');
    const activity = field(e, 'activityId');
    return new CosmosStoreError(
      operation,
      status,
      typeof sub === 'number' ? sub : undefined,
      typeof activity === 'string' ? activity : undefined,
    );
  }
}
