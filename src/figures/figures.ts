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
import type { DisclosedFigures, FigureFact } from './figures.rules.ts';
import { buildLedger, ledgerFigures, ledgerScope } from './ledger.ts';
import {
  firstWorkingDayAfter,
  lastCompletedQuarter,
  parsePeriod,
  periodChoices,
  periodKey,
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

/** A period someone may ask for: one of the choices; anything else (a future quarter, nonsense) gets the default. */
export function choosePeriod(requested: unknown, now: Date, zone: string): Period {
  const wanted = parsePeriod(requested);
  const choices = periodChoices(now, zone).map(periodKey);
  return wanted && choices.includes(periodKey(wanted)) ? wanted : lastCompletedQuarter(now, zone);
}

/**
 * Reads what the ledger needs, from anonymous facts only: those kept of deleted cases and those built now from
 * live cases, with the same function that builds them at deletion; and the names they label by id. Two
 * statements, whatever the period: the ledger covers every period the stuurgroep can ask for (ledger.ts).
 */
export async function loadLedger(tx: Tx, now: Date, zone: string, informWithinDays: number) {
  const choices = periodChoices(now, zone);
  const scope = ledgerScope(choices[0]!.year);
  const [stored, live] = await Promise.all([
    readStoredFigureInputs(tx, {
      factsFrom: scope.factsFrom,
      intakesFrom: scope.intakesFrom,
      heldFrom: scope.factsFrom,
    }),
    loadLiveFactSources(tx),
  ]);
  const liveFacts: FigureFact[] = live.map((source) => buildCaseFact(source, now));
  const intakesByMonth = stored.intakesByMonth;
  for (const f of liveFacts)
    if (f.intakeMonth && f.intakeMonth >= scope.intakesFrom)
      intakesByMonth.set(f.intakeMonth, (intakesByMonth.get(f.intakeMonth) ?? 0) + 1);
  const ledger = buildLedger({
    facts: [...stored.facts, ...liveFacts],
    heldSessions: stored.heldSessions,
    intakesByMonth,
    informWithinDays,
    choices,
  });
  return { ledger, organisationNames: stored.organisationNames, tableNames: stored.tableNames };
}

/**
 * The figures as the system (a job) produces them, for a channel or a document: one period, with every cell as the
 * ledger shows it in that form.
 */
export async function produceFigures(deps: FiguresDeps, period: Period, mode: DisclosureMode): Promise<FiguresView> {
  const now = deps.clock.now();
  const { ledger, ...labels } = await loadLedger(deps.db, now, deps.timeZone, deps.informWithinDays);
  return {
    figures: ledgerFigures(ledger, period, mode),
    ...labels,
    choices: [...ledger.input.choices],
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
