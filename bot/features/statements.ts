import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { statementAcceptedCard, statementCard } from '../../cards/confidentiality.card.ts';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { acceptStatement, saveStatement, statementFor } from '../../src/members/confidentiality.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/**
 * `geheimhouding` (`statement.*`): the geheimhoudingsverklaring. An incidentele deelnemer or guest reads it and
 * accepts it (*Ik ga akkoord*); the procesmanager sets its text, each save a new version.
 */
export function registerStatements(app: Application<TurnState>, deps: BotDeps): void {
  const show = async (context: TurnContext, notice?: string) =>
    statementCard(
      { ...(await statementFor(deps, actorOf(context))), ...(notice ? { notice } : {}) },
      deps.figuresTimeZone,
    );
  registerCommand(app, Command.confidentiality, (context) => show(context));

  onVerb(app, Verb.statementAccept, { statementId: id }, async (context, { statementId }) => {
    const result = await acceptStatement(deps, actorOf(context), statementId);
    if (!result.accepted)
      return show(context, 'De verklaring is intussen gewijzigd. Lees de nieuwe versie en aanvaard die.');
    deps.log.info({ statementId }, 'confidentiality statement accepted');
    return statementAcceptedCard(result.statement, deps.clock.now(), deps.figuresTimeZone);
  });

  onVerb(app, Verb.statementSave, {}, async (context, data) => {
    const actor = actorOf(context);
    const result = await saveStatement(deps, actor, data);
    if (!result.ok)
      return statementCard(
        { ...(await statementFor(deps, actor)), values: formValuesOf(data), errors: result.errors },
        deps.figuresTimeZone,
      );
    deps.log.info({ version: result.statement.version }, 'confidentiality statement saved');
    return show(
      context,
      `Versie ${result.statement.version} is opgeslagen. Incidentele deelnemers aanvaarden hem opnieuw.`,
    );
  });
}
