import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { anyChoice, caseLogbookCard, unusualAccessCard } from '../../cards/logbook.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { caseLogbook, unusualAccess } from '../../src/audit/logbook.ts';
import type { BotDeps } from '../deps.ts';
import { onVerb, registerCommand, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/**
 * `logboek`: the procesmanager's view of the logbook: one case (`logboek ZVH-…`), or who stands out. The case's
 * logbook pages back ("Oudere", "Nieuwere") and filters by organisation, person and activity.
 */
export function registerLogbook(app: Application<TurnState>, deps: BotDeps): void {
  const logbookDeps = { db: deps.db, timeZone: deps.figuresTimeZone };
  registerCommand(app, Command.logbook, async (context, { reference }) =>
    reference
      ? caseLogbookCard(await caseLogbook(logbookDeps, actorOf(context), reference))
      : unusualAccessCard(await unusualAccess(deps, actorOf(context)), deps.figuresTimeZone),
  );
  const page = {
    reference: text,
    before: text,
    after: text,
    organisationId: text,
    actorAadObjectId: text,
    purpose: text,
  };
  onVerb(app, Verb.logbookPage, page, async (context, raw) => {
    // A filter set to "all" is no filter.
    const data = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === anyChoice ? '' : v])) as typeof raw;
    return caseLogbookCard(
      await caseLogbook(logbookDeps, actorOf(context), data.reference.toUpperCase(), {
        ...(data.before ? { before: data.before } : {}),
        ...(data.after ? { after: data.after } : {}),
        ...(data.organisationId ? { organisationId: data.organisationId } : {}),
        ...(data.actorAadObjectId ? { actorAadObjectId: data.actorAadObjectId } : {}),
        ...(data.purpose ? { purpose: data.purpose } : {}),
      }),
    );
  });
}
