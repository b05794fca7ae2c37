import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { listAuditEvents, recordAudit } from '../audit/audit.repository.ts';
import { resolveEntries, type LogbookEntry } from '../audit/logbook.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { isValidBsn, normaliseBsn } from '../referrals/bsn.ts';
import { parseDutchDate } from '../validation.ts';
import { findHeldCase, findPersonRows, type HeldCase, type HeldPerson } from './inzage.repository.ts';

/** Everything held about one person (AVG art. 15 / WGS), per case: the data, who contributed what, the decisions, who saw it. */
export interface InzageDocument {
  search: 'bsn' | 'nameAndBirthDate';
  producedAt: Date;
  producedBy: { name: string; organisationName: string };
  cases: { person: HeldPerson; case: HeldCase; logbook: LogbookEntry[] }[];
}

const searchForm = z.object({
  bsn: z.string().trim().optional(),
  name: z.string().trim().max(200).optional(),
  birthDate: z.string().trim().optional(),
});

export type InzageResult = { ok: true; document: InzageDocument } | { ok: false; errors: Record<string, string> };

/** The search form of an inzage: the procesmanager's alone. */
export function openInzageForm(actor: Actor): void {
  assertCan(actor, 'inzage.produce');
}

/**
 * `inzage`: the procesmanager looks a person up by BSN, or by name and birth date, and gets a document of all
 * that is held about them, per case, and of the logbook of who saw it. Only that person's own person record is
 * in it (not the other members of a household). Producing it is logged on each case, and once for the search
 * when nothing was found.
 */
export async function produceInzage(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  values: Record<string, string | undefined>,
): Promise<InzageResult> {
  assertCan(actor, 'inzage.produce');
  const parsed = searchForm.safeParse(values);
  const v = parsed.success ? parsed.data : {};
  let match: { bsn: string } | { name: string; birthDate: string } | undefined;
  const errors: Record<string, string> = {};
  if (v.bsn) {
    if (isValidBsn(v.bsn)) match = { bsn: normaliseBsn(v.bsn) };
    else errors.bsn = 'Dit is geen geldig BSN (de elfproef klopt niet).';
  } else {
    const birthDate = v.birthDate ? parseDutchDate(v.birthDate) : undefined;
    if (!v.name) errors.name = 'Vul het BSN in, of de naam en de geboortedatum.';
    if (!birthDate) errors.birthDate = 'Schrijf de geboortedatum als dd-mm-jjjj.';
    if (v.name && birthDate) match = { name: v.name, birthDate };
  }
  if (!match) return { ok: false, errors };
  const byBsn = await findPersonRows(deps.db, match);
  // The same person may be held without a BSN in another case: found by BSN, they are also looked up by name and birth date.
  const alsoByName =
    'bsn' in match
      ? (await Promise.all(byBsn.map((p) => findPersonRows(deps.db, { name: p.name, birthDate: p.birthDate })))).flat()
      : [];
  const persons = [...new Map([...byBsn, ...alsoByName].map((p) => [p.caseId, p])).values()];
  const cases: InzageDocument['cases'] = [];
  for (const person of persons) {
    const held = await findHeldCase(deps.db, person.caseId);
    if (!held || held.status === 'draft') continue;
    cases.push({
      person,
      case: held,
      logbook: await resolveEntries(deps.db, await listAuditEvents(deps.db, { caseId: held.id })),
    });
  }
  await deps.db.$transaction(async (tx) => {
    for (const c of cases)
      await recordAudit(tx, actor, {
        action: 'inzage.produced',
        recordType: 'case',
        recordId: c.case.id,
        purpose: 'inzage',
      });
    if (!cases.length)
      await recordAudit(tx, actor, { action: 'inzage.nothingFound', recordType: 'inzage', purpose: 'inzage' });
  });
  return {
    ok: true,
    document: {
      search: 'bsn' in match ? 'bsn' : 'nameAndBirthDate',
      producedAt: deps.clock.now(),
      producedBy: { name: actor.displayName, organisationName: actor.organisationName },
      cases,
    },
  };
}
