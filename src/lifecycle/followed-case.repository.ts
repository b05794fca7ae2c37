import { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';
import type { CaseState } from './case-state.repository.ts';

/** A followed case in a list: what a regisseur or the procesmanager reads at a glance. */
export interface FollowedCase {
  id: string;
  reference: string;
  status: CaseState['status'];
  table: { id: string; name: string; timeZone: string };
  goal?: string;
  directorName?: string;
  openActions: number;
  overdueActions: number;
  nextSessionAt?: Date;
  shadowReturnDate?: string;
  shadowListedAt?: Date;
}

type Row = {
  id: string;
  reference: string | null;
  status: CaseState['status'];
  shadowReturnDate: string | null;
  shadowListedAt: Date | null;
  tableId: string;
  tableName: string;
  timeZone: string;
  directorName: string | null;
  goal: string | null;
  nextSessionAt: Date | null;
  openActions: number;
  overdueActions: number;
};

/**
 * Cases in a phase, optionally only those one member directs, with their goal (of the decision in force), next
 * meeting and action counts: one statement.
 */
export async function listFollowedCases(
  tx: Tx,
  where: {
    directorMemberId?: string;
    ids?: string[];
    statuses: CaseState['status'][];
    /** An action is overdue from the day after its due date, that day counted in its case's table's timezone. */
    now: Date;
    take?: number;
  },
): Promise<FollowedCase[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c.reference, c.status::text AS status, to_char(c."shadowReturnDate", 'YYYY-MM-DD') AS "shadowReturnDate",
           c."shadowListedAt", t.id::text AS "tableId", t.name AS "tableName", t."timeZone", d."displayName" AS "directorName",
           (SELECT x.goal FROM decision x WHERE x."caseId" = c.id
               AND NOT EXISTS (SELECT 1 FROM decision y WHERE y."supersedesId" = x.id)
             ORDER BY x."createdAt" DESC LIMIT 1) AS goal,
           (SELECT s."startsAt" FROM agenda_item i JOIN conference_session s ON s.id = i."sessionId"
             WHERE i."caseId" = c.id AND i.state = 'waiting' AND s."startsAt" >= ${where.now}
             ORDER BY s."startsAt" LIMIT 1) AS "nextSessionAt",
           a.open AS "openActions", a.overdue AS "overdueActions"
      FROM case_record c
      JOIN conference_table t ON t.id = c."tableId"
      LEFT JOIN member d ON d.id = c."directorMemberId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS open, (count(*) FILTER (WHERE a."dueDate" < (${where.now}::timestamptz AT TIME ZONE t."timeZone")::date))::int AS overdue
          FROM case_action a WHERE a."caseId" = c.id AND a.state IN ('open', 'claimed')) a
     WHERE c.status::text = ANY(${where.statuses}::text[])
       ${where.directorMemberId ? Prisma.sql`AND c."directorMemberId" = ${where.directorMemberId}::uuid` : Prisma.empty}
       ${where.ids ? Prisma.sql`AND c.id = ANY(${where.ids}::uuid[])` : Prisma.empty}
     ORDER BY c."shadowReturnDate" ASC NULLS LAST, c.reference ASC
     LIMIT ${where.take ?? 30}`;
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    status: r.status,
    table: { id: r.tableId, name: r.tableName, timeZone: r.timeZone },
    ...(r.goal !== null ? { goal: r.goal } : {}),
    ...(r.directorName ? { directorName: r.directorName } : {}),
    openActions: r.openActions,
    overdueActions: r.overdueActions,
    ...(r.nextSessionAt ? { nextSessionAt: r.nextSessionAt } : {}),
    ...(r.shadowReturnDate ? { shadowReturnDate: r.shadowReturnDate } : {}),
    ...(r.shadowListedAt ? { shadowListedAt: r.shadowListedAt } : {}),
  }));
}
