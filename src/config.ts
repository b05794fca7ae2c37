import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { defaultRetention } from './retention/retention.rules.ts';
import { serverTimeouts, type DbTimeouts } from './db/timeouts.ts';
import { sealMarginMs } from './audit/chain.ts';

// The one place that reads the environment. Every setting is resolved here, defaults included, so nothing
// downstream falls back to a value of its own; everything else receives a Config. The README's configuration
// table describes the same keys for operators.

/** The network's timezone when FIGURES_TIME_ZONE is not set: the demo network is Bonaire's. */
export const defaultNetworkTimeZone = 'America/Kralendijk';
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
const optionalFlag = z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional());
const positiveWhole = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const environment = z.object({
  /** HTTP port for /api/messages, /healthz and /downloads. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** PostgreSQL connection string; empty means the embedded PGlite in DATA_DIR/pglite. */
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  /** Folder for the embedded database and the Playground's configuration. */
  DATA_DIR: z.string().default('./data'),
  /** pino log level; logs are JSON and never hold message text, card input or names. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The bot's Entra ID app id; empty is local mode (no authentication, Playground only). */
  MicrosoftAppId: optionalText,
  /** Client secret; not needed with a managed identity. */
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** The tenant id; required for SingleTenant and UserAssignedMSI. */
  MicrosoftAppTenantId: optionalText,
  /** Comma-separated tenant ids whose activities are accepted; empty accepts all. */
  ALLOWED_TENANT_IDS: csv,
  /** Entra object id of the first procesmanager, created at start if missing. */
  FIRST_PROCESS_MANAGER_AAD_ID: optionalText,
  FIRST_PROCESS_MANAGER_NAME: z.string().default('Procesmanager'),
  /** Seed the demo partners and people; by default only in local mode. */
  SEED_DEMO_DATA: optionalFlag,
  /** With the demo data: two years of fictional history (default on). */
  SEED_DEMO_HISTORY: optionalFlag,
  /** `production` makes the app id (and LINK_SECRET) mandatory. */
  NODE_ENV: z.string().default('development'),
  /** Where browsers reach the bot: links to documents start with it. Default http://localhost:<PORT>. */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  /** Signs document links; the same on every instance. Without one, a secret for this process only. */
  LINK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'minstens 32 tekens').optional()),
  /** Days after acceptance by which the person must be informed. */
  INFORM_WITHIN_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Seconds an instance holds a claimed job before another may take it over. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(30).max(3600).default(120),
  /** Months after closure that a closed case is deleted. */
  RETENTION_CLOSED_CASE_MONTHS: positiveWhole(defaultRetention.closedCaseMonths),
  /** Months after the screening decision that a rejected aanmelding is deleted. */
  RETENTION_REJECTED_MONTHS: positiveWhole(defaultRetention.rejectedReferralMonths),
  /** Days after its last change that an untouched draft is deleted. */
  RETENTION_DRAFT_DAYS: positiveWhole(defaultRetention.draftDays),
  /** Years the logbook (audit events, ids only) is kept, independent of the cases it is about. */
  LOGBOOK_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** Opening a connection to a PostgreSQL server (DATABASE_URL), in milliseconds. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(serverTimeouts.connectMs),
  /** One statement; a server that does not answer is given up a second later and its connection dropped. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(serverTimeouts.statementMs),
  /** Waiting for a free connection of the pool, also to start a transaction. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(serverTimeouts.acquireMs),
  /** An interactive transaction as a whole; at least DB_STATEMENT_TIMEOUT_MS. */
  DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(serverTimeouts.transactionMs),
  /** On a PostgreSQL server: apply the migrations at start-up (one instance at a time) instead of waiting for them. */
  MIGRATE_ON_START: optionalFlag,
  /** On a PostgreSQL server: how long a starting instance waits for the schema to be current before it gives up. */
  MIGRATION_WAIT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The longest round of the scheduler: a round that takes longer is abandoned so the next can run. */
  SCHEDULER_ROUND_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * The network's IANA timezone: where a quarter begins and ends, and when its figures are posted; every time of a
   * network-wide view (screening, logbook, inzage, meldingen, figures) is shown in it. The demo network is Bonaire's.
   */
  FIGURES_TIME_ZONE: z
    .string()
    .default(defaultNetworkTimeZone)
    .refine((v) => IANAZone.isValidZone(v), 'geen IANA-tijdzone (bijvoorbeeld America/Kralendijk)'),
});

type Environment = z.infer<typeof environment>;

function requireWhatGoesTogether(env: Environment, ctx: z.RefinementCtx): void {
  const need = (key: keyof Environment, why: string) =>
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
  if (env.DB_TRANSACTION_TIMEOUT_MS < env.DB_STATEMENT_TIMEOUT_MS)
    ctx.addIssue({
      code: 'custom',
      path: ['DB_TRANSACTION_TIMEOUT_MS'],
      message: 'minstens zo lang als DB_STATEMENT_TIMEOUT_MS: een transactie bevat minstens één opdracht',
    });
}

/** The environment as the program uses it. */
function resolveSettings(e: Environment) {
  // Demo people belong on a laptop, not in a tenant: by default only in local mode.
  const seedDemoData = e.SEED_DEMO_DATA === undefined ? !e.MicrosoftAppId : e.SEED_DEMO_DATA === 'true';
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
    seedDemoData,
    // History is part of the demo: never without the demo data.
    seedDemoHistory: seedDemoData && e.SEED_DEMO_HISTORY !== 'false',
    figuresTimeZone: e.FIGURES_TIME_ZONE,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    database: {
      /** For a PostgreSQL server; the embedded PGlite has generous bounds of its own (src/db/client.ts). */
      timeouts: {
        connectMs: e.DB_CONNECT_TIMEOUT_MS,
        statementMs: e.DB_STATEMENT_TIMEOUT_MS,
        acquireMs: e.DB_ACQUIRE_TIMEOUT_MS,
        transactionMs: e.DB_TRANSACTION_TIMEOUT_MS,
      } satisfies DbTimeouts,
      /** The embedded database always migrates itself: it belongs to this one instance. */
      migrateOnStart: !e.DATABASE_URL || e.MIGRATE_ON_START === 'true',
      migrationWaitMs: e.MIGRATION_WAIT_SECONDS * 1000,
    },
    schedulerRoundMs: e.SCHEDULER_ROUND_SECONDS * 1000,
    informWithinDays: e.INFORM_WITHIN_DAYS,
    retention: {
      closedCaseMonths: e.RETENTION_CLOSED_CASE_MONTHS,
      rejectedReferralMonths: e.RETENTION_REJECTED_MONTHS,
      draftDays: e.RETENTION_DRAFT_DAYS,
    },
    logbook: {
      keptYears: e.LOGBOOK_RETENTION_YEARS,
      // Longer than a transaction can take to commit (src/audit/chain.ts).
      sealMarginMs: sealMarginMs({
        statementMs: e.DB_STATEMENT_TIMEOUT_MS,
        transactionMs: e.DB_TRANSACTION_TIMEOUT_MS,
      }),
    },
    links: {
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      // Required in production (checked above); elsewhere a secret of this process, so links die with it.
      secret: e.LINK_SECRET ?? randomBytes(32).toString('hex'),
      // Real Teams (an app id) can also offer a document through the file-consent flow; the Playground cannot.
      fileConsent: Boolean(e.MicrosoftAppId),
    },
  };
}

const configSchema = environment.superRefine(requireWhatGoesTogether).transform(resolveSettings);

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
