import { describe, expect, it } from 'vitest';
import * as rules from '../../src/access/case-access.ts';
import { assertCan, can } from '../../src/access/policy.ts';
import { DomainError } from '../../src/errors.ts';

describe('access policy', () => {
  it('only the procesmanager registers members', () => {
    expect(can({ role: 'processManager' }, 'members.register')).toBe(true);
    expect(can({ role: 'contactPerson' }, 'members.register')).toBe(false);
    expect(can({ role: 'participant' }, 'members.register')).toBe(false);
  });

  it('a participant may not see the member list; a contactpersoon may', () => {
    expect(can({ role: 'participant' }, 'members.list')).toBe(false);
    expect(can({ role: 'contactPerson' }, 'members.list')).toBe(true);
  });

  it('a refusal is a coded error that names the permission, not the person', () => {
    try {
      assertCan({ role: 'participant' }, 'members.register');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('FORBIDDEN');
      expect((error as DomainError).details).toEqual({ permission: 'members.register' });
    }
  });
});

describe('a stuurgroeplid works on no case', () => {
  const manager = {
    memberId: 'm-1',
    aadObjectId: 'aad-m',
    displayName: 'Stuurgroeplid',
    organisationId: 'org-police',
    organisationName: 'Korps Politie CN',
    role: 'steeringGroupMember' as const,
  };
  const item = {
    status: 'accepted' as const,
    referrerMemberId: 'm-1',
    referrerOrganisationId: 'org-police',
    responsibleOrganisationId: 'org-police',
    involvedOrganisationIds: ['org-police'],
  };
  const own = { organisationId: 'org-police' };

  it('reads the figures, and every case rule refuses them, even for their own organisation and their own name', () => {
    expect(can(manager, 'figures.view')).toBe(true);
    expect(can(manager, 'figures.linkChannel')).toBe(false);
    expect(can(manager, 'cases.work')).toBe(false);
    expect(can(manager, 'referrals.submit')).toBe(false);
    expect(rules.canSeeCase(manager, item)).toBe(false);
    expect(rules.caseScope(manager).none).toBe(true);
    expect(rules.canSeeAgendaItem(manager, item, { chairMemberId: 'm-1' })).toBe(false);
    expect(rules.canChair(manager, { chairMemberId: 'm-1' })).toBe(false);
    expect(rules.canSeeDiscussion(manager, item, {})).toBe(false);
    expect(rules.canFollowCase(manager, item, {})).toBe(false);
    expect(rules.canContribute(manager, item, { chairing: false })).toBe(false);
    expect(rules.canClaimAction(manager, own)).toBe(false);
    expect(rules.canReassignAction(manager, { directorMemberId: 'm-1' })).toBe(false);
    expect(rules.canDirect(manager, { directorMemberId: 'm-1' })).toBe(false);
    expect(
      rules.canSeeContribution(
        manager,
        {
          organisationId: 'org-police',
          sensitive: false,
          inOpenSession: true,
          consentedOrganisationIds: ['org-police'],
        },
        { chairing: false },
      ),
    ).toBe(false);
    expect(rules.canSeeEvaluation(manager, own)).toBe(false);
    expect(rules.speaksForContribution(manager, own)).toBe(false);
    expect(
      rules.canReadConsentRequest(manager, {
        contributionOrganisationId: 'org-police',
        requestingOrganisationId: 'org-police',
      }),
    ).toBe(false);
    expect(rules.canMarkTakeHome(manager, { chairing: false, directorMemberId: 'm-1' })).toBe(false);
    expect(rules.canRecordInforming(manager, { informerMemberId: 'm-1' })).toBe(false);
    expect(
      rules.handoverRole(manager, {
        createdByMemberId: 'm-1',
        completed: true,
        registeringOrganisationId: 'org-police',
        includedOrganisationIds: ['org-police'],
      }),
    ).toBeUndefined();
  });
});
