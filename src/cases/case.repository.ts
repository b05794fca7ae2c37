import type { Tx } from '../db/client.ts';
import type { CaseScope, CaseVisibilityFacts } from '../access/case-access.ts';
import type { CaseStatus, LifeDomain, Referral, ReferralFormValues } from '../referrals/referral.types.ts';
import type { CaseBadge, CaseRecord, CaseSummary } from './case.types.ts';
import { isUuid } from '../validation.ts';

const fullInclude = {
  referrer: { select: { id: true, aadObjectId: true, displayName: true } },
  referrerOrganisation: { select: { id: true, name: true } },
  responsibleOrganisation: { select: { id: true, name: true } },
  persons: { orderBy: { position: 'asc' } },
  organisations: { select: { organisation: { select: { id: true, name: true } } } },
  table: { select: { id: true, name: true, timeZone: true } },
  firstSession: { select: { startsAt: true } },
  decidedBy: { select: { displayName: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;
const loadRow = (tx: Tx, id: string) => tx.case.findUnique({ where: { id }, include: fullInclude });

function toRecord(r: Row): CaseRecord {
  const opt = <T>(v: T | null | undefined) => v ?? undefined;
  return {
    id: r.id,
    reference: opt(r.reference),
    status: r.status,
    referrer: {
      memberId: r.referrer.id,
      aadObjectId: r.referrer.aadObjectId,
      name: r.referrer.displayName,
      organisationId: r.referrerOrganisation.id,
      organisationName: r.referrerOrganisation.name,
    },
    responsibleOrganisation: opt(r.responsibleOrganisation),
    external: opt(r.externalReferrer as CaseRecord['external'] | null),
    form: r.form as ReferralFormValues,
    urgency: opt(r.urgency),
    lifeDomains: (r.lifeDomains ?? {}) as CaseRecord['lifeDomains'],
    chains: r.chains as CaseRecord['chains'],
    criteria: opt(r.criteria as CaseRecord['criteria'] | null),
    informed: opt(r.informed as CaseRecord['informed'] | null),
    contact: opt(r.referrerContact as CaseRecord['contact'] | null),
    persons: r.persons.map((p) => ({
      position: p.position,
      name: p.name,
      birthDate: p.birthDate.toISOString().slice(0, 10),
      address: p.address,
      ...(p.bsn ? { bsn: p.bsn } : {}),
      ...(p.relation ? { relation: p.relation } : {}),
    })),
    organisations: r.organisations.map((o) => o.organisation),
    table: opt(r.table),
    firstSessionId: opt(r.firstSessionId),
    firstSessionAt: opt(r.firstSession?.startsAt),
    decidedBy: r.decidedBy ? { name: r.decidedBy.displayName } : undefined,
    decidedAt: opt(r.decidedAt),
    rejectionReason: opt(r.rejectionReason),
    question: opt(r.question),
    submittedAt: opt(r.submittedAt),
    updatedAt: r.updatedAt,
    ...(r.directorMemberId ? { directed: true } : {}),
  };
}

export async function findCaseById(tx: Tx, id: string): Promise<CaseRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await loadRow(tx, id);
  return row ? toRecord(row) : undefined;
}

export function visibilityFacts(c: CaseRecord): CaseVisibilityFacts {
  return {
    status: c.status,
    referrerMemberId: c.referrer.memberId,
    referrerOrganisationId: c.referrer.organisationId,
    responsibleOrganisationId: c.responsibleOrganisation?.id ?? null,
    involvedOrganisationIds: c.organisations.map((o) => o.id),
  };
}

/** The query form of access/case-access.ts: the same rules as canSeeCase, as one WHERE clause. */
function visibleWhere(scope: CaseScope) {
  if (scope.none) return { id: { in: [] as string[] } };
  return {
    OR: [
      { referrerMemberId: scope.memberId },
      ...(scope.allSubmitted ? [{ status: { not: 'draft' as const } }] : []),
      ...(scope.ownOrganisationsReferrals
        ? [{ referrerOrganisationId: scope.organisationId, status: { not: 'draft' as const } }]
        : []),
      {
        status: { in: [...scope.acceptedStatuses] },
        OR: [
          { responsibleOrganisationId: scope.organisationId },
          { organisations: { some: { organisationId: scope.organisationId } } },
        ],
      },
    ],
  };
}

const summarySelect = {
  id: true,
  reference: true,
  status: true,
  firstSession: { select: { startsAt: true } },
  submittedAt: true,
  updatedAt: true,
  persons: { where: { position: 1 }, select: { name: true } },
  table: { select: { name: true, timeZone: true } },
  directorMemberId: true,
} as const;

function toSummary(r: {
  id: string;
  reference: string | null;
  status: CaseStatus;
  firstSession: { startsAt: Date } | null;
  submittedAt: Date | null;
  updatedAt: Date;
  persons: { name: string }[];
  table: { name: string; timeZone: string } | null;
  directorMemberId: string | null;
}): CaseSummary {
  return {
    id: r.id,
    reference: r.reference ?? undefined,
    status: r.status,
    firstPersonName: r.persons[0]?.name,
    table: r.table ?? undefined,
    firstSessionAt: r.firstSession?.startsAt,
    submittedAt: r.submittedAt ?? undefined,
    updatedAt: r.updatedAt,
    ...(r.directorMemberId ? { directed: true } : {}),
  };
}

/**
 * The cases a scope may see, newest aanmelding first (a case registered this morning is on top), a page at a time:
 * `take` rows from `skip`. `referenceContains` finds a case by (part of) its reference.
 */
export async function listVisibleCases(
  tx: Tx,
  scope: CaseScope,
  filter: { statuses?: CaseStatus[]; referenceContains?: string; skip?: number; take?: number } = {},
): Promise<CaseSummary[]> {
  const rows = await tx.case.findMany({
    where: {
      AND: [
        visibleWhere(scope),
        ...(filter.statuses ? [{ status: { in: filter.statuses } }] : []),
        ...(filter.referenceContains ? [{ reference: { contains: filter.referenceContains } }] : []),
      ],
    },
    select: summarySelect,
    orderBy: [{ submittedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    skip: filter.skip ?? 0,
    take: filter.take ?? 50,
  });
  return rows.map(toSummary);
}

/**
 * The cases a scope may see, as badges, newest aanmelding first: by (part of) their reference, or exactly one
 * reference. A case without a reference (a draft) is never one.
 */
export async function listVisibleCaseBadges(
  tx: Tx,
  scope: CaseScope,
  filter: { statuses: CaseStatus[]; now: Date; referenceContains?: string; reference?: string; take: number },
): Promise<CaseBadge[]> {
  const rows = await tx.case.findMany({
    where: {
      AND: [
        visibleWhere(scope),
        { status: { in: filter.statuses }, reference: { not: null } },
        ...(filter.referenceContains ? [{ reference: { contains: filter.referenceContains } }] : []),
        ...(filter.reference ? [{ reference: filter.reference }] : []),
      ],
    },
    select: {
      id: true,
      reference: true,
      status: true,
      directorMemberId: true,
      table: { select: { name: true, timeZone: true } },
      agendaItems: {
        where: { state: 'waiting', session: { startsAt: { gte: filter.now } } },
        orderBy: { session: { startsAt: 'asc' } },
        take: 1,
        select: { session: { select: { startsAt: true } } },
      },
    },
    orderBy: [{ submittedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    take: filter.take,
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference!,
    status: r.status,
    directed: r.directorMemberId !== null,
    ...(r.table ? { table: r.table } : {}),
    ...(r.agendaItems[0] ? { nextSessionAt: r.agendaItems[0].session.startsAt } : {}),
  }));
}

export async function listCasesByReferrer(tx: Tx, memberId: string): Promise<CaseSummary[]> {
  const rows = await tx.case.findMany({
    where: { referrerMemberId: memberId },
    select: summarySelect,
    orderBy: { updatedAt: 'desc' },
    take: 50,
  });
  return rows.map(toSummary);
}

export async function createCase(
  tx: Tx,
  input: { referrerMemberId: string; referrerOrganisationId: string; form: ReferralFormValues; submissionId?: string },
): Promise<string> {
  const created = await tx.case.create({ data: { ...input, status: 'draft', form: input.form }, select: { id: true } });
  return created.id;
}

export interface SubmittedCase {
  id: string;
  status: CaseStatus;
  reference?: string;
  referrerMemberId: string;
}

/** The case an intake card made (as a draft or a submission), or last (re)submitted, by that card's submission id. */
export async function findCaseBySubmission(tx: Tx, submissionId: string): Promise<SubmittedCase | undefined> {
  const r = await tx.case.findUnique({
    where: { submissionId },
    select: { id: true, status: true, reference: true, referrerMemberId: true },
  });
  return r
    ? {
        id: r.id,
        status: r.status,
        referrerMemberId: r.referrerMemberId,
        ...(r.reference ? { reference: r.reference } : {}),
      }
    : undefined;
}

/** How many drafts a member keeps, after locking the member's row: two saves at once count one after the other. */
export async function countDraftsLocked(tx: Tx, memberId: string): Promise<number> {
  await tx.$queryRaw`SELECT id FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
  return tx.case.count({ where: { referrerMemberId: memberId, status: 'draft' } });
}

export async function updateDraftForm(tx: Tx, id: string, form: ReferralFormValues): Promise<void> {
  await tx.case.update({ where: { id }, data: { form } });
}

/** Next number for this year's references; the row lock makes concurrent submissions take turns. */
export async function nextReferenceNumber(tx: Tx, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO reference_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = reference_counter.last + 1
    RETURNING last`;
  return row!.last;
}

/** Writes a complete aanmelding: the form, its structured copy, persons and involved organisations, at once. */
export async function saveSubmission(
  tx: Tx,
  id: string,
  input: {
    referral: Referral;
    form: ReferralFormValues;
    reference: string;
    responsibleOrganisationId: string;
    submittedAt: Date;
    submissionId?: string;
  },
): Promise<void> {
  const r = input.referral;
  await tx.casePerson.deleteMany({ where: { caseId: id } });
  await tx.caseOrganisation.deleteMany({ where: { caseId: id } });
  await tx.case.update({
    where: { id },
    data: {
      status: 'submitted',
      reference: input.reference,
      form: input.form,
      responsibleOrganisationId: input.responsibleOrganisationId,
      externalReferrer: r.external ? { ...r.external } : undefined,
      urgency: r.urgency,
      lifeDomains: r.lifeDomains,
      chains: r.chains,
      criteria: r.criteria,
      informed: r.informed,
      referrerContact: r.contact,
      // A resubmission (after a question) starts a fresh screening.
      question: null,
      decidedByMemberId: null,
      decidedAt: null,
      submittedAt: input.submittedAt,
      ...(input.submissionId ? { submissionId: input.submissionId } : {}),
      persons: {
        create: r.persons.map((p) => ({
          position: p.position,
          name: p.name,
          birthDate: new Date(`${p.birthDate}T00:00:00Z`),
          address: p.address,
          bsn: p.bsn ?? null,
          relation: p.relation ?? null,
        })),
      },
      organisations: { create: r.organisationIds.map((organisationId) => ({ organisationId })) },
    },
  });
}

export type ScreeningOutcome =
  | { status: 'accepted'; tableId: string }
  | { status: 'rejected'; rejectionReason: string }
  | { status: 'infoRequested'; question: string };

/** Records a decision only if the case still awaits one: of two deciders, exactly one gets count 1. */
export async function decideIfAwaitingScreening(
  tx: Tx,
  id: string,
  decidedByMemberId: string,
  decidedAt: Date,
  outcome: ScreeningOutcome,
): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id, status: 'submitted' },
    data: { ...outcome, decidedByMemberId, decidedAt },
  });
  return count === 1;
}

/** What an invited participant reads about a case on the agenda, for their eyes only. */
export interface CaseGlance {
  firstPersonName?: string;
  lifeDomains: LifeDomain[];
  responsibleOrganisationName?: string;
}

/** Glances at several cases in one query. */
export async function findCaseGlances(tx: Tx, ids: string[]): Promise<Map<string, CaseGlance>> {
  if (!ids.length) return new Map();
  const rows = await tx.case.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      lifeDomains: true,
      persons: { where: { position: 1 }, select: { name: true } },
      responsibleOrganisation: { select: { name: true } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        firstPersonName: r.persons[0]?.name,
        lifeDomains: Object.keys((r.lifeDomains ?? {}) as object) as LifeDomain[],
        responsibleOrganisationName: r.responsibleOrganisation?.name,
      },
    ]),
  );
}

/** The facts that decide who sees the discussion of a case: its organisations and its table's chair. */
export async function findDiscussionFacts(
  tx: Tx,
  id: string,
): Promise<(CaseVisibilityFacts & { chairMemberId?: string; timeZone?: string }) | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.case.findUnique({
    where: { id },
    select: {
      status: true,
      referrerMemberId: true,
      referrerOrganisationId: true,
      responsibleOrganisationId: true,
      organisations: { select: { organisationId: true } },
      table: { select: { chairMemberId: true, timeZone: true } },
    },
  });
  if (!r) return undefined;
  const { organisations, table, ...facts } = r;
  return {
    ...facts,
    involvedOrganisationIds: organisations.map((o) => o.organisationId),
    ...(table?.chairMemberId ? { chairMemberId: table.chairMemberId } : {}),
    ...(table ? { timeZone: table.timeZone } : {}),
  };
}
