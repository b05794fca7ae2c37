import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

export type OrganisationKind = 'partner' | 'network';
export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export async function listOrganisations(tx: Tx): Promise<OrganisationView[]> {
  return tx.organisation.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } });
}

/** The signatories of the convenant: the organisations a case can involve or be run on behalf of. */
export async function listPartners(tx: Tx): Promise<OrganisationView[]> {
  return (await listOrganisations(tx)).filter((o) => o.kind === 'partner');
}

export async function findOrganisationById(tx: Tx, id: string): Promise<OrganisationView | undefined> {
  if (!isUuid(id)) return undefined;
  const found = await tx.organisation.findUnique({ where: { id }, select: { id: true, name: true, kind: true } });
  return found ?? undefined;
}

export async function ensureOrganisation(tx: Tx, name: string, kind: OrganisationKind): Promise<OrganisationView> {
  return tx.organisation.upsert({
    where: { name },
    create: { name, kind },
    update: {},
    select: { id: true, name: true, kind: true },
  });
}
