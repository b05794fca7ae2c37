import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/client.ts';
import { findActiveMemberByAadObjectId, upsertMember } from '../members/member.repository.ts';
import { demoPartnerNames, networkOrganisationName } from './demo-partners.ts';
import { ensureOrganisation } from './organisation.repository.ts';
import { createTable, findTableByName } from '../conferences/table.repository.ts';
import { demoTable } from './demo-partners.ts';

export interface DemoMember {
  aadObjectId: string;
  displayName: string;
  organisationName: string;
  role: 'processManager' | 'contactPerson' | 'participant';
  phone?: string;
  email?: string;
}

/** Idempotent: the network organisation, the demo partners and demo members; safe on every start. */
export async function seedDemoData(db: Db, members: DemoMember[] = []): Promise<void> {
  await db.$transaction(async (tx) => {
    await ensureOrganisation(tx, networkOrganisationName, 'network');
    const partners = [];
    for (const name of demoPartnerNames) partners.push(await ensureOrganisation(tx, name, 'partner'));
    if (!(await findTableByName(tx, demoTable.name)))
      await createTable(tx, { ...demoTable, organisationIds: partners.map((p) => p.id) });
    for (const m of members) {
      if (await findActiveMemberByAadObjectId(tx, m.aadObjectId)) continue;
      const organisation = await ensureOrganisation(
        tx,
        m.organisationName,
        m.organisationName === networkOrganisationName ? 'network' : 'partner',
      );
      const { member } = await upsertMember(tx, {
        aadObjectId: m.aadObjectId,
        displayName: m.displayName,
        organisationId: organisation.id,
        role: m.role,
        ...(m.phone ? { phone: m.phone } : {}),
        ...(m.email ? { email: m.email } : {}),
      });
      await recordAudit(tx, 'system', {
        action: 'member.seeded',
        recordType: 'member',
        recordId: member.id,
        purpose: 'demogegevens',
      });
    }
  });
}

/** The first procesmanager comes from configuration: without one, nobody could register anybody. */
export async function ensureFirstProcessManager(db: Db, first: { aadObjectId: string; name: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await findActiveMemberByAadObjectId(tx, first.aadObjectId)) return;
    const network = await ensureOrganisation(tx, networkOrganisationName, 'network');
    const { member } = await upsertMember(tx, {
      aadObjectId: first.aadObjectId,
      displayName: first.name,
      organisationId: network.id,
      role: 'processManager',
    });
    await recordAudit(tx, 'system', {
      action: 'member.bootstrapped',
      recordType: 'member',
      recordId: member.id,
      purpose: 'deelnemersbeheer',
    });
  });
}
