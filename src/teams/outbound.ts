import { CardFactory, MessageFactory, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Outbound } from '../app/ports';
import { OutboundError } from '../app/ports';
import type { AdaptiveCard } from '../cards/types';
import type { CardRef, Repository } from '../store/repository';
import { channelRefKey, LATEST_TEAM_KEY } from './conversation-refs';

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

/** Turn a Connector failure into an OutboundError that says whether (and when) to retry. */
export function toOutboundError(e: unknown, what: string): OutboundError {
  const err = e as { statusCode?: number; code?: string; response?: { headers?: { get?: (h: string) => string | undefined } } };
  const status = err?.statusCode;
  const retryAfter = Number(err?.response?.headers?.get?.('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  // No status = network fault (refused, reset, timeout): worth retrying.
  const retryable = status === undefined || RETRYABLE.has(status);
  return new OutboundError(
    `${what} failed${status ? ` with HTTP ${status}` : ` (${err?.code ?? 'network error'})`}`,
    retryable,
    retryAfterMs,
  );
}

/** Posts and updates cards in Teams channels through the Bot Connector. */
export class TeamsOutbound implements Outbound {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly repo: Repository,
  ) {}

  async postCardToChannel(channelId: string, card: AdaptiveCard): Promise<CardRef> {
    const ref = (await this.repo.getConversationRef(channelRefKey(channelId))) ?? (await this.repo.getConversationRef(LATEST_TEAM_KEY));
    if (!ref) throw new OutboundError('no conversation reference for the channel yet (install the app in the team)', true, 30_000);
    const params = {
      isGroup: true,
      channelData: { channel: { id: channelId }, ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}) },
      activity: MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      ...(ref.botId ? { bot: { id: ref.botId, name: ref.botName ?? '' } } : {}),
    } as ConversationParameters;
    let conversationId = '';
    try {
      await this.adapter.createConversationAsync(this.appId, 'msteams', ref.serviceUrl, '', params, async (ctx) => {
        conversationId = ctx.activity.conversation.id;
      });
    } catch (e) {
      throw toOutboundError(e, 'create channel thread');
    }
    // Teams names a channel thread "<channel>;messageid=<id of the root post>".
    const activityId = /;messageid=(.+)$/.exec(conversationId)?.[1];
    if (!activityId) throw new OutboundError('channel thread id without messageid', false);
    return { conversationId, activityId, serviceUrl: ref.serviceUrl, postedAt: new Date().toISOString() };
  }

  async replyInThread(ref: CardRef, message: { text?: string; card?: AdaptiveCard }): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      conversation: { id: ref.conversationId, isGroup: true, conversationType: 'channel', name: '' },
    };
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
        const activity = message.card ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text) : MessageFactory.text(message.text ?? '');
        await ctx.sendActivity(activity);
      });
    } catch (e) {
      throw toOutboundError(e, 'reply in thread');
    }
  }

  async updateCard(ref: CardRef, card: AdaptiveCard): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      conversation: { id: ref.conversationId, isGroup: true, conversationType: 'channel', name: '' },
    };
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        activity.id = ref.activityId;
        await ctx.updateActivity(activity);
      });
    } catch (e) {
      throw toOutboundError(e, 'update card');
    }
  }
}
