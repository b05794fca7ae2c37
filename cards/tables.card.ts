import { randomUUID } from 'node:crypto';
import type { TableOverview } from '../src/conferences/tables.ts';
import type { SessionView } from '../src/conferences/session.repository.ts';
import type { TableView } from '../src/conferences/table.repository.ts';
import { capacityOf } from '../src/conferences/schedule.ts';
import { card, execute, facts, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { choiceField, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { formatSession, sessionStatusLabels, weekdayLabels } from './labels.ts';
import { Verb } from './verbs.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

/** Timezones of the Dutch kingdom; another IANA name can be typed under "Andere tijdzone". */
export const commonTimeZones = [
  'Europe/Amsterdam',
  'America/Kralendijk',
  'America/Curacao',
  'America/Aruba',
  'America/Lower_Princes',
] as const;

function rhythm(t: TableView): string {
  const s = t.schedule;
  const every = s.intervalWeeks === 1 ? 'elke week' : `om de ${s.intervalWeeks} weken`;
  return `${every} op ${weekdayLabels[s.weekday - 1]} om ${s.startTime} (${s.timeZone})`;
}

function showCard(title: string, body: Element[], action: Element): Element {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', version: '1.5', body, actions: [action] } };
}

/** `tafels`: the tables with their next meeting and channel; the procesmanager manages them from here. */
export function tablesCard(tables: TableOverview[], options: { manage: boolean; notice?: string }): AdaptiveCard {
  const body: Element[] = [
    heading('Overlegtafels'),
    ...(options.notice ? [paragraph(options.notice, { color: 'Accent' })] : []),
  ];
  if (!tables.length) body.push(paragraph('Er zijn nog geen overlegtafels.', { subtle: true }));
  for (const t of tables) {
    body.push(subheading(t.closedAt ? `${t.name} (gesloten)` : t.name));
    body.push(
      facts([
        ['Ritme', rhythm(t)],
        [
          'Volgende overleg',
          t.nextSession ? formatSession(t.nextSession.startsAt, t.schedule.timeZone) : 'geen gepland',
        ],
        [
          'Per overleg',
          `${capacityOf(t.schedule)} casussen van ${t.schedule.minutesPerCase} minuten (${t.schedule.sessionMinutes} minuten)`,
        ],
        ['Agenda naar kanaal', `${t.agendaLeadHours} uur vooraf`],
        ['Kanaal', t.channelConversationId ? 'Gekoppeld' : 'Nog niet gekoppeld'],
        ['Voorzitter', t.chair?.name ?? 'De procesmanager'],
      ]),
    );
    if (options.manage && !t.closedAt) {
      body.push({
        type: 'ActionSet',
        actions: [
          ...(t.nextSession ? [execute('Agenda', Verb.agendaShow, { sessionId: t.nextSession.id })] : []),
          execute('Sessies', Verb.tableSessions, { tableId: t.id }),
          execute('Bewerken', Verb.tableForm, { tableId: t.id }),
          showCard(
            'Sluiten',
            [paragraph('Een gesloten tafel plant geen overleggen meer; de geschiedenis blijft bewaard.')],
            execute('Tafel sluiten', Verb.tableClose, { tableId: t.id }, { style: 'destructive' }),
          ),
        ],
      });
    }
  }
  return card(body, options.manage ? [execute('Nieuwe tafel', Verb.tableForm)] : []);
}

export interface TableFormView {
  tableId?: string;
  values: FormValues;
  errors?: FieldErrors;
  partners: { id: string; name: string }[];
  members: { id: string; displayName: string; organisationName: string }[];
}

/** The values of an existing table, as the form shows them. */
export function tableFormValues(t: TableView): FormValues {
  const s = t.schedule;
  return {
    name: t.name,
    organisationIds: t.organisationIds.join(','),
    chair: t.chair?.memberId ?? 'processManager',
    timeZone: s.timeZone,
    weekday: String(s.weekday),
    startTime: s.startTime,
    anchorDate: s.anchorDate,
    intervalWeeks: String(s.intervalWeeks),
    sessionMinutes: String(s.sessionMinutes),
    minutesPerCase: String(s.minutesPerCase),
    agendaLeadHours: String(t.agendaLeadHours),
  };
}

export const newTableDefaults: FormValues = {
  timeZone: 'America/Kralendijk',
  weekday: '2',
  startTime: '10:00',
  intervalWeeks: '2',
  sessionMinutes: '120',
  minutesPerCase: '15',
  agendaLeadHours: '24',
  chair: 'processManager',
};

export function tableFormCard(v: TableFormView): AdaptiveCard {
  const values = v.values;
  const errors = v.errors ?? {};
  const zones = [...new Set([...commonTimeZones, ...(values.timeZone ? [values.timeZone] : [])])];
  const number = (id: string, label: string, placeholder: string) =>
    textField(id, label, values, errors, { required: true, placeholder, maxLength: 4 });
  return card(
    [
      heading(v.tableId ? 'Overlegtafel bewerken' : 'Nieuwe overlegtafel'),
      ...formErrorSummary(errors),
      ...textField('name', 'Naam', values, errors, { required: true, maxLength: 100 }),
      ...choiceField(
        'organisationIds',
        'Partners aan deze tafel',
        v.partners.map((p) => ({ title: p.name, value: p.id })),
        values,
        errors,
        { multi: true, placeholder: 'Kies partners' },
      ),
      ...choiceField(
        'chair',
        'Voorzitter',
        [
          { title: 'De procesmanager', value: 'processManager' },
          ...v.members.map((m) => ({ title: personWithOrganisation(m.displayName, m.organisationName), value: m.id })),
        ],
        values,
        errors,
      ),
      subheading('Ritme'),
      ...choiceField(
        'timeZone',
        'Tijdzone',
        zones.map((z) => ({ title: z, value: z })),
        values,
        errors,
      ),
      ...choiceField(
        'weekday',
        'Weekdag',
        weekdayLabels.map((d, i) => ({ title: d, value: String(i + 1) })),
        values,
        errors,
      ),
      ...textField('startTime', 'Begintijd (uu:mm)', values, errors, {
        required: true,
        placeholder: '10:00',
        maxLength: 5,
      }),
      ...withDate('anchorDate', 'Datum van een overleg in dit ritme', values, errors),
      ...number('intervalWeeks', 'Om de hoeveel weken', '2'),
      ...number('sessionMinutes', 'Duur van een overleg (minuten)', '120'),
      ...number('minutesPerCase', 'Minuten per casus', '15'),
      ...number('agendaLeadHours', 'Agenda naar het kanaal, uren vooraf', '24'),
    ],
    [
      execute(
        v.tableId ? 'Opslaan' : 'Tafel aanmaken',
        Verb.tableSave,
        v.tableId ? { tableId: v.tableId } : { submissionId: randomUUID() },
        {
          style: 'positive',
        },
      ),
      execute('Annuleren', Verb.tableList),
    ],
  );
}

function withDate(id: string, label: string, values: FormValues, errors: FieldErrors): Element[] {
  const input: Element = {
    type: 'Input.Date',
    id,
    label,
    ...(values[id] ? { value: values[id] } : {}),
    isRequired: true,
    errorMessage: 'Kies een datum.',
  };
  return errors[id]
    ? [input, { type: 'TextBlock', text: errors[id], color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }]
    : [input];
}

/**
 * The ids of the date and time inputs of one card action. The inputs of all show cards of a card share one id space
 * (and Teams may send them all), so each session's "Verplaatsen" has its own pair; the handler of sessions.move reads
 * and reports errors under these keys. The extra meeting ("Extra overleg", sessions.add) keeps `date` and `time`.
 */
export type TimeInputIds = { date: string; time: string };
export const moveInputIds = (sessionId: string): TimeInputIds => ({
  date: `date_${sessionId}`,
  time: `time_${sessionId}`,
});
export const extraSessionInputIds: TimeInputIds = { date: 'date', time: 'time' };

function timeInputs(ids: TimeInputIds, values: FormValues, errors: FieldErrors): Element[] {
  return [
    ...withDate(ids.date, 'Datum', values, errors),
    ...textField(ids.time, 'Tijd (uu:mm)', values, errors, { required: true, placeholder: '10:00', maxLength: 5 }),
  ];
}

export interface SessionsView {
  table: TableView;
  sessions: (SessionView & { itemCount: number; local: { date: string; time: string } })[];
  notice?: string;
  /** Keyed by input id: moveInputIds(sessionId) for a move, extraSessionInputIds for an extra meeting. */
  errors?: FieldErrors;
  /** What was typed, keyed by input id, kept when the card comes back with errors. */
  values?: FormValues;
}

/** The coming meetings of one table: move, cancel, or add an extra one. */
export function sessionsCard(v: SessionsView): AdaptiveCard {
  const t = v.table;
  const errors = v.errors ?? {};
  const typed = v.values ?? {};
  const timeValues = (ids: TimeInputIds, fallback: FormValues): FormValues => ({
    [ids.date]: typed[ids.date] ?? fallback.date,
    [ids.time]: typed[ids.time] ?? fallback.time,
  });
  const body: Element[] = [
    heading(`Overleggen ${t.name}`),
    paragraph(`Tijden in ${t.schedule.timeZone}.`, { subtle: true }),
    ...(v.notice ? [paragraph(v.notice, { color: 'Accent' })] : []),
    ...formErrorSummary(errors),
  ];
  for (const s of v.sessions) {
    const cancelled = s.status === 'cancelled';
    body.push(
      paragraph(
        `**${formatSession(s.startsAt, t.schedule.timeZone)}** · ${sessionStatusLabels[s.status]} · ${s.itemCount} van ${capacityOf(t.schedule)} casussen${s.agendaPublishedAt ? ' · agenda gepubliceerd' : ''}`,
      ),
    );
    if (cancelled) continue;
    const ids = moveInputIds(s.id);
    body.push({
      type: 'ActionSet',
      actions: [
        execute('Agenda', Verb.agendaShow, { sessionId: s.id }),
        showCard(
          'Verplaatsen',
          timeInputs(ids, timeValues(ids, s.local), errors),
          execute('Verplaatsen', Verb.sessionMove, { sessionId: s.id, tableId: t.id }),
        ),
        showCard(
          'Annuleren',
          [
            paragraph(
              s.itemCount
                ? 'De casussen gaan naar het eerstvolgende overleg met plaats; de betrokkenen krijgen bericht.'
                : 'Er staan geen casussen op.',
            ),
          ],
          execute(
            'Overleg annuleren',
            Verb.sessionCancel,
            { sessionId: s.id, tableId: t.id },
            { style: 'destructive' },
          ),
        ),
      ],
    });
  }
  return card(body, [
    showCard(
      'Extra overleg',
      timeInputs(extraSessionInputIds, timeValues(extraSessionInputIds, { time: t.schedule.startTime }), errors),
      execute('Extra overleg toevoegen', Verb.sessionAdd, { tableId: t.id, submissionId: randomUUID() }),
    ),
    execute('Tafels', Verb.tableList),
  ]);
}

/** In the channel, for `tafel koppelen`: which table's agenda goes here. Names of tables only. */
export function linkChannelCard(tables: TableView[]): AdaptiveCard {
  if (!tables.length)
    return card([
      heading('Tafel koppelen'),
      paragraph('Er zijn nog geen overlegtafels. Maak er eerst een met "tafels" in een persoonlijke chat.'),
    ]);
  return card(
    [
      heading('Tafel koppelen'),
      paragraph('Kies de overlegtafel waarvan de agenda in dit kanaal moet verschijnen.'),
      ...choiceField(
        'tableId',
        'Overlegtafel',
        tables.map((t) => ({ title: t.name, value: t.id })),
        { tableId: tables[0]!.id },
        {},
      ),
    ],
    [execute('Koppelen', Verb.tableLink, {}, { style: 'positive' })],
  );
}

export function channelLinkedCard(table: TableView): AdaptiveCard {
  return card([
    heading('Kanaal gekoppeld'),
    paragraph(
      `De agenda van tafel ${table.name} verschijnt voortaan in dit kanaal, ${table.agendaLeadHours} uur voor elk overleg. Er staan geen persoonsgegevens in: alleen kenmerken, tijden en organisaties.`,
      { color: 'Accent' },
    ),
  ]);
}
