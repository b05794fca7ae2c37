import { describe, expect, it } from 'vitest';
import * as rules from '../../src/access/case-access.ts';
import { assertCan, can } from '../../src/access/policy.ts';
import { DomainError, permissionNames, type Permission } from '../../src/errors.ts';
import { memberRoles, type MemberRole } from '../../src/members/member.types.ts';

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

describe('permissions decided per record', () => {
  const holders = (permission: Permission) => memberRoles.filter((role) => can({ role }, permission));
  const caseRoles: MemberRole[] = ['processManager', 'contactPerson', 'participant'];

  it('every permission a refusal can name is an entry of the policy that some role holds', () => {
    for (const permission of permissionNames) expect(holders(permission), permission).not.toEqual([]);
  });

  it('chairing, contributing, actions, consent, regie and informing: any role that works on cases, never the stuurgroep', () => {
    for (const permission of [
      'sessions.run',
      'decisions.record',
      'discussion.contribute',
      'actions.claim',
      'actions.reassign',
      'consent.answer',
      'regie.direct',
      'informing.record',
    ] as const)
      expect(holders(permission), permission).toEqual(caseRoles);
  });

  it("the procesmanager's own steps: changing the regisseur, deciding proposals, reminding evaluations", () => {
    for (const permission of ['regie.changeDirector', 'proposals.decide', 'evaluations.remind'] as const)
      expect(holders(permission), permission).toEqual(['processManager']);
  });

  it('no record-level rule lets a role through that its policy entry leaves out', () => {
    const own = { memberId: 'm-1', organisationId: 'org-1' };
    const facts = {
      status: 'accepted' as const,
      referrerMemberId: 'm-2',
      referrerOrganisationId: 'org-2',
      responsibleOrganisationId: 'org-1',
      involvedOrganisationIds: ['org-1'],
    };
    for (const role of memberRoles) {
      const actor = { ...own, role, aadObjectId: 'aad-1', displayName: 'Iemand', organisationName: 'Org' };
      const allowedBy: [Permission, boolean][] = [
        ['sessions.run', rules.canChair(actor, { chairMemberId: 'm-1' })],
        ['decisions.record', rules.canChair(actor, { chairMemberId: 'm-1' })],
        ['discussion.contribute', rules.canContribute(actor, facts, { chairing: true })],
        ['actions.claim', rules.canClaimAction(actor, { organisationId: 'org-1' })],
        ['actions.reassign', rules.canReassignAction(actor, { directorMemberId: 'm-1' })],
        ['consent.answer', rules.speaksForContribution(actor, { organisationId: 'org-1' })],
        ['regie.direct', rules.canDirect(actor, { directorMemberId: 'm-1' })],
        ['informing.record', rules.canRecordInforming(actor, { informerMemberId: 'm-1' })],
        ['regie.changeDirector', rules.canManageCase(actor)],
        ['proposals.decide', rules.canManageCase(actor)],
        ['evaluations.remind', rules.canManageCase(actor)],
      ];
      for (const [permission, allowed] of allowedBy)
        expect(allowed, `${role} ${permission}`).toBe(can(actor, permission));
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
