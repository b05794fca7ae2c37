import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('when nothing is set, then it runs locally on the embedded database with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.microsoftApp).toBeUndefined();
    expect(config.seedDemoData).toBe(true);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.allowedTenantIds).toEqual([]);
    expect(config.jobLeaseMs).toBe(120_000);
  });

  it('when credentials are set, then demo data is off by default and the app is SingleTenant', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.microsoftApp).toEqual({ id: 'app', password: 'secret', type: 'SingleTenant', tenantId: 'tenant' });
    expect(config.seedDemoData).toBe(false);
  });

  it('when a SingleTenant app lacks its password and tenant, then it refuses with a Dutch message per key', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app' })).toThrowError(ConfigError);
    expect(() => loadConfig({ MicrosoftAppId: 'app' })).toThrowError(/MicrosoftAppPassword.*\n.*MicrosoftAppTenantId/);
  });

  it('when a managed identity is used, then no password is needed', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 't',
    });
    expect(config.microsoftApp?.password).toBeUndefined();
  });

  it('when running in production without an app id, then it refuses to start unauthenticated', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/MicrosoftAppId: in productie verplicht/);
  });

  it('when values are malformed, then it names the key', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrowError(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrowError(/LOG_LEVEL/);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '5' })).toThrowError(/JOB_LEASE_SECONDS/);
    expect(loadConfig({ JOB_LEASE_SECONDS: '300' }).jobLeaseMs).toBe(300_000);
  });

  it('when lists and urls are given, then they are parsed', () => {
    const config = loadConfig({
      ALLOWED_TENANT_IDS: ' a, b ,,c',
      DATABASE_URL: 'postgresql://u:p@localhost:5432/casusbot',
      FIRST_PROCESS_MANAGER_AAD_ID: 'aad-1',
      SEED_DEMO_DATA: 'false',
    });
    expect(config.allowedTenantIds).toEqual(['a', 'b', 'c']);
    expect(config.databaseUrl).toBe('postgresql://u:p@localhost:5432/casusbot');
    expect(config.firstProcessManager).toEqual({ aadObjectId: 'aad-1', name: 'Procesmanager' });
    expect(config.seedDemoData).toBe(false);
  });
});
