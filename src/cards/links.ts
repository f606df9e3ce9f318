import type { CardRef } from '../domain/refs';

/**
 * A Teams deep link to the real posted message, built from the stored card reference (the channel of
 * the conversation the card was posted in, and the message's activity id), never from configuration.
 * A channel conversation id is "19:…@thread.tacv2" or, for a reply thread, "19:…@thread.tacv2;messageid=…":
 * the link takes the channel part, and the thread's root as `parentMessageId`. Undefined when the
 * reference is not a channel thread (a personal chat) or its parts do not look like Teams ids.
 */
export function messageLink(ref: Pick<CardRef, 'conversationId' | 'activityId'>): string | undefined {
  const [channelId, ...rest] = ref.conversationId.split(';');
  if (!channelId || !/^19:[^;/?#\s]+$/.test(channelId) || !/^[\w.:-]{1,100}$/.test(ref.activityId)) return undefined;
  const root = rest.map((p) => /^messageid=(\d{1,30})$/.exec(p)?.[1]).find((m) => m !== undefined) ?? ref.activityId;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(ref.activityId)}?parentMessageId=${encodeURIComponent(root)}`;
}
