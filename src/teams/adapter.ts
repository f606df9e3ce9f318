import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Env } from '../config';

/**
 * With an app id, the adapter validates every request's Bot Framework token (its own validation);
 * without one (local Playground) it accepts unauthenticated traffic — main.ts logs that loudly.
 */
export function createAdapter(env: Env): TeamsAdapter {
  const auth = env.MICROSOFT_APP_ID
    ? {
        MicrosoftAppId: env.MICROSOFT_APP_ID,
        MicrosoftAppPassword: env.MICROSOFT_APP_PASSWORD,
        MicrosoftAppType: env.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: env.MICROSOFT_APP_TENANT_ID,
      }
    : {};
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
