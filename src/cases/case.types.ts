import type {
  CaseStatus,
  Chain,
  ExternalReferrer,
  LifeDomain,
  Referral,
  ReferralFormValues,
  ReferralPerson,
  Urgency,
} from '../referrals/referral.types.ts';

export interface CaseRecord {
  id: string;
  reference?: string;
  status: CaseStatus;
  referrer: { memberId: string; aadObjectId: string; name: string; organisationId: string; organisationName: string };
  responsibleOrganisation?: { id: string; name: string };
  external?: ExternalReferrer;
  form: ReferralFormValues;
  urgency?: Urgency;
  lifeDomains: Partial<Record<LifeDomain, string>>;
  chains: Chain[];
  criteria?: Referral['criteria'];
  informed?: Referral['informed'];
  contact?: Referral['contact'];
  persons: ReferralPerson[];
  organisations: { id: string; name: string }[];
  table?: { id: string; name: string; timeZone: string };
  /** The session where the case is first discussed, and when that is now. */
  firstSessionId?: string;
  firstSessionAt?: Date;
  decidedBy?: { name: string };
  decidedAt?: Date;
  rejectionReason?: string;
  question?: string;
  submittedAt?: Date;
  updatedAt: Date;
  /** A casusregisseur is appointed: the case is under regie. */
  directed?: boolean;
}

export interface CaseSummary {
  id: string;
  reference?: string;
  status: CaseStatus;
  firstPersonName?: string;
  table?: { name: string; timeZone: string };
  firstSessionAt?: Date;
  submittedAt?: Date;
  updatedAt: Date;
  /** A casusregisseur is appointed: the case is under regie. */
  directed?: boolean;
}

/**
 * What a card about a case may show in any chat: where the case stands, nothing of a person, nothing typed.
 * Everyone in that chat reads it, and Teams keeps a copy.
 */
export interface CaseBadge {
  id: string;
  reference: string;
  status: CaseStatus;
  /** A casusregisseur is appointed: the case is under regie. */
  directed: boolean;
  table?: { name: string; timeZone: string };
  /** The next meeting that has the case on its agenda, from `now` on. */
  nextSessionAt?: Date;
}
