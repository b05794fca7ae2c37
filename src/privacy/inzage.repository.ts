import type { Tx } from '../db/client.ts';

/** A person as held in one case. */
export interface HeldPerson {
  caseId: string;
  name: string;
  birthDate: string;
  address: string;
  bsn?: string;
  relation?: string;
}

/** The person rows that are this person: by BSN, or by name (any case) and birth date. */
export async function findPersonRows(
  tx: Tx,
  match: { bsn: string } | { name: string; birthDate: string },
): Promise<HeldPerson[]> {
  const rows = await tx.casePerson.findMany({
    where:
      'bsn' in match
        ? { bsn: match.bsn }
        : { name: { equals: match.name, mode: 'insensitive' }, birthDate: new Date(`${match.birthDate}T00:00:00Z`) },
    orderBy: { caseId: 'asc' },
    take: 50,
  });
  return rows.map((r) => ({
    caseId: r.caseId,
    name: r.name,
    birthDate: r.birthDate.toISOString().slice(0, 10),
    address: r.address,
    ...(r.bsn ? { bsn: r.bsn } : {}),
    ...(r.relation ? { relation: r.relation } : {}),
  }));
}

/** Everything one case holds besides its persons, with who contributed what. */
export interface HeldCase {
  id: string;
  reference: string;
  status: string;
  tableName?: string;
  referrerOrganisation: string;
  /** The professional the procesmanager registered the aanmelding for (a non-partner), as on the form. */
  externalReferrer?: { name: string; organisation: string };
  responsibleOrganisation?: string;
  submittedAt?: Date;
  closedAt?: Date;
  lifeDomains: Record<string, string>;
  involved: string[];
  contributions: { organisation: string; text: string; sensitive: boolean; at: Date }[];
  interventions: { organisation: string; text: string; at: Date }[];
  decisions: { goal: string; plan: string; nextStep: string; at: Date }[];
  actions: { organisation: string; text: string; state: string; dueDate: string; result?: string }[];
  regie: { kind: string; text?: string; organisation?: string; at: Date }[];
}

function externalReferrerOf(stored: unknown): { externalReferrer?: { name: string; organisation: string } } {
  const r = stored as { name?: unknown; organisation?: unknown } | null;
  return typeof r?.name === 'string' && typeof r.organisation === 'string'
    ? { externalReferrer: { name: r.name, organisation: r.organisation } }
    : {};
}

export async function findHeldCase(tx: Tx, caseId: string): Promise<HeldCase | undefined> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      status: true,
      submittedAt: true,
      closedAt: true,
      lifeDomains: true,
      table: { select: { name: true } },
      referrerOrganisation: { select: { name: true } },
      externalReferrer: true,
      responsibleOrganisation: { select: { name: true } },
      organisations: { select: { organisation: { select: { name: true } } } },
      contributions: {
        orderBy: { createdAt: 'asc' },
        select: { text: true, sensitive: true, createdAt: true, organisation: { select: { name: true } } },
      },
      interventions: {
        orderBy: { createdAt: 'asc' },
        select: { description: true, createdAt: true, organisation: { select: { name: true } } },
      },
      decisions: { orderBy: { createdAt: 'asc' }, select: { goal: true, plan: true, nextStep: true, createdAt: true } },
      actions: {
        orderBy: { createdAt: 'asc' },
        select: {
          description: true,
          state: true,
          dueDate: true,
          result: true,
          organisation: { select: { name: true } },
        },
      },
      regieUpdates: {
        orderBy: { createdAt: 'asc' },
        select: { kind: true, text: true, createdAt: true, organisation: { select: { name: true } } },
      },
    },
  });
  if (!c) return undefined;
  return {
    id: c.id,
    reference: c.reference ?? '',
    status: c.status,
    ...(c.table ? { tableName: c.table.name } : {}),
    referrerOrganisation: c.referrerOrganisation.name,
    ...externalReferrerOf(c.externalReferrer),
    ...(c.responsibleOrganisation ? { responsibleOrganisation: c.responsibleOrganisation.name } : {}),
    ...(c.submittedAt ? { submittedAt: c.submittedAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    lifeDomains: (c.lifeDomains ?? {}) as Record<string, string>,
    involved: c.organisations.map((o) => o.organisation.name),
    contributions: c.contributions.map((x) => ({
      organisation: x.organisation.name,
      text: x.text,
      sensitive: x.sensitive,
      at: x.createdAt,
    })),
    interventions: c.interventions.map((x) => ({
      organisation: x.organisation.name,
      text: x.description,
      at: x.createdAt,
    })),
    decisions: c.decisions.map((x) => ({ goal: x.goal, plan: x.plan, nextStep: x.nextStep, at: x.createdAt })),
    actions: c.actions.map((x) => ({
      organisation: x.organisation.name,
      text: x.description,
      state: x.state,
      dueDate: x.dueDate.toISOString().slice(0, 10),
      ...(x.result ? { result: x.result } : {}),
    })),
    regie: c.regieUpdates.map((x) => ({
      kind: x.kind,
      ...(x.text ? { text: x.text } : {}),
      ...(x.organisation ? { organisation: x.organisation.name } : {}),
      at: x.createdAt,
    })),
  };
}
