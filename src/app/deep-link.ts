import type { CardRef } from '../domain/refs';

/**
 * A Teams deep link to the very message a card was posted as, built from its stored reference
 * (not from the configured channel, which may be a placeholder or have moved). A channel post's
 * conversation id is "<channel id>;messageid=<thread root>"; the link names the channel, the
 * message and the thread root. Undefined when the reference is not a channel thread.
 */
export function messageDeepLink(ref: Pick<CardRef, 'conversationId' | 'activityId'>): string | undefined {
  const [channelId, ...rest] = ref.conversationId.split(';');
  if (!channelId || !/^19:[^;/?#\s]+$/.test(channelId) || !/^[\w.:-]{1,100}$/.test(ref.activityId)) return undefined;
  const root = rest.map((p) => /^messageid=(\d{1,30})$/.exec(p)?.[1]).find((m) => m !== undefined) ?? ref.activityId;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(ref.activityId)}?parentMessageId=${encodeURIComponent(root)}`;
}
