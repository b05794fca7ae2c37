import type { Db } from '../../src/db/client.ts';
import type { DraftResult } from '../../src/referrals/submit-referral.ts';
import { listOrganisations } from '../../src/organisations/organisation.repository.ts';

export async function organisationIds(db: Db): Promise<Record<string, string>> {
  return Object.fromEntries((await listOrganisations(db)).map((o) => [o.name, o.id]));
}

/** A complete, valid aanmelding as the card would send it (every input is text). */
export function validReferralData(
  involved: string[],
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const data: Record<string, string | undefined> = {
    personCount: '2',
    p1_name: 'Jan Fictief',
    p1_birthDate: '12-04-1990',
    p1_address: 'Kaya Fictief 1, Kralendijk',
    p1_bsn: '111222333',
    p2_name: 'Mira Fictief',
    p2_relation: 'dochter',
    p2_birthDate: '2012-09-30',
    p2_address: 'Kaya Fictief 1, Kralendijk',
    domain_housing: 'Dreigende huisuitzetting',
    domain_finances: 'Schulden bij meerdere instanties',
    domain_domesticViolence: 'Meldingen van ruzie en geweld thuis',
    organisations: involved.join(','),
    chains: 'care,justice',
    criterionDomains: 'Wonen, financiën en huiselijk geweld spelen tegelijk.',
    criterionChains: 'Politie, reclassering en jeugdzorg zijn betrokken.',
    criterionFamily: 'De dochter groeit op in een onveilige situatie.',
    informed: 'yes',
    informedBy: 'De aanmelder, op 20 november',
    urgency: 'high',
    contactPhone: '+599 717 0000',
    contactEmail: 'aanmelder@politie.example',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** The id of a draft that was saved (a draft the rules refused fails the test here). */
export async function savedDraft(saving: Promise<DraftResult>): Promise<string> {
  const result = await saving;
  if (!result.ok) throw new Error(`draft not saved: ${JSON.stringify(result)}`);
  return result.caseId;
}
