import { personalActivity, sendActivity, type TestHost } from './host';

/** Action.Execute invoke from a user's personal (1:1) chat: a card button pressed on a card the bot sent them there. */
export function personalExecuteInvoke(stubUrl: string, aad: string, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...personalActivity(stubUrl, aad),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** Each of these users (aad object ids) installs the app in their personal chat, so the bot can reach them 1:1. */
export async function openPersonalChats(t: TestHost, aads: readonly string[]): Promise<void> {
  for (const aad of aads) await sendActivity(t.base, personalActivity(t.stub.url, aad));
}
