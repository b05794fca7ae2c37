export const lifeDomains = [
  'housing',
  'finances',
  'health',
  'mentalHealth',
  'addiction',
  'domesticViolence',
  'justice',
  'parenting',
  'schoolWork',
  'daytimeActivities',
] as const;
export type LifeDomain = (typeof lifeDomains)[number];

export const chains = ['care', 'justice', 'administration'] as const;
export type Chain = (typeof chains)[number];

export const urgencies = ['normal', 'high'] as const;
export type Urgency = (typeof urgencies)[number];

export const caseStatuses = [
  'draft',
  'submitted',
  'infoRequested',
  'accepted',
  'rejected',
  'shadowList',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
/** Statuses from which the case is on a table and its involved partners may see it. */
export const acceptedStatuses: readonly CaseStatus[] = ['accepted', 'shadowList', 'closed'];

export const maxPersons = 6;

/** Card input values, as typed: every field is text. Kept for drafts and for showing the form again. */
export type ReferralFormValues = Record<string, string | undefined>;

export interface ReferralPerson {
  position: number;
  name: string;
  birthDate: string; // YYYY-MM-DD
  address: string;
  bsn?: string;
  relation?: string;
}

export interface ExternalReferrer {
  name: string;
  organisation: string;
  phone?: string;
  email?: string;
}

/** A complete, valid aanmelding. */
export interface Referral {
  persons: ReferralPerson[];
  lifeDomains: Partial<Record<LifeDomain, string>>;
  organisationIds: string[];
  otherOrganisations?: string;
  chains: Chain[];
  criteria: { multipleDomains: string; chainsAndOrganisations: string; familyOrSafety: string };
  informed: { informed: true; by: string } | { informed: false; reason: string };
  urgency: Urgency;
  contact: { phone?: string; email?: string };
  /** Only when the procesmanager registers for a professional of a non-partner organisation. */
  external?: ExternalReferrer;
  /** The partner on whose behalf the ZVH processes the case, when it is not the referrer's own organisation. */
  responsibleOrganisationId?: string;
}
