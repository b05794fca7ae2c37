import type { Actor } from '../actor.ts';
import { forbidden } from '../errors.ts';
import { can } from './policy.ts';

/**
 * Whose logbook someone may read (NEN 7513: per employee). The procesmanager: anyone's. A contactpersoon: only the
 * staff of their own organisation (they answer for them). Nobody else, not even their own.
 */
export function employeeLogbookAllowed(
  actor: Pick<Actor, 'role' | 'organisationId'>,
  employee: { organisationId: string },
): boolean {
  if (!can(actor, 'logbook.viewEmployee')) return false;
  return actor.role === 'processManager' || employee.organisationId === actor.organisationId;
}

export function assertEmployeeLogbookAllowed(
  actor: Pick<Actor, 'role' | 'organisationId'>,
  employee: { organisationId: string },
): void {
  if (!employeeLogbookAllowed(actor, employee))
    throw forbidden('logbook.viewEmployee', 'May not view the logbook of this employee');
}

/** Whose logbooks a person may choose from: everyone (undefined), or the members of one organisation. */
export function employeeLogbookScope(actor: Pick<Actor, 'role' | 'organisationId'>): { organisationId?: string } {
  return actor.role === 'processManager' ? {} : { organisationId: actor.organisationId };
}
