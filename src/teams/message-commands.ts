import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

/**
 * One table of message commands (what a user types to the bot): the name (for logs), the pattern the
 * typed text must match, and the handler. Registered by one loop (`registerMessageCommands`), before the
 * catch-all help answer.
 */
export interface MessageCommand {
  name: 'nieuwe zaak' | 'agenda' | 'audit' | 'wis' | 'ik heb dienst' | 'rapportage';
  /** Matched against `commandText` (mentions removed, trimmed). */
  pattern: RegExp;
  run: (context: TurnContext, text: string) => Promise<void>;
}

const AT_TAG = /<at[^>]*>[\s\S]*?<\/at>/gi;

/**
 * What the user typed, without mentions: Teams puts "<at>Name</at>" into the text for every @-mention
 * (of the bot in a channel; teams-ai removes only a mention whose id equals the recipient's, and the
 * Playground's may differ). So "agenda", "@ZSM HG agenda" and "agenda @ZSM HG" all read "agenda".
 */
export function commandText(activity: { text?: string | undefined }): string {
  return (activity.text ?? '')
    .replace(AT_TAG, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function registerMessageCommands(app: Application<TurnState>, commands: readonly MessageCommand[]): void {
  for (const cmd of commands) {
    app.message(
      async (context: TurnContext) => context.activity.type === 'message' && cmd.pattern.test(commandText(context.activity)),
      async (context: TurnContext) => cmd.run(context, commandText(context.activity)),
    );
  }
}
