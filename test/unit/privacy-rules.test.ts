import { describe, expect, it } from 'vitest';
import {
  canMarkTakeHome,
  canReadConsentRequest,
  canRecordInforming,
  canSeeContribution,
  handoverRole,
  speaksForContribution,
} from '../../src/access/case-access.ts';

const police = { memberId: 'm-police', role: 'participant' as const, organisationId: 'o-police' };
const youth = { memberId: 'm-youth', role: 'participant' as const, organisationId: 'o-youth' };
const pm = { memberId: 'm-pm', role: 'processManager' as const, organisationId: 'o-zvh' };
const contribution = (extra: Partial<Parameters<typeof canSeeContribution>[1]> = {}) => ({
  organisationId: 'o-police',
  sensitive: false,
  inOpenSession: false,
  consentedOrganisationIds: [],
  ...extra,
});

describe('the privacy rules, as pure functions', () => {
  it('a contribution: its own organisation and the chair always; others in its meeting unless sensitive, otherwise only with consent; never while re-assessed or after withdrawal', () => {
    expect(canSeeContribution(police, contribution(), { chairing: false })).toBe(true);
    expect(canSeeContribution(youth, contribution(), { chairing: true })).toBe(true);
    expect(canSeeContribution(youth, contribution(), { chairing: false })).toBe(false);
    expect(canSeeContribution(youth, contribution({ inOpenSession: true }), { chairing: false })).toBe(true);
    expect(canSeeContribution(youth, contribution({ inOpenSession: true, sensitive: true }), { chairing: false })).toBe(
      false,
    );
    expect(
      canSeeContribution(youth, contribution({ consentedOrganisationIds: ['o-youth'] }), { chairing: false }),
    ).toBe(true);
    expect(
      canSeeContribution(youth, contribution({ consentedOrganisationIds: ['o-other'] }), { chairing: false }),
    ).toBe(false);
    expect(
      canSeeContribution(youth, contribution({ consentedOrganisationIds: ['o-youth'], reassessment: 'pending' }), {
        chairing: false,
      }),
    ).toBe(false);
    expect(
      canSeeContribution(youth, contribution({ inOpenSession: true, reassessment: 'withdrawn' }), { chairing: false }),
    ).toBe(false);
    expect(canSeeContribution(police, contribution({ reassessment: 'withdrawn' }), { chairing: false })).toBe(true);
  });

  it('only the contributing organisation speaks for its contribution; the asker and the contributor read a request', () => {
    expect(speaksForContribution(police, { organisationId: 'o-police' })).toBe(true);
    expect(speaksForContribution(pm, { organisationId: 'o-police' })).toBe(false);
    const request = { contributionOrganisationId: 'o-police', requestingOrganisationId: 'o-youth' };
    expect([police, youth, pm].map((a) => canReadConsentRequest(a, request))).toEqual([true, true, false]);
  });

  it('who marks take-home, who records informing, and what someone is to a handover', () => {
    expect(canMarkTakeHome(police, { chairing: false })).toBe(false);
    expect(canMarkTakeHome(police, { chairing: false, directorMemberId: 'm-police' })).toBe(true);
    expect(canMarkTakeHome(youth, { chairing: true })).toBe(true);
    expect(canRecordInforming(police, { informerMemberId: 'm-police' })).toBe(true);
    expect(canRecordInforming(youth, { informerMemberId: 'm-police' })).toBe(false);
    expect(canRecordInforming(pm, {})).toBe(true);
    const h = {
      createdByMemberId: 'm-youth',
      completed: false,
      registeringOrganisationId: 'o-youth',
      includedOrganisationIds: ['o-police'],
    };
    expect(handoverRole(youth, h)).toBe('manager');
    expect(handoverRole(pm, h)).toBe('manager');
    expect(handoverRole(police, h)).toBe('contributor');
    expect(handoverRole({ memberId: 'm-other', role: 'participant', organisationId: 'o-youth' }, h)).toBeUndefined();
    expect(
      handoverRole({ memberId: 'm-other', role: 'participant', organisationId: 'o-youth' }, { ...h, completed: true }),
    ).toBe('receiver');
    expect(
      handoverRole({ memberId: 'm-x', role: 'participant', organisationId: 'o-krusada' }, { ...h, completed: true }),
    ).toBeUndefined();
  });
});
