import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { ClientCache } from './client-cache';

type Clock = () => number;

/** The bot's app id as botbuilder's factories take it from the claims (audience claim, else the app id claim). */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A ConnectorFactory that hands out the cached client for its bot, service URL and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient (credentials, a request pipeline of a
 * dozen policies) for every inbound activity, also for an invoke that is answered in the HTTP response
 * and never calls Teams: about a tenth of a vote's time on the event loop (issue 11 item 4). This
 * BotFrameworkAuthentication still authenticates every request through botbuilder's own, and only
 * reuses the clients it would build: one per bot app id, service URL and audience (client-cache.ts:
 * 30 minutes, at most 32; their credentials fetch and renew their own tokens). Proactive turns
 * (`createConnectorFactory`) are left as they are: the outbound side keeps its own clients.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors: ClientCache<ConnectorClient>;
  private readonly userTokens: ClientCache<UserTokenClient>;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    now: Clock = Date.now,
  ) {
    super();
    this.connectors = new ClientCache(now);
    this.userTokens = new ClientCache(now);
  }

  /** Clients built so far (tests, the bench). */
  get built(): { connectors: number; userTokens: number } {
    return { connectors: this.connectors.built, userTokens: this.userTokens.built };
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return {
      ...result,
      connectorFactory: new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors),
    };
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

/** Install client reuse on an adapter (the product's host; the bench's floor keeps botbuilder's per-activity clients). */
export function reuseInboundClients(adapter: TeamsAdapter, now?: Clock): ReusingBotFrameworkAuthentication {
  const holder = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  const reusing = new ReusingBotFrameworkAuthentication(holder.botFrameworkAuthentication, now);
  holder.botFrameworkAuthentication = reusing;
  return reusing;
}
