import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

export type SessionStatus = 'planned' | 'moved' | 'cancelled' | 'extra' | 'held';
/** Sessions that will take place (or took place): the ones a case can be booked on. */
export const activeSessionStatuses: readonly SessionStatus[] = ['planned', 'moved', 'extra'];

export interface SessionView {
  id: string;
  tableId: string;
  occurrenceAt?: Date;
  startsAt: Date;
  status: SessionStatus;
  agendaPublishedAt?: Date;
  /** While the meeting runs: opened by the chair; closed at the end. */
  openedAt?: Date;
  closedAt?: Date;
  /** Where the agenda card was posted, to edit it later. */
  post?: { conversationId: string; activityId: string };
}

type Row = {
  id: string;
  tableId: string;
  occurrenceAt: Date | null;
  startsAt: Date;
  status: SessionStatus;
  agendaPublishedAt: Date | null;
  agendaConversationId: string | null;
  agendaActivityId: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
};

function toView(r: Row): SessionView {
  return {
    id: r.id,
    tableId: r.tableId,
    ...(r.occurrenceAt ? { occurrenceAt: r.occurrenceAt } : {}),
    startsAt: r.startsAt,
    status: r.status,
    ...(r.agendaPublishedAt ? { agendaPublishedAt: r.agendaPublishedAt } : {}),
    ...(r.openedAt ? { openedAt: r.openedAt } : {}),
    ...(r.closedAt ? { closedAt: r.closedAt } : {}),
    ...(r.agendaConversationId && r.agendaActivityId
      ? { post: { conversationId: r.agendaConversationId, activityId: r.agendaActivityId } }
      : {}),
  };
}

/** Rows for the rhythm's occurrences; existing ones (also moved or cancelled ones) are left as they are. */
export async function ensureSessionRows(tx: Tx, tableId: string, occurrences: Date[]): Promise<void> {
  if (!occurrences.length) return;
  await tx.conferenceSession.createMany({
    data: occurrences.map((at) => ({ tableId, occurrenceAt: at, startsAt: at, status: 'planned' as const })),
    skipDuplicates: true,
  });
}

export async function createExtraSession(
  tx: Tx,
  tableId: string,
  startsAt: Date,
  submissionId?: string,
): Promise<SessionView> {
  return toView(
    await tx.conferenceSession.create({
      data: { tableId, startsAt, status: 'extra', ...(submissionId ? { submissionId } : {}) },
    }),
  );
}

/** The extra meeting a form added, by the form's submission id (of this table only). */
export async function findSessionBySubmission(
  tx: Tx,
  tableId: string,
  submissionId: string,
): Promise<SessionView | undefined> {
  const s = await tx.conferenceSession.findFirst({ where: { tableId, submissionId } });
  return s ? toView(s) : undefined;
}

export async function findSessionById(tx: Tx, id: string): Promise<SessionView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.conferenceSession.findUnique({ where: { id } });
  return r ? toView(r) : undefined;
}

export async function listSessions(
  tx: Tx,
  where: { tableIds: string[]; from: Date; to?: Date; statuses?: readonly SessionStatus[] },
  take?: number,
): Promise<SessionView[]> {
  const rows = await tx.conferenceSession.findMany({
    where: {
      tableId: { in: where.tableIds },
      startsAt: { gte: where.from, ...(where.to ? { lt: where.to } : {}) },
      ...(where.statuses ? { status: { in: [...where.statuses] } } : {}),
    },
    orderBy: { startsAt: 'asc' },
    ...(take ? { take } : {}),
  });
  return rows.map(toView);
}

/** Planned occurrences at or after `from` that the rhythm no longer has (after a change of rhythm). */
export async function listPlannedOccurrences(tx: Tx, tableId: string, from: Date): Promise<SessionView[]> {
  return (
    await tx.conferenceSession.findMany({
      where: { tableId, status: 'planned', startsAt: { gte: from } },
      orderBy: { startsAt: 'asc' },
    })
  ).map(toView);
}

export async function updateSessionTime(tx: Tx, id: string, startsAt: Date, status: SessionStatus): Promise<void> {
  await tx.conferenceSession.update({ where: { id }, data: { startsAt, status } });
}

export async function setSessionStatus(tx: Tx, id: string, status: SessionStatus): Promise<void> {
  await tx.conferenceSession.update({ where: { id }, data: { status } });
}

/** Records the posted agenda card; only the first record counts (a later one must not erase the message id). */
export async function recordAgendaPost(
  tx: Tx,
  id: string,
  post: { publishedAt: Date; conversationId: string; activityId?: string },
): Promise<boolean> {
  const { count } = await tx.conferenceSession.updateMany({
    where: { id, agendaPublishedAt: null },
    data: {
      agendaPublishedAt: post.publishedAt,
      agendaConversationId: post.conversationId,
      agendaActivityId: post.activityId ?? null,
    },
  });
  return count === 1;
}

/** How many items each session's agenda has. */
export async function countItems(tx: Tx, sessionIds: string[]): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await tx.agendaItem.groupBy({
    by: ['sessionId'],
    where: { sessionId: { in: sessionIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sessionId, r._count._all]));
}

/** Opens a meeting once: of two openers, one gets true. */
export async function markOpened(tx: Tx, id: string, at: Date): Promise<boolean> {
  const { count } = await tx.conferenceSession.updateMany({ where: { id, openedAt: null }, data: { openedAt: at } });
  return count === 1;
}

export async function markHeld(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.conferenceSession.update({ where: { id }, data: { status: 'held', closedAt: at } });
}
