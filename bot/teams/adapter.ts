import {
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../../src/config.ts';

/**
 * teams-ai's adapter with its turn processing open to the bot's own HTTP route, which reads the request itself
 * (bot/teams/server.ts) instead of botbuilder's `process`: that one validates the body before the token, answers
 * errors with internal text and logs them as plain text.
 */
export class CasusbotAdapter extends TeamsAdapter {
  /** Verifies the token (throws when it cannot) and runs the turn; an invoke's or expectReplies' answer comes back. */
  processTurn(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * With app credentials every request must carry a valid Bot Framework token. Without them botbuilder
 * accepts unauthenticated traffic: local mode, for the Agents Playground only (main.ts warns).
 * `endpoints` lets tests point token validation at a local OpenID document.
 */
export function createAdapter(
  config: Pick<Config, 'microsoftApp'>,
  endpoints: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): CasusbotAdapter {
  const app = config.microsoftApp;
  if (!app) return new CasusbotAdapter({});
  const auth = {
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password ?? '',
    MicrosoftAppType: app.type,
    MicrosoftAppTenantId: app.tenantId ?? '',
    ...endpoints,
  } as ConfigurationBotFrameworkAuthenticationOptions;
  return new CasusbotAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
