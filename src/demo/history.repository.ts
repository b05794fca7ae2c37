import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import type { CaseOutcome, GoalAnswer } from '../lifecycle/lifecycle.types.ts';
import type { AgendaReason } from '../conferences/agenda.rules.ts';
import { markRepeatReferrals } from '../screening/repeat.repository.ts';

/**
 * A case as it went through its life, written at once: what the use cases would have written along the way. For
 * fictional history only (the demo, and tests that need a history to count): live cases go through the use cases.
 */
export interface HistoricCase {
  reference: string;
  referrer: { memberId: string; organisationId: string };
  responsibleOrganisationId: string;
  involvedOrganisationIds: string[];
  persons: { name: string; birthDate: string; address: string }[];
  lifeDomains: Record<string, string>;
  chains: string[];
  submittedAt: Date;
  screening?: {
    decidedAt: Date;
    decidedByMemberId: string;
    outcome: 'accepted' | 'rejected' | 'infoRequested';
    tableId?: string;
  };
  informer?: { memberId: string; informedOn?: string };
  discussions: {
    sessionId: string;
    startsAt: Date;
    reason: AgendaReason;
    presentOrganisationIds: string[];
    decision: {
      goal: string;
      plan: string;
      directorMemberId: string;
      decidedByMemberId: string;
      nextStep: 'regieFollowUp' | 'shadowList' | 'closure' | 'backOnAgenda';
    };
    actions: {
      description: string;
      organisationId: string;
      dueDate: string;
      state: 'open' | 'claimed' | 'done';
      claimedByMemberId?: string;
      doneAt?: Date;
    }[];
  }[];
  /** On the agenda of a coming meeting. */
  coming?: { sessionId: string; reason: AgendaReason };
  shadow?: { at: Date; returnDate: string; leftAt?: Date };
  closure?: { at: Date; outcome: CaseOutcome };
  evaluations: { organisationId: string; memberId: string; goalReached: GoalAnswer; cooperation: number; at: Date }[];
}

function statusOf(c: HistoricCase) {
  if (c.closure) return 'closed' as const;
  if (c.shadow && !c.shadow.leftAt) return 'shadowList' as const;
  return c.screening?.outcome ?? ('submitted' as const);
}

/** Writes the cases with everything of them, table by table in one statement each. Returns their ids, in order. */
export async function insertHistory(tx: Tx, cases: HistoricCase[]): Promise<string[]> {
  const ids = cases.map(() => randomUUID());
  const rows = cases.map((c, i) => {
    const director = c.discussions.at(-1)?.decision.directorMemberId;
    return {
      id: ids[i]!,
      reference: c.reference,
      status: statusOf(c),
      referrerMemberId: c.referrer.memberId,
      referrerOrganisationId: c.referrer.organisationId,
      responsibleOrganisationId: c.responsibleOrganisationId,
      form: { fictief: true },
      urgency: 'normal' as const,
      lifeDomains: c.lifeDomains,
      chains: c.chains,
      informed: { informed: Boolean(c.informer?.informedOn) },
      submittedAt: c.submittedAt,
      ...(c.screening
        ? {
            decidedAt: c.screening.decidedAt,
            decidedByMemberId: c.screening.decidedByMemberId,
            tableId: c.screening.tableId ?? null,
          }
        : {}),
      ...(c.screening?.outcome === 'rejected' ? { rejectionReason: 'Voldoet niet aan de criteria (fictief)' } : {}),
      ...(c.screening?.outcome === 'infoRequested'
        ? { question: 'Welke organisaties zijn al betrokken? (fictief)' }
        : {}),
      firstSessionId: c.discussions[0]?.sessionId ?? (c.coming?.reason === 'newCase' ? c.coming.sessionId : null),
      ...(director ? { directorMemberId: director } : {}),
      ...(c.shadow
        ? { shadowListedAt: c.shadow.at, shadowReturnDate: new Date(`${c.shadow.returnDate}T00:00:00Z`) }
        : {}),
      ...(c.closure ? { closedAt: c.closure.at, outcome: c.closure.outcome } : {}),
      ...(c.informer
        ? {
            informerMemberId: c.informer.memberId,
            ...(c.informer.informedOn ? { informedOn: new Date(`${c.informer.informedOn}T00:00:00Z`) } : {}),
          }
        : {}),
      createdAt: c.submittedAt,
    };
  });
  await tx.case.createMany({ data: rows });
  await tx.casePerson.createMany({
    data: cases.flatMap((c, i) =>
      c.persons.map((p, n) => ({
        caseId: ids[i]!,
        position: n + 1,
        name: p.name,
        birthDate: new Date(`${p.birthDate}T00:00:00Z`),
        address: p.address,
      })),
    ),
  });
  // Herhaalde aanmeldingen, as each was marked when it came in: the same function as the intake's.
  await markRepeatReferrals(tx, ids);
  await tx.caseOrganisation.createMany({
    data: cases.flatMap((c, i) =>
      c.involvedOrganisationIds.map((organisationId) => ({ caseId: ids[i]!, organisationId })),
    ),
  });

  const items: {
    id: string;
    sessionId: string;
    caseId: string;
    reason: AgendaReason;
    position: number;
    state: 'decided' | 'waiting';
    startedAt?: Date;
    endedAt?: Date;
  }[] = [];
  const attendance: { agendaItemId: string; organisationId: string }[] = [];
  const decisions: {
    id: string;
    caseId: string;
    agendaItemId: string;
    goal: string;
    plan: string;
    directorMemberId: string;
    decidedByMemberId: string;
    nextStep: HistoricCase['discussions'][number]['decision']['nextStep'];
    createdAt: Date;
  }[] = [];
  const actions: {
    caseId: string;
    decisionId: string;
    description: string;
    organisationId: string;
    dueDate: Date;
    state: 'open' | 'claimed' | 'done';
    claimedByMemberId?: string;
    claimedAt?: Date;
    doneAt?: Date;
    result?: string;
    createdAt: Date;
  }[] = [];
  const regie: { caseId: string; kind: 'shadowList' | 'returned' | 'closed'; createdAt: Date }[] = [];
  cases.forEach((c, i) => {
    const caseId = ids[i]!;
    for (const d of c.discussions) {
      const itemId = randomUUID();
      items.push({
        id: itemId,
        sessionId: d.sessionId,
        caseId,
        reason: d.reason,
        position: 1000 + i,
        state: 'decided',
        startedAt: d.startsAt,
        endedAt: d.startsAt,
      });
      for (const organisationId of d.presentOrganisationIds) attendance.push({ agendaItemId: itemId, organisationId });
      const decisionId = randomUUID();
      decisions.push({ id: decisionId, caseId, agendaItemId: itemId, ...d.decision, createdAt: d.startsAt });
      for (const a of d.actions) {
        actions.push({
          caseId,
          decisionId,
          description: a.description,
          organisationId: a.organisationId,
          dueDate: new Date(`${a.dueDate}T00:00:00Z`),
          state: a.state,
          createdAt: d.startsAt,
          ...(a.claimedByMemberId ? { claimedByMemberId: a.claimedByMemberId, claimedAt: d.startsAt } : {}),
          ...(a.doneAt ? { doneAt: a.doneAt, result: 'Afgerond (fictief)' } : {}),
        });
      }
    }
    if (c.coming)
      items.push({
        id: randomUUID(),
        sessionId: c.coming.sessionId,
        caseId,
        reason: c.coming.reason,
        position: 1000 + i,
        state: 'waiting',
      });
    if (c.shadow) {
      regie.push({ caseId, kind: 'shadowList', createdAt: c.shadow.at });
      if (c.shadow.leftAt) regie.push({ caseId, kind: 'returned', createdAt: c.shadow.leftAt });
    }
    if (c.closure) regie.push({ caseId, kind: 'closed', createdAt: c.closure.at });
  });
  await tx.agendaItem.createMany({ data: items });
  await tx.attendance.createMany({ data: attendance });
  await tx.decision.createMany({ data: decisions });
  await tx.caseAction.createMany({ data: actions });
  await tx.regieUpdate.createMany({ data: regie });
  await tx.evaluation.createMany({
    data: cases.flatMap((c, i) =>
      c.evaluations.map((e) => ({
        caseId: ids[i]!,
        organisationId: e.organisationId,
        memberId: e.memberId,
        goalReached: e.goalReached,
        cooperation: e.cooperation,
        createdAt: e.at,
      })),
    ),
  });
  // The reference counters go on from the highest number written.
  const highest = new Map<number, number>();
  for (const c of cases) {
    const [, year, n] = /^ZVH-(\d{4})-(\d+)$/.exec(c.reference)!.map(Number) as [number, number, number];
    highest.set(year, Math.max(highest.get(year) ?? 0, n));
  }
  for (const [year, last] of highest) {
    await tx.$executeRaw`INSERT INTO reference_counter (year, last) VALUES (${year}, ${last}) ON CONFLICT (year) DO UPDATE SET last = GREATEST(reference_counter.last, ${last})`;
  }
  return ids;
}

/** Past meetings of a table that took place: their rows marked held (the rhythm's rows are made by planSessions). */
export async function markSessionsHeld(tx: Tx, tableId: string, before: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE conference_session SET status = 'held', "openedAt" = "startsAt", "closedAt" = "startsAt" + interval '2 hours'
     WHERE "tableId" = ${tableId}::uuid AND status IN ('planned', 'moved', 'extra') AND "startsAt" < ${before}`;
}

export async function countCases(tx: Tx): Promise<number> {
  return tx.case.count();
}

/**
 * After the history's bulk writes and deletions: clears the dead rows and refreshes the planner's statistics, as a
 * PostgreSQL server's autovacuum would soon do. PGlite runs no autovacuum, and without this `cijfers` reads over the
 * deleted cases' dead rows with a plan for an empty database. Outside a transaction: VACUUM cannot run in one.
 */
export async function vacuumAfterHistory(db: Db): Promise<void> {
  await db.$executeRawUnsafe('VACUUM ANALYZE');
}

/** Whether the demo history was written already (it is written once). */
export async function hasDemoHistory(tx: Tx): Promise<boolean> {
  return (await tx.auditEvent.count({ where: { action: 'demo.historySeeded' } })) > 0;
}
