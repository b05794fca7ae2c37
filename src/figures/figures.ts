import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { buildCaseFact } from './case-facts.ts';
import { loadLiveFactSources } from '../retention/retention.repository.ts';
import type { DisclosureMode } from './disclosure.ts';
import { ensureJob, reviveJob } from '../jobs/job.repository.ts';
import type { JobHandler, JobOutcome } from '../jobs/runner.ts';
import type { Logger } from '../logger.ts';
import { findSteeringGroupChannel, readStoredFigureInputs, setSteeringGroupChannel } from './figures.repository.ts';
import { computeFigures, discloseFigures, type DisclosedFigures, type FigureFact } from './figures.rules.ts';
import {
  firstWorkingDayAfter,
  lastCompletedQuarter,
  parsePeriod,
  periodChoices,
  periodKey,
  periodMonths,
  periodsUpTo,
  previousPeriod,
  quarterOf,
  type Period,
} from './periods.ts';

export interface FiguresDeps {
  db: Db;
  clock: Clock;
  /** INFORM_WITHIN_DAYS: what "informed in time" means. */
  informWithinDays: number;
  /** FIGURES_TIME_ZONE: where quarters begin and end. */
  timeZone: string;
}

export interface FiguresView {
  figures: DisclosedFigures;
  /** Names of the organisations and tables the figures name by id. */
  organisationNames: Record<string, string>;
  tableNames: Record<string, string>;
  choices: Period[];
  generatedAt: Date;
}

/** How many periods the trend of aanmeldingen shows: two years of quarters, or five years. */
const trendLength = (p: Period) => (p.kind === 'quarter' ? 8 : 5);

/** A period someone may ask for: one of the choices; anything else (a future quarter, nonsense) gets the default. */
export function choosePeriod(requested: unknown, now: Date, zone: string): Period {
  const wanted = parsePeriod(requested);
  const choices = periodChoices(now, zone).map(periodKey);
  return wanted && choices.includes(periodKey(wanted)) ? wanted : lastCompletedQuarter(now, zone);
}

/**
 * Reads what the figures of a period need, from anonymous facts only: those kept of deleted cases and those built
 * now from live cases, with the same function that builds them at deletion; and the names they label by id. Two
 * statements, whatever the period.
 */
export async function loadFigures(tx: Tx, period: Period, now: Date, informWithinDays: number) {
  const trend = periodsUpTo(period, trendLength(period));
  const from = periodMonths(previousPeriod(period)).from;
  const trendFrom = periodMonths(trend[0]!).from;
  const [stored, live] = await Promise.all([
    readStoredFigureInputs(tx, {
      factsFrom: from,
      intakesFrom: trendFrom,
      heldFrom: trendFrom < from ? trendFrom : from,
    }),
    loadLiveFactSources(tx),
  ]);
  const liveFacts: FigureFact[] = live.map((source) => buildCaseFact(source, now));
  const intakesByMonth = stored.intakesByMonth;
  for (const f of liveFacts)
    if (f.intakeMonth && f.intakeMonth >= trendFrom)
      intakesByMonth.set(f.intakeMonth, (intakesByMonth.get(f.intakeMonth) ?? 0) + 1);
  const computed = computeFigures({
    facts: [...stored.facts, ...liveFacts],
    heldSessions: stored.heldSessions,
    intakesByMonth,
    period,
    trendLength: trend.length,
    informWithinDays,
  });
  return { computed, organisationNames: stored.organisationNames, tableNames: stored.tableNames };
}

/** The figures as the system (a job) produces them, for a channel or a document. */
export async function produceFigures(deps: FiguresDeps, period: Period, mode: DisclosureMode): Promise<FiguresView> {
  const now = deps.clock.now();
  const { computed, ...labels } = await loadFigures(deps.db, period, now, deps.informWithinDays);
  return {
    figures: discloseFigures(computed, mode),
    ...labels,
    choices: periodChoices(now, deps.timeZone),
    generatedAt: now,
  };
}

/**
 * `cijfers`: the procesmanager and the stuurgroep read a period's figures beside the previous one, with small
 * counts hidden (internal), or take the public form for the jaarverslag. Logged: who read which period.
 */
export async function viewFigures(
  deps: FiguresDeps,
  actor: Actor,
  input: { period?: unknown; mode?: DisclosureMode } = {},
): Promise<FiguresView> {
  assertCan(actor, 'figures.view');
  const period = choosePeriod(input.period, deps.clock.now(), deps.timeZone);
  const mode = input.mode ?? 'internal';
  const view = await produceFigures(deps, period, mode);
  await recordAudit(deps.db, actor, {
    action: mode === 'public' ? 'figures.exported' : 'figures.viewed',
    recordType: 'figures',
    recordId: periodKey(period),
    purpose: 'kengetallen',
  });
  return view;
}

/** Links the stuurgroep's channel (the procesmanager, in that channel); a quarter that found no channel is posted now. */
export async function linkSteeringGroupChannel(deps: FiguresDeps, actor: Actor, conversationId: string): Promise<void> {
  assertCan(actor, 'figures.linkChannel');
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await setSteeringGroupChannel(tx, conversationId, actor.memberId, now);
    await recordAudit(tx, actor, {
      action: 'figures.channelLinked',
      recordType: 'steeringGroupChannel',
      purpose: 'kengetallen',
    });
    await ensureQuarterlyFiguresJob(tx, now, deps.timeZone);
    await reviveJob(tx, quarterlyFiguresJob, periodKey(lastCompletedQuarter(now, deps.timeZone)), now);
  });
}

export const quarterlyFiguresJob = 'figures.quarterly';

/** The post of the quarter that `now` is in, due on the first working day after it; instances that plan it plan one. */
export async function ensureQuarterlyFiguresJob(tx: Tx, now: Date, timeZone: string): Promise<void> {
  const quarter = quarterOf(now, timeZone);
  await ensureJob(tx, {
    kind: quarterlyFiguresJob,
    subjectId: periodKey(quarter),
    dueAt: firstWorkingDayAfter(quarter, timeZone),
  });
}

/**
 * On the first working day after each quarter its figures (the stuurgroep's own form) go to the linked channel,
 * through the jobs table: exactly once, also with several instances and after downtime. Each post plans the next.
 */
export function quarterlyFiguresHandler(
  deps: FiguresDeps & { log: Logger; post(conversationId: string, view: FiguresView): Promise<void> },
): JobHandler {
  return {
    kind: quarterlyFiguresJob,
    async run(job, context): Promise<JobOutcome> {
      const period = parsePeriod(job.subjectId);
      if (!period || period.kind !== 'quarter') return { state: 'failed', reason: 'BAD_PERIOD' };
      await ensureQuarterlyFiguresJob(deps.db, context.now, deps.timeZone);
      const channel = await findSteeringGroupChannel(deps.db);
      if (!channel) {
        deps.log.warn({ jobId: job.id }, 'quarterly figures: no stuurgroep channel linked');
        return { state: 'failed', reason: 'NO_CHANNEL' };
      }
      const view = await produceFigures(deps, period, 'internal');
      await context.markSending();
      await deps.post(channel, view);
      await deps.db.$transaction(async (tx) => {
        await recordAudit(tx, 'system', {
          action: 'figures.posted',
          recordType: 'figures',
          recordId: job.subjectId,
          purpose: 'kengetallen',
        });
        await context.finishIn(tx);
      });
      deps.log.info({ jobId: job.id }, 'quarterly figures posted to the stuurgroep channel');
      return { state: 'done' };
    },
  };
}
