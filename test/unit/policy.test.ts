import { describe, expect, it } from 'vitest';
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
