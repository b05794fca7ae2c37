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

export async function findOrganisationById(tx: Tx, id: string): Promise<OrganisationView | undefined> {
  if (!isUuid(id)) return undefined;
  const found = await tx.organisation.findUnique({ where: { id }, select: { id: true, name: true, kind: true } });
  return found ?? undefined;
}

export async function ensureOrganisation(tx: Tx, name: string, kind: OrganisationKind): Promise<OrganisationView> {
  return tx.organisation.upsert({ where: { name }, create: { name, kind }, update: {}, select: { id: true, name: true, kind: true } });
}
