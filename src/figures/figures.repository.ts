import type { Tx } from '../db/client.ts';
import type { CaseFact } from './case-facts.ts';

/** What the figures read besides the live cases: all of it stored, none of it personal. */
export interface StoredFigureInputs {
  /** The anonymous facts of deleted cases that still count (deleted in or after the month asked for). */
  facts: CaseFact[];
  /** Intake months of deleted cases, counted: the trend of aanmeldingen over several years. */
  intakesByMonth: Map<string, number>;
  /** Months of the meetings that were held, with their table. */
  heldSessions: { month: string; tableId: string }[];
  organisationNames: Record<string, string>;
  tableNames: Record<string, string>;
}

/**
 * Reads what the figures need of stored rows in one statement: the facts of deleted cases from `factsFrom`, their
 * intakes from `intakesFrom`, the meetings held from `heldFrom` (months as "YYYY-MM"), and the names of the
 * organisations and tables (closed ones too) the figures name by id. Each part is one JSON value: the driver parses
 * one value instead of a column each (thousands of facts for a year).
 */
export async function readStoredFigureInputs(
  tx: Tx,
  from: { factsFrom: string; intakesFrom: string; heldFrom: string },
): Promise<StoredFigureInputs> {
  const [row] = await tx.$queryRaw<
    {
      facts: CaseFact[];
      intakes: Record<string, number>;
      held: { month: string; tableId: string }[];
      organisations: Record<string, string>;
      tables: Record<string, string>;
    }[]
  >`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
         'kind', kind, 'intakeMonth', "intakeMonth", 'acceptedMonth', "acceptedMonth", 'firstDiscussionMonth', "firstDiscussionMonth",
         'closedMonth', "closedMonth", 'deletedMonth', "deletedMonth", 'screeningOutcome', "screeningOutcome", 'screenedMonth', "screenedMonth",
         'screeningWorkingDays', "screeningWorkingDays", 'daysToFirstDiscussion', "daysToFirstDiscussion", 'daysToClosure', "daysToClosure",
         'daysToInformed', "daysToInformed", 'lifeDomains', "lifeDomains", 'chains', chains, 'referrerOrganisationId', "referrerOrganisationId",
         'responsibleOrganisationId', "responsibleOrganisationId", 'involvedOrganisationIds', "involvedOrganisationIds", 'tableId', "tableId",
         'sessions', sessions, 'actions', actions, 'actionsDoneOnTime', "actionsDoneOnTime", 'wasOnShadowList', "wasOnShadowList",
         'shadowListSpells', "shadowListSpells", 'actionFacts', "actionFacts", 'attendance', attendance, 'outcome', outcome,
         'evaluationScores', "evaluationScores", 'deletedLateDays', "deletedLateDays",
         'repeatReferral', "repeatReferral")), '[]'::json)
         FROM case_fact WHERE "deletedMonth" >= ${from.factsFrom}) AS facts,
      (SELECT coalesce(json_object_agg(month, n), '{}'::json)
         FROM (SELECT "intakeMonth" AS month, count(*)::int AS n FROM case_fact
                WHERE "intakeMonth" >= ${from.intakesFrom} GROUP BY 1) intakes) AS intakes,
      (SELECT coalesce(json_agg(json_build_object(
         'month', to_char("startsAt" AT TIME ZONE 'UTC', 'YYYY-MM'), 'tableId', "tableId"::text)), '[]'::json)
         FROM conference_session
        WHERE status = 'held' AND "startsAt" >= ${new Date(`${from.heldFrom}-01T00:00:00Z`)}) AS held,
      (SELECT coalesce(json_object_agg(id::text, name), '{}'::json) FROM organisation) AS organisations,
      (SELECT coalesce(json_object_agg(id::text, name), '{}'::json) FROM conference_table) AS tables`;
  const r = row!;
  return {
    facts: r.facts,
    intakesByMonth: new Map(Object.entries(r.intakes)),
    heldSessions: r.held,
    organisationNames: r.organisations,
    tableNames: r.tables,
  };
}

/** The channel where the stuurgroep reads its figures. */
export async function findSteeringGroupChannel(tx: Tx): Promise<string | undefined> {
  return (await tx.steeringGroupChannel.findUnique({ where: { id: 'network' }, select: { conversationId: true } }))
    ?.conversationId;
}

export async function setSteeringGroupChannel(
  tx: Tx,
  conversationId: string,
  linkedByMemberId: string,
  at: Date,
): Promise<void> {
  await tx.steeringGroupChannel.upsert({
    where: { id: 'network' },
    create: { id: 'network', conversationId, linkedByMemberId, linkedAt: at },
    update: { conversationId, linkedByMemberId, linkedAt: at },
  });
}
