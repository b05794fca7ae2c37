import { resolve } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { defaultRetention, type Retention } from './retention/retention.rules.ts';

// The one place that reads the environment. Everything else receives a Config.
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyAsUndefined, z.string().trim().optional());

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    MicrosoftAppTenantId: optionalText,
    ALLOWED_TENANT_IDS: csv,
    FIRST_PROCESS_MANAGER_AAD_ID: optionalText,
    FIRST_PROCESS_MANAGER_NAME: z.string().default('Procesmanager'),
    SEED_DEMO_DATA: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
    NODE_ENV: z.string().default('development'),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    LINK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'minstens 32 tekens').optional()),
    INFORM_WITHIN_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(30).max(3600).default(120),
    RETENTION_CLOSED_CASE_MONTHS: z.coerce.number().int().positive().default(defaultRetention.closedCaseMonths),
    RETENTION_REJECTED_MONTHS: z.coerce.number().int().positive().default(defaultRetention.rejectedReferralMonths),
    RETENTION_DRAFT_DAYS: z.coerce.number().int().positive().default(defaultRetention.draftDays),
    FIGURES_TIME_ZONE: z
      .string()
      .default('Europe/Amsterdam')
      .refine((v) => IANAZone.isValidZone(v), 'geen IANA-tijdzone (bijvoorbeeld Europe/Amsterdam)'),
    SEED_DEMO_HISTORY: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
  })
  .superRefine((env, ctx) => {
    const need = (key: keyof typeof env, why: string) =>
      env[key] === undefined && ctx.addIssue({ code: 'custom', path: [key], message: why });
    if (env.MicrosoftAppId) {
      if (env.MicrosoftAppType !== 'UserAssignedMSI')
        need('MicrosoftAppPassword', 'nodig bij een app-id, behalve met managed identity');
      if (env.MicrosoftAppType !== 'MultiTenant')
        need('MicrosoftAppTenantId', 'nodig bij SingleTenant en UserAssignedMSI');
      if (env.NODE_ENV === 'production')
        need(
          'LINK_SECRET',
          'in productie verplicht: dezelfde geheime sleutel op elke instantie, voor de links naar documenten',
        );
    } else if (env.NODE_ENV === 'production') {
      need('MicrosoftAppId', 'in productie verplicht: zonder app-id wordt niemand geauthenticeerd');
    }
  });

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  microsoftApp:
    | {
        id: string;
        password: string | undefined;
        type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
        tenantId: string | undefined;
      }
    | undefined;
  allowedTenantIds: string[];
  firstProcessManager: { aadObjectId: string; name: string } | undefined;
  seedDemoData: boolean;
  /** With the demo data: two years of fictional history, so the figures, agenda and schaduwlijst show something. */
  seedDemoHistory: boolean;
  /** The network's timezone: where a quarter begins and ends, and when its figures go to the stuurgroep. */
  figuresTimeZone: string;
  /** How long an instance holds a claimed job; after it another instance may take the job over. */
  jobLeaseMs: number;
  /** Days after acceptance by which the person must be informed; then the one who informs gets one reminder. */
  informWithinDays: number;
  /** How long personal data are kept before the retention sweep deletes them. */
  retention: Retention;
  /** Where browsers reach the bot (links to documents such as an inzage). */
  publicUrl: string;
  /** Signs those links; without one, a secret for this process only. */
  linkSecret: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    microsoftApp: e.MicrosoftAppId
      ? {
          id: e.MicrosoftAppId,
          password: e.MicrosoftAppPassword,
          type: e.MicrosoftAppType,
          tenantId: e.MicrosoftAppTenantId,
        }
      : undefined,
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    firstProcessManager: e.FIRST_PROCESS_MANAGER_AAD_ID
      ? { aadObjectId: e.FIRST_PROCESS_MANAGER_AAD_ID, name: e.FIRST_PROCESS_MANAGER_NAME }
      : undefined,
    // Demo people belong on a laptop, not in a tenant: by default only in local mode.
    seedDemoData: e.SEED_DEMO_DATA === undefined ? !e.MicrosoftAppId : e.SEED_DEMO_DATA === 'true',
    // History is part of the demo: never without the demo data.
    seedDemoHistory:
      (e.SEED_DEMO_DATA === undefined ? !e.MicrosoftAppId : e.SEED_DEMO_DATA === 'true') &&
      e.SEED_DEMO_HISTORY !== 'false',
    figuresTimeZone: e.FIGURES_TIME_ZONE,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    informWithinDays: e.INFORM_WITHIN_DAYS,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    linkSecret: e.LINK_SECRET,
    retention: {
      closedCaseMonths: e.RETENTION_CLOSED_CASE_MONTHS,
      rejectedReferralMonths: e.RETENTION_REJECTED_MONTHS,
      draftDays: e.RETENTION_DRAFT_DAYS,
    },
  };
}
