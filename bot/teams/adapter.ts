import {
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../../src/config.ts';

/**
 * With app credentials every request must carry a valid Bot Framework token. Without them botbuilder
 * accepts unauthenticated traffic: local mode, for the Agents Playground only (main.ts warns).
 * `endpoints` lets tests point token validation at a local OpenID document.
 */
export function createAdapter(
  config: Pick<Config, 'microsoftApp'>,
  endpoints: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): TeamsAdapter {
  const app = config.microsoftApp;
  if (!app) return new TeamsAdapter({});
  const auth = {
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password ?? '',
    MicrosoftAppType: app.type,
    MicrosoftAppTenantId: app.tenantId ?? '',
    ...endpoints,
  } as ConfigurationBotFrameworkAuthenticationOptions;
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
