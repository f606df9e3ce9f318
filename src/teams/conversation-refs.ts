import type { TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps';
import type { ServiceUrlAllowlist } from '../domain/service-urls';
import type { ConversationRefData } from '../store/repository';

interface TeamsChannelData {
  channel?: { id?: string };
  team?: { id?: string };
  tenant?: { id?: string };
}

export const channelRefKey = (channelId: string): string => `channel:${channelId}`;
export const userRefKey = (aadObjectId: string): string => `user:${aadObjectId}`;
/** The newest team reference seen: its serviceUrl and tenant let us post into any channel of that tenant. */
export const LATEST_TEAM_KEY = 'team:_latest';

/** Ids Teams uses are short; anything longer is not kept. */
const MAX_ID = 256;
const bounded = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;

/**
 * Remember where we can reach people proactively: configured channels (case cards, Actieoverleg, OvJ,
 * VT day team) and the personal chats of known users (roster, deputies, VT on-call). Called only for
 * turns that passed authentication and the tenant allowlist, and only when the activity's serviceUrl
 * is on the allowlist: an activity can never steer where the bot posts. Only ids and the service URL
 * are kept, and a reference is written only when it changed.
 */
export async function captureConversationRef(
  context: TurnContext,
  deps: Pick<AppDeps, 'repo' | 'directory' | 'log'>,
  serviceUrls: ServiceUrlAllowlist,
): Promise<void> {
  const a = context.activity;
  if (a.channelId !== 'msteams' || !a.serviceUrl || !bounded(a.conversation?.id)) return;
  if (!serviceUrls.allows(a.serviceUrl)) {
    deps.log.warn('activity with a serviceUrl outside the allowlist: no conversation reference kept');
    return;
  }
  // Only a known user's activity says anything we keep (an outsider in a configured channel changes nothing).
  const known = deps.directory.isKnownUser(a.from?.aadObjectId) ? a.from?.aadObjectId : undefined;
  if (!known) return;
  if (bounded(a.from?.id)) await deps.repo.rememberUserMri(known, a.from.id, (aad) => deps.directory.isKnownUser(aad));
  const cd = (a.channelData ?? {}) as TeamsChannelData;
  const tenantId = cd.tenant?.id ?? a.conversation.tenantId;
  const base = {
    serviceUrl: a.serviceUrl,
    channelId: 'msteams',
    ...(bounded(tenantId) ? { tenantId } : {}),
    ...(bounded(a.recipient?.id) ? { botId: a.recipient.id } : {}),
  };
  const channelId = cd.channel?.id;
  if (channelId) {
    if (!deps.directory.configuredChannelIds().has(channelId)) return;
    const ref: ConversationRefData = { ...base, conversationId: channelId, ...(bounded(cd.team?.id) ? { teamId: cd.team.id } : {}) };
    await deps.repo.putConversationRef(channelRefKey(channelId), ref);
    // Only what the fallback uses (service URL, tenant, bot): it changes when Teams moves, not per channel.
    await deps.repo.putConversationRef(LATEST_TEAM_KEY, { ...base, conversationId: LATEST_TEAM_KEY });
  } else if (a.conversation.conversationType === 'personal') {
    await deps.repo.putConversationRef(userRefKey(known), { ...base, conversationId: a.conversation.id });
  }
}
