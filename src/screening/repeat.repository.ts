import { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import type { CaseStatus } from '../referrals/referral.types.ts';
import { isUuid } from '../validation.ts';

/** The cases a repeat is found in: open ones, and closed ones still held (not yet deleted). Never drafts or rejections. */
export const repeatStatuses = [
  'submitted',
  'infoRequested',
  'accepted',
  'shadowList',
  'closed',
] as const satisfies CaseStatus[];

/** How a person of the aanmelding was recognised: by BSN when both have one, else by name and birth date. */
export type RepeatBasis = 'bsn' | 'nameAndBirthDate';

/** An earlier case that holds a person of this aanmelding: what the procesmanager's screening card shows of it. */
export interface RepeatMatch {
  /** For the logbook only: the earlier case whose persons were read. */
  caseId: string;
  reference: string;
  status: (typeof repeatStatuses)[number];
  table?: { name: string; timeZone: string };
  closedAt?: Date;
  outcome?: CaseOutcome;
  /** The persons of this aanmelding found in it (their names as this aanmelding gives them), and how. */
  persons: { name: string; basis: RepeatBasis }[];
}

/** A name as compared: lower case, spaces at the ends gone, runs of spaces as one. */
const normalised = (column: string) => Prisma.raw(`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`);

/**
 * `np` (a person of the new aanmelding) and `op` (a person elsewhere) are the same person: the same BSN when both
 * have one; otherwise the same birth date and the same name, whatever its case or spacing.
 */
const samePerson = Prisma.sql`(
  (np.bsn IS NOT NULL AND op.bsn IS NOT NULL AND np.bsn = op.bsn)
  OR ((np.bsn IS NULL OR op.bsn IS NULL) AND op."birthDate" = np."birthDate"
      AND ${normalised('op.name')} = ${normalised('np.name')}))`;

/**
 * The other cases, open or closed and not yet deleted, that hold a person of this case: read from the persons in
 * the database when asked, never stored. Newest first. One statement.
 */
export async function findRepeatMatches(tx: Tx, caseId: string): Promise<RepeatMatch[]> {
  if (!isUuid(caseId)) return [];
  const rows = await tx.$queryRaw<
    {
      caseId: string;
      reference: string;
      status: RepeatMatch['status'];
      tableName: string | null;
      timeZone: string | null;
      closedAt: Date | null;
      outcome: CaseOutcome | null;
      since: Date;
      personName: string;
      basis: RepeatBasis;
    }[]
  >`
    SELECT o.id::text AS "caseId", o.reference, o.status::text AS status, t.name AS "tableName", t."timeZone",
           o."closedAt", o.outcome::text AS outcome, coalesce(o."closedAt", o."submittedAt", o."createdAt") AS since,
           np.name AS "personName",
           CASE WHEN np.bsn IS NOT NULL AND op.bsn IS NOT NULL THEN 'bsn' ELSE 'nameAndBirthDate' END AS basis
      FROM case_person np
      JOIN case_person op ON op."caseId" <> np."caseId" AND ${samePerson}
      JOIN case_record o ON o.id = op."caseId"
      LEFT JOIN conference_table t ON t.id = o."tableId"
     WHERE np."caseId" = ${caseId}::uuid
       AND o.status::text IN (${Prisma.join(repeatStatuses)})
       AND o.reference IS NOT NULL
     ORDER BY since DESC, o.reference, np.position`;
  const byCase = new Map<string, RepeatMatch>();
  for (const r of rows) {
    let match = byCase.get(r.caseId);
    if (!match) {
      match = {
        caseId: r.caseId,
        reference: r.reference,
        status: r.status,
        ...(r.tableName && r.timeZone ? { table: { name: r.tableName, timeZone: r.timeZone } } : {}),
        ...(r.closedAt ? { closedAt: r.closedAt } : {}),
        ...(r.outcome ? { outcome: r.outcome } : {}),
        persons: [],
      };
      byCase.set(r.caseId, match);
    }
    if (!match.persons.some((p) => p.name === r.personName)) match.persons.push({ name: r.personName, basis: r.basis });
  }
  return [...byCase.values()];
}

/** How far back a closed case makes a new aanmelding a herhaalde aanmelding, for the figures. */
export const repeatWindowMonths = 12;

/**
 * Marks each of these cases as a herhaalde aanmelding, or not: whether a person in it was in a case closed in the
 * 12 months before its submission, among the cases still held. Only the yes or no is kept. One statement, for one
 * aanmelding as it comes in or for a whole fictional history at once.
 */
export async function markRepeatReferrals(tx: Tx, caseIds: string[]): Promise<void> {
  const ids = caseIds.filter(isUuid);
  if (!ids.length) return;
  await tx.$executeRaw`
    UPDATE case_record c SET "repeatReferral" = EXISTS (
      SELECT 1 FROM case_person np
        JOIN case_person op ON op."caseId" <> np."caseId" AND ${samePerson}
        JOIN case_record o ON o.id = op."caseId"
       WHERE np."caseId" = c.id AND o.status = 'closed'
         AND o."closedAt" >= c."submittedAt" - make_interval(months => ${repeatWindowMonths}::int)
         AND o."closedAt" <= c."submittedAt")
     WHERE c.id = ANY(${ids}::uuid[]) AND c."submittedAt" IS NOT NULL`;
}
