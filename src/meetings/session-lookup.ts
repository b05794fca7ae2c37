import { findTableByChannel, findTableByMeeting, type TableView } from '../conferences/table.repository.ts';
import type { SessionView } from '../conferences/session.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { currentSession } from './run-session.ts';

export interface TableToday {
  table?: TableView;
  /** Today's meeting of the table, or the next one; absent when it has none. */
  session?: SessionView;
}

/** The table linked to a channel, and its meeting of today. */
export async function sessionOfChannel(deps: UseCaseDeps, channelConversationId: string): Promise<TableToday> {
  const table = await findTableByChannel(deps.db, channelConversationId);
  return { table, session: table && (await currentSession(deps.db, table.id, deps.clock.now())) };
}

/** The table whose Teams meeting this is, and its meeting of today. */
export async function sessionOfMeeting(deps: UseCaseDeps, teamsMeetingId: string): Promise<TableToday> {
  const table = await findTableByMeeting(deps.db, teamsMeetingId);
  return { table, session: table && (await currentSession(deps.db, table.id, deps.clock.now())) };
}
