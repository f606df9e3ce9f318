/**
 * Where the bot may send Connector calls. An entry is a URL prefix: scheme, host, port (or `*` for any
 * port) and a path prefix, e.g. `https://smba.trafficmanager.net/` or `http://127.0.0.1:*\/`. A service
 * URL is allowed when it parses as a URL without credentials and matches an entry exactly in scheme,
 * host and port and starts with its path. Pure: no I/O.
 */
export interface ServiceUrlEntry {
  protocol: 'http:' | 'https:';
  hostname: string;
  /** '' = the scheme's default port, '*' = any port. */
  port: string;
  pathPrefix: string;
}

/** Teams' public Bot Connector endpoints (all regions live under this host). */
export const TEAMS_PUBLIC_SERVICE_URLS = ['https://smba.trafficmanager.net/'] as const;
/** The Agents Playground (`http://localhost:<port>/_connector`) and local Connector stubs. */
export const LOOPBACK_SERVICE_URLS = ['http://localhost:*/', 'http://127.0.0.1:*/'] as const;

const MAX_URL_LENGTH = 512;

/** Parse one allowlist entry; undefined when it is not a usable http(s) prefix. */
export function parseServiceUrlEntry(raw: string): ServiceUrlEntry | undefined {
  const m = /^(https?):\/\/([^/:@?#\s]+)(?::(\d{1,5}|\*))?(\/[^?#\s]*)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const protocol = `${m[1].toLowerCase()}:` as ServiceUrlEntry['protocol'];
  const hostname = m[2].toLowerCase();
  let port = m[3] ?? '';
  if ((protocol === 'https:' && port === '443') || (protocol === 'http:' && port === '80')) port = '';
  const pathPrefix = m[4] ?? '/';
  return { protocol, hostname, port, pathPrefix: pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/` };
}

/** Answers remembered per service URL: Teams uses a handful, and every activity asks (a URL parse each time). */
const REMEMBERED = 64;

export class ServiceUrlAllowlist {
  private readonly answers = new Map<string, boolean>();

  constructor(readonly entries: readonly ServiceUrlEntry[]) {}

  static from(raw: readonly string[]): ServiceUrlAllowlist {
    return new ServiceUrlAllowlist(raw.map(parseServiceUrlEntry).filter((e): e is ServiceUrlEntry => !!e));
  }

  allows(serviceUrl: unknown): boolean {
    if (typeof serviceUrl !== 'string' || serviceUrl.length === 0 || serviceUrl.length > MAX_URL_LENGTH) return false;
    let answer = this.answers.get(serviceUrl);
    if (answer === undefined) {
      // Bounded: a sender cycling through made-up URLs empties the memory, it cannot grow it.
      if (this.answers.size >= REMEMBERED) this.answers.clear();
      answer = this.judge(serviceUrl);
      this.answers.set(serviceUrl, answer);
    }
    return answer;
  }

  private judge(serviceUrl: string): boolean {
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (url.username || url.password || url.search || url.hash) return false;
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    return this.entries.some(
      (e) =>
        e.protocol === url.protocol &&
        e.hostname === url.hostname.toLowerCase() &&
        (e.port === '*' || e.port === url.port) &&
        path.toLowerCase().startsWith(e.pathPrefix.toLowerCase()),
    );
  }
}
