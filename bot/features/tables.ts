import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { FieldErrors, FormValues } from '../../cards/form.ts';
import { formValuesOf } from '../../cards/form.ts';
import {
  channelLinkedCard,
  linkChannelCard,
  moveInputIds,
  newTableDefaults,
  sessionsCard,
  tableFormCard,
  tableFormValues,
  tablesCard,
} from '../../cards/tables.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan, can } from '../../src/access/policy.ts';
import { listSessions, countItems } from '../../src/conferences/session.repository.ts';
import {
  addExtraSession,
  cancelSession,
  moveSession,
  sessionLocalTime,
  type SessionChangeResult,
} from '../../src/conferences/sessions.ts';
import { findTableById, listTables } from '../../src/conferences/table.repository.ts';
import { closeTable, linkChannel, linkMeeting, listTableOverview, saveTable } from '../../src/conferences/tables.ts';
import { DomainError, ErrorCode } from '../../src/errors.ts';
import { listActiveMembers } from '../../src/members/member.repository.ts';
import { listPartners } from '../../src/organisations/organisation.repository.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, conversationKind } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

const meetingIdOf = (context: TurnContext) =>
  (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;

export function registerTables(app: Application<TurnState>, deps: BotDeps): void {
  const list = async (context: TurnContext, notice?: string) => {
    const actor = actorOf(context);
    return tablesCard(await listTableOverview(deps, actor), { manage: can(actor, 'tables.manage'), notice });
  };
  const form = async (context: TurnContext, tableId: string | undefined, values?: FormValues, errors?: FieldErrors) => {
    assertCan(actorOf(context), 'tables.manage');
    const table = tableId ? await findTableById(deps.db, tableId) : undefined;
    if (tableId && !table) throw new DomainError(ErrorCode.NotFound, 'Table not found');
    const members = await listActiveMembers(deps.db);
    return tableFormCard({
      tableId,
      values: values ?? (table ? tableFormValues(table) : newTableDefaults),
      errors,
      partners: await listPartners(deps.db),
      members,
    });
  };
  const sessions = async (
    context: TurnContext,
    tableId: string,
    options: { notice?: string; errors?: FieldErrors; values?: FormValues } = {},
  ) => {
    assertCan(actorOf(context), 'agenda.manage');
    const table = await findTableById(deps.db, tableId);
    if (!table) throw new DomainError(ErrorCode.NotFound, 'Table not found');
    const coming = await listSessions(deps.db, { tableIds: [table.id], from: deps.clock.now() }, 10);
    const counts = await countItems(
      deps.db,
      coming.map((s) => s.id),
    );
    return sessionsCard({
      table,
      ...options,
      sessions: coming.map((s) => ({ ...s, itemCount: counts.get(s.id) ?? 0, local: sessionLocalTime(s, table) })),
    });
  };
  /**
   * After a session change: tell people in the background, show the fresh list at once. A refused change
   * comes back with the typed values and the messages at the inputs they came from (`ids`).
   */
  const changed = async (
    context: TurnContext,
    data: Data,
    result: SessionChangeResult,
    notice: string,
    ids = { date: 'date', time: 'time' },
  ) => {
    const tableId = text(data, 'tableId');
    if (!result.ok) {
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([key, message]) => [ids[key as keyof typeof ids] ?? key, message]),
      );
      return sessions(context, tableId, { errors, values: formValuesOf(data) });
    }
    deps.log.info({ sessionId: result.session.id, status: result.session.status }, 'session changed');
    deps.background.run('session notifications', () => deliverNotifications(deps, result.notifications));
    return sessions(context, tableId, { notice });
  };

  app.message(/^\s*tafels\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await list(context))] });
  });
  onCardAction(app, Verb.tablesList, async (context) => list(context));
  onCardAction<Data>(app, Verb.tableForm, async (context, data) => form(context, text(data, 'tableId') || undefined));
  onCardAction<Data>(app, Verb.tableSave, async (context, data) => {
    const tableId = text(data, 'tableId') || undefined;
    const result = await saveTable(deps, actorOf(context), formValuesOf(data), tableId);
    if (!result.ok) return form(context, tableId, formValuesOf(data), result.errors);
    deps.log.info({ tableId: result.table.id, created: result.created }, 'table saved');
    return list(context, `Tafel ${result.table.name} is ${result.created ? 'aangemaakt' : 'opgeslagen'}.`);
  });
  onCardAction<Data>(app, Verb.tableClose, async (context, data) => {
    try {
      const table = await closeTable(deps, actorOf(context), text(data, 'tableId'));
      return list(context, `Tafel ${table.name} is gesloten.`);
    } catch (error) {
      if (error instanceof DomainError && error.details.reason === 'tableHasAgenda') {
        return list(
          context,
          'Deze tafel heeft nog casussen op komende agenda\'s. Verplaats of annuleer die overleggen eerst (knop "Sessies").',
        );
      }
      throw error;
    }
  });
  onCardAction<Data>(app, Verb.tableSessions, async (context, data) => sessions(context, text(data, 'tableId')));
  onCardAction<Data>(app, Verb.sessionMove, async (context, data) => {
    // Each session's move inputs have their own ids: the inputs of all show cards on a card share one id space.
    const ids = moveInputIds(text(data, 'sessionId'));
    const result = await moveSession(deps, actorOf(context), text(data, 'sessionId'), {
      date: text(data, ids.date),
      time: text(data, ids.time),
    });
    return changed(context, data, result, 'Het overleg is verplaatst; de betrokkenen krijgen bericht.', ids);
  });
  onCardAction<Data>(app, Verb.sessionCancel, async (context, data) =>
    changed(
      context,
      data,
      await cancelSession(deps, actorOf(context), text(data, 'sessionId')),
      'Het overleg is geannuleerd; de casussen zijn doorgeschoven en de betrokkenen krijgen bericht.',
    ),
  );
  onCardAction<Data>(app, Verb.sessionAdd, async (context, data) =>
    changed(
      context,
      data,
      await addExtraSession(deps, actorOf(context), text(data, 'tableId'), formValuesOf(data)),
      'Het extra overleg is toegevoegd.',
    ),
  );

  // In a channel, with an @mention (Teams strips it): this channel becomes where the table's agenda goes.
  app.message(/^\s*tafel koppelen\s*$/i, async (context) => {
    if (conversationKind(context.activity) !== 'channel' && !meetingIdOf(context)) {
      await context.sendActivity(
        'Typ dit in het kanaal van de overlegtafel, met @Casusbot ervoor: "@Casusbot tafel koppelen".',
      );
      return;
    }
    assertCan(actorOf(context), 'tables.manage');
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(linkChannelCard(await listTables(deps.db)))] });
  });
  onCardAction<Data>(app, Verb.tableLink, async (context, data) => {
    const meetingId = meetingIdOf(context);
    if (conversationKind(context.activity) !== 'channel') {
      // The chat of a Teams meeting outside a channel: its start and end reach the table; the agenda stays where it is.
      if (!meetingId)
        return 'Een tafel koppel je in het kanaal zelf, of in de chat van het Teams-overleg van de tafel.';
      const table = await linkMeeting(deps, actorOf(context), text(data, 'tableId'), meetingId);
      return `Dit Teams-overleg hoort nu bij tafel ${table.name}: als het begint, opent het casusoverleg.`;
    }
    const conversationId = context.activity.conversation.id.split(';')[0]!;
    const table = await linkChannel(deps, actorOf(context), text(data, 'tableId'), conversationId, meetingId);
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
