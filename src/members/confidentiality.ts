import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { withholdsCaseContent } from '../access/case-access.ts';
import { assertCan, can } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { requiredText } from '../validation.ts';
import {
  findCurrentStatement,
  findUnsignedOccasional,
  insertAcceptance,
  insertStatementVersion,
  type StatementView,
} from './confidentiality.repository.ts';

export type { StatementView };

/** What `geheimhouding` shows a person: the statement in force, whether they still must accept it, whether they edit it. */
export interface StatementForActor {
  statement?: StatementView;
  /** An incidentele deelnemer or guest who has not accepted this version: case content waits for their *Ik ga akkoord*. */
  mustAccept: boolean;
  mayEdit: boolean;
}

export async function statementFor(deps: Pick<UseCaseDeps, 'db'>, actor: Actor): Promise<StatementForActor> {
  const statement = await findCurrentStatement(deps.db);
  return {
    ...(statement ? { statement } : {}),
    mustAccept: withholdsCaseContent(actor),
    mayEdit: can(actor, 'confidentiality.manage'),
  };
}

export const statementInput = z.object({
  text: requiredText('Vul de tekst van de verklaring in.', 4000),
});

/** The procesmanager saves the text: always a new version, so whoever accepted an older one accepts again. */
export async function saveStatement(
  deps: UseCaseDeps,
  actor: Actor,
  values: Record<string, unknown>,
): Promise<{ ok: true; statement: StatementView } | { ok: false; errors: Record<string, string> }> {
  assertCan(actor, 'confidentiality.manage');
  const parsed = statementInput.safeParse(values);
  if (!parsed.success)
    return { ok: false, errors: { text: parsed.error.issues[0]?.message ?? 'Vul de tekst van de verklaring in.' } };
  const statement = await deps.db.$transaction(async (tx) => {
    const saved = await insertStatementVersion(tx, {
      text: parsed.data.text,
      createdByMemberId: actor.memberId,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, actor, {
      action: 'confidentiality.statementSaved',
      recordType: 'confidentialityStatement',
      recordId: saved.id,
      purpose: 'geheimhouding',
    });
    return saved;
  });
  return { ok: true, statement };
}

/**
 * *Ik ga akkoord*: records who accepted which version, when, in the logbook too. The button names the version it
 * showed; if a newer one was saved since, nothing is recorded and the person reads the new text first.
 */
export async function acceptStatement(
  deps: UseCaseDeps,
  actor: Actor,
  statementId: string,
): Promise<{ accepted: true; statement: StatementView } | { accepted: false; statement?: StatementView }> {
  return deps.db.$transaction(async (tx) => {
    const current = await findCurrentStatement(tx);
    if (!current || current.id !== statementId) return { accepted: false, ...(current ? { statement: current } : {}) };
    const acceptance = await insertAcceptance(tx, {
      memberId: actor.memberId,
      statementId,
      acceptedAt: deps.clock.now(),
    });
    if (acceptance.created)
      await recordAudit(tx, actor, {
        action: 'confidentiality.accepted',
        recordType: 'confidentialityStatement',
        recordId: statementId,
        purpose: 'geheimhouding',
      });
    return { accepted: true, statement: current };
  });
}

/**
 * The invited incidentele deelnemers who have not accepted the current statement: their number for the channel
 * (no names there), their names for whoever chairs, in a personal view.
 */
export async function unsignedInvited(
  deps: Pick<UseCaseDeps, 'db'>,
  organisationIds: readonly string[],
): Promise<{ memberId: string; displayName: string }[]> {
  return findUnsignedOccasional(deps.db, { organisationIds });
}
