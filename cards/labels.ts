import type { MemberRole } from '../src/members/member.types.ts';

export const roleLabels: Record<MemberRole, string> = {
  processManager: 'Procesmanager',
  contactPerson: 'Contactpersoon',
  participant: 'Deelnemer casusoverleg',
};
