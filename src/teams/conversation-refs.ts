import type { TurnContext } from 'botbuilder';
import type { ConversationRefData, Repository } from '../store/repository';

interface TeamsChannelData {
  channel?: { id?: string };
  team?: { id?: string };
  tenant?: { id?: string };
}

export const channelRefKey = (channelId: string): string => `channel:${channelId}`;
export const userRefKey = (aadObjectId: string): string => `user:${aadObjectId}`;
/** The newest team reference seen: its serviceUrl and tenant let us post into any channel of that tenant. */
export const LATEST_TEAM_KEY = 'team:_latest';

/**
 * Remember where we can reach people proactively: channels (case cards, Actieoverleg) and personal
 * chats (VT on-call). Captured from every incoming activity; only ids and the service URL are kept.
 */
export async function captureConversationRef(context: TurnContext, repo: Repository): Promise<void> {
  const a = context.activity;
  if (a.channelId !== 'msteams' || !a.serviceUrl || !a.conversation?.id) return;
  if (a.from?.aadObjectId && a.from.id) await repo.rememberUserMri(a.from.aadObjectId, a.from.id);
  const cd = (a.channelData ?? {}) as TeamsChannelData;
  const tenantId = cd.tenant?.id ?? a.conversation.tenantId;
  const base = {
    serviceUrl: a.serviceUrl,
    channelId: 'msteams',
    ...(tenantId ? { tenantId } : {}),
    ...(a.recipient?.id ? { botId: a.recipient.id } : {}),
  };
  if (cd.channel?.id) {
    const ref: ConversationRefData = { ...base, conversationId: cd.channel.id, ...(cd.team?.id ? { teamId: cd.team.id } : {}) };
    await repo.putConversationRef(channelRefKey(cd.channel.id), ref);
    await repo.putConversationRef(LATEST_TEAM_KEY, ref);
  } else if (a.conversation.conversationType === 'personal' && a.from?.aadObjectId) {
    await repo.putConversationRef(userRefKey(a.from.aadObjectId), { ...base, conversationId: a.conversation.id });
  }
}
