import { describe, expect, it } from 'vitest';
import { employeeLogbookAllowed, employeeLogbookScope } from '../../src/access/logbook-access.ts';
import type { MemberRole } from '../../src/members/member.types.ts';

const own = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const as = (role: MemberRole) => ({ role, organisationId: own });

describe("who may read an employee's logbook", () => {
  it('the procesmanager: anyone; a contactpersoon: their own organisation only', () => {
    expect(employeeLogbookAllowed(as('processManager'), { organisationId: other })).toBe(true);
    expect(employeeLogbookAllowed(as('contactPerson'), { organisationId: own })).toBe(true);
    expect(employeeLogbookScope(as('processManager'))).toEqual({});
    expect(employeeLogbookScope(as('contactPerson'))).toEqual({ organisationId: own });
  });

  it("is refused to a contactpersoon for another organisation's member, and to a participant or stuurgroeplid for anyone, their own included", () => {
    expect(employeeLogbookAllowed(as('contactPerson'), { organisationId: other })).toBe(false);
    for (const role of ['participant', 'steeringGroupMember'] as const) {
      expect(employeeLogbookAllowed(as(role), { organisationId: own }), role).toBe(false);
      expect(employeeLogbookAllowed(as(role), { organisationId: other }), role).toBe(false);
    }
  });
});
