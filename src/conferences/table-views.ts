import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findJob } from '../jobs/job.repository.ts';
import type { JobOutcome, JobRunner } from '../jobs/runner.ts';
import type { JobState } from '../jobs/job.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { listPartners } from '../organisations/organisation.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { addableCases, publicAgenda } from './agenda.ts';
import { agendaPostJob } from './planning.ts';
import { countItems, listSessions } from './session.repository.ts';
import { sessionLocalTime } from './sessions.ts';
import { findTableById, listTables, type TableView } from './table.repository.ts';

async function tableOrNotFound(deps: Pick<UseCaseDeps, 'db'>, tableId: string): Promise<TableView> {
  const table = await findTableById(deps.db, tableId);
  if (!table) throw new DomainError(ErrorCode.NotFound, 'Table not found');
  return table;
}

/** The procesmanager's table form: the table (when editing one), the partners and the members to pick a chair from. */
export async function tableForm(deps: Pick<UseCaseDeps, 'db'>, actor: Actor, tableId: string | undefined) {
  assertCan(actor, 'tables.manage');
  const table = tableId ? await tableOrNotFound(deps, tableId) : undefined;
  return { table, partners: await listPartners(deps.db), members: await listActiveMembers(deps.db) };
}

/** The coming meetings of a table, with how many cases each holds and its local date and time. */
export async function tableSessions(deps: UseCaseDeps, actor: Actor, tableId: string) {
  assertCan(actor, 'agenda.manage');
  const table = await tableOrNotFound(deps, tableId);
  const coming = await listSessions(deps.db, { tableIds: [table.id], from: deps.clock.now() }, 10);
  const counts = await countItems(
    deps.db,
    coming.map((s) => s.id),
  );
  const sessions = coming.map((s) => ({ ...s, itemCount: counts.get(s.id) ?? 0, local: sessionLocalTime(s, table) }));
  return { table, sessions };
}

/** The tables a channel can be linked to. */
export async function tablesToLink(deps: Pick<UseCaseDeps, 'db'>, actor: Actor) {
  assertCan(actor, 'tables.manage');
  return listTables(deps.db);
}

/** The draft agenda of a meeting as the procesmanager edits it, with what can still be added. */
export async function agendaDraft(deps: UseCaseDeps, actor: Actor, sessionId: string) {
  assertCan(actor, 'agenda.manage');
  const job = await findJob(deps.db, agendaPostJob, sessionId);
  const agenda = await publicAgenda(deps.db, sessionId);
  // Being posted right now (after "Nu publiceren", or by the scheduler): the card says so instead of offering it.
  const posting = !agenda.session.agendaPublishedAt && (job?.state === 'running' || job?.state === 'sending');
  return {
    agenda,
    addable: await addableCases(deps, actor, sessionId),
    postUncertain: job?.state === 'uncertain',
    posting,
  };
}

/**
 * "Opnieuw plaatsen" (from uncertain), or a post due now: the agenda post job runs now, claimed like the scheduler
 * claims it, so a person and the scheduler never both post. Undefined: nothing to run. ("Nu publiceren" is publishNow.)
 */
export async function postAgendaNow(
  deps: { jobs: JobRunner },
  actor: Actor,
  sessionId: string,
  from: 'due' | 'uncertain',
): Promise<JobOutcome | undefined> {
  assertCan(actor, 'agenda.manage');
  const states: JobState[] = from === 'due' ? ['pending', 'failed'] : ['uncertain'];
  return deps.jobs.runNow(agendaPostJob, sessionId, states);
}
