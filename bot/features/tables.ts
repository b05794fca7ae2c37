import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { formValuesOf, type FieldErrors, type FormValues } from '../../cards/form.ts';
import {
  channelLinkedCard,
  linkChannelCard,
  newTableDefaults,
  tableFormCard,
  tableFormValues,
  tablesCard,
} from '../../cards/tables.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { can } from '../../src/access/policy.ts';
import { tableForm, tablesToLink } from '../../src/conferences/table-views.ts';
import { closeTable, linkChannel, linkMeeting, listTableOverview, saveTable } from '../../src/conferences/tables.ts';
import { DomainError } from '../../src/errors.ts';
import type { BotDeps } from '../deps.ts';
import { userMessageFor } from '../teams/error-messages.ts';
import { sessionListCard } from '../shared/session-list.ts';
import { id, onVerb, optionalId, registerCommand, text } from '../teams/routes.ts';
import { actorOf, channelOf, conversationKind, teamsChannelData } from '../teams/turn-context.ts';

/** `table.*`: `tafels`, the table form, closing a table, its sessions, and linking a channel (`tafel koppelen`). */
export function registerTables(app: Application<TurnState>, deps: BotDeps): void {
  const list = async (context: TurnContext, notice?: string) => {
    const actor = actorOf(context);
    return tablesCard(await listTableOverview(deps, actor), { manage: can(actor, 'tables.manage'), notice });
  };
  const form = async (context: TurnContext, tableId?: string, values?: FormValues, errors?: FieldErrors) => {
    const { table, partners, members } = await tableForm(deps, actorOf(context), tableId);
    const shown = values ?? (table ? tableFormValues(table) : newTableDefaults);
    return tableFormCard({ tableId, values: shown, errors, partners, members });
  };

  registerCommand(app, Command.tables, (context) => list(context));
  onVerb(app, Verb.tableForm, { tableId: optionalId }, (context, { tableId }) => form(context, tableId));
  onVerb(app, Verb.tableSave, { tableId: optionalId, submissionId: text }, async (context, data) => {
    const result = await saveTable(deps, actorOf(context), formValuesOf(data), data.tableId, data.submissionId);
    if (!result.ok) return form(context, data.tableId, formValuesOf(data), result.errors);
    deps.log.info({ tableId: result.table.id, created: result.created }, 'table saved');
    return list(context, `Tafel ${result.table.name} is ${result.created ? 'aangemaakt' : 'opgeslagen'}.`);
  });
  onVerb(app, Verb.tableClose, { tableId: id }, async (context, { tableId }) => {
    try {
      const table = await closeTable(deps, actorOf(context), tableId);
      return list(context, `Tafel ${table.name} is gesloten.`);
    } catch (error) {
      if (error instanceof DomainError && error.details.reason === 'tableHasAgenda') {
        return list(context, userMessageFor(error));
      }
      throw error;
    }
  });
  onVerb(app, Verb.tableSessions, { tableId: id }, (context, { tableId }) => sessionListCard(deps, context, tableId));
  registerLinking(app, deps);
}

/** `tafel koppelen` in a channel (with an @mention, which Teams strips), or in the chat of the table's meeting. */
function registerLinking(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.linkTable, async (context) => {
    if (conversationKind(context.activity) !== 'channel' && !teamsChannelData(context.activity).meeting?.id)
      return 'Typ dit in het kanaal van de overlegtafel, met @Casusbot ervoor: "@Casusbot tafel koppelen".';
    return linkChannelCard(await tablesToLink(deps, actorOf(context)));
  });
  onVerb(app, Verb.tableLink, { tableId: id }, async (context, { tableId }) => {
    const meetingId = teamsChannelData(context.activity).meeting?.id;
    if (conversationKind(context.activity) !== 'channel') {
      // The chat of a Teams meeting outside a channel: its start and end reach the table; the agenda stays put.
      if (!meetingId)
        return 'Een tafel koppel je in het kanaal zelf, of in de chat van het Teams-overleg van de tafel.';
      const table = await linkMeeting(deps, actorOf(context), tableId, meetingId);
      return `Dit Teams-overleg hoort nu bij tafel ${table.name}: als het begint, opent het casusoverleg.`;
    }
    const table = await linkChannel(deps, actorOf(context), tableId, channelOf(context.activity), meetingId);
    deps.log.info({ tableId: table.id }, 'channel linked to table');
    const confirmation = channelLinkedCard(table);
    // The chooser in the channel becomes the confirmation for everyone: its shared content changed.
    if (context.activity.replyToId)
      await context.updateActivity({
        id: context.activity.replyToId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(confirmation)],
      });
    return confirmation;
  });
}
