import type { AgendaItemView, AgendaView } from '../src/conferences/agenda.ts';
import { draftFingerprint, type AgendaChanges } from '../src/conferences/publish-now.ts';
import {
  card,
  execute,
  heading,
  paragraph,
  showCard,
  subheading,
  type AdaptiveCard,
  type Element,
} from './adaptive.ts';
import { choiceField } from './form.ts';
import {
  formatDate,
  formatSession,
  formatTime,
  lifeDomainLabels,
  reasonLabels,
  sessionStatusLabels,
} from './labels.ts';
import { Verb } from './verbs.ts';

/** Teams refreshes a card for at most 60 listed users. */
export const maxRefreshUsers = 60;

const when = (a: AgendaView) => formatSession(a.session.startsAt, a.table.timeZone);
const slotText = (a: AgendaView, i: AgendaItemView) =>
  i.slot
    ? `${formatTime(i.slot.start, a.table.timeZone)}–${formatTime(i.slot.end, a.table.timeZone)}`
    : 'nog geen tijd';

/**
 * An item's line. The channel shows time and reference only; why a case is back (overdue actions, the
 * schaduwlijst) is said only to those who may see the case.
 */
function itemLine(a: AgendaView, i: AgendaItemView, withReason: boolean): string {
  return `**${slotText(a, i)}** · ${i.reference}${withReason ? ` · ${reasonLabels[i.reason]}` : ''}`;
}
const invitedLine = (i: AgendaItemView) =>
  paragraph(`Uitgenodigd: ${i.invitedOrganisations.map((o) => o.name).join(', ') || 'nog geen organisatie'}`, {
    subtle: true,
  });

/** "Overleg starten": on every agenda view the chair sees, while the meeting can still be held. */
function startButtons(a: AgendaView, chairing = true): Element[] {
  const startable = a.session.status !== 'cancelled' && a.session.status !== 'held' && !a.session.closedAt;
  return chairing && startable ? [execute('Overleg starten', Verb.sessionOpen, { sessionId: a.session.id })] : [];
}

function sessionState(a: AgendaView): Element[] {
  if (a.session.status === 'cancelled')
    return [
      paragraph('Dit overleg gaat niet door. De casussen zijn naar een volgend overleg verplaatst.', {
        color: 'Attention',
      }),
    ];
  if (a.session.status === 'moved')
    return [paragraph('Dit overleg is verplaatst naar het tijdstip hierboven.', { color: 'Warning' })];
  return [];
}

/**
 * The agenda in the table's channel: everyone at the table reads it, so it holds references, times and
 * organisations only. "Mijn deel" answers each person with their own view; in Teams the card also
 * refreshes itself for the invited participants (`refreshFor`, Teams user ids).
 */
export function channelAgendaCard(a: AgendaView, refreshFor: string[] = []): AdaptiveCard {
  const mine = execute('Mijn deel', Verb.agendaMine, { sessionId: a.session.id });
  const items = a.session.status === 'cancelled' ? [] : a.items;
  const body: Element[] = [
    heading(`Agenda ${a.table.name}`),
    paragraph(when(a)),
    ...sessionState(a),
    ...(items.length || a.session.status === 'cancelled'
      ? []
      : [paragraph('Er staan geen casussen op de agenda.', { subtle: true })]),
    ...items.flatMap((i) => [paragraph(itemLine(a, i, false)), invitedLine(i)]),
    paragraph(
      'In dit kanaal staan geen persoonsgegevens. Kies "Mijn deel" voor de casussen waarvoor jouw organisatie is uitgenodigd.',
      { subtle: true },
    ),
  ];
  const users = refreshFor.slice(0, maxRefreshUsers);
  // Everyone at the table sees the button; only the chair's click opens the meeting.
  return card(body, [mine, ...startButtons(a)], users.length ? { refresh: { action: mine, userIds: users } } : {});
}

/** "Mijn deel": the same agenda, with a glance at each case the viewer may see. Only the clicker sees it. */
export function personalAgendaCard(a: AgendaView & { visibleCount: number; chairing?: boolean }): AdaptiveCard {
  const body: Element[] = [
    heading(`Mijn deel: agenda ${a.table.name}`),
    paragraph(when(a)),
    ...sessionState(a),
    paragraph(
      a.visibleCount
        ? 'Alleen jij ziet dit overzicht. Deel het niet in het kanaal.'
        : 'Jouw organisatie is voor geen van deze casussen uitgenodigd.',
      { subtle: true },
    ),
  ];
  for (const i of a.session.status === 'cancelled' ? [] : a.items) {
    body.push(paragraph(itemLine(a, i, Boolean(i.glance))));
    if (i.glance) {
      body.push({
        type: 'FactSet',
        facts: [
          ...(i.glance.firstPersonName ? [{ title: 'Betrokkene', value: i.glance.firstPersonName }] : []),
          {
            title: 'Leefgebieden',
            value: i.glance.lifeDomains.map((d) => lifeDomainLabels[d]).join(', ') || 'niet ingevuld',
          },
          { title: 'Op gezag van', value: i.glance.responsibleOrganisationName ?? 'niet opgegeven' },
        ],
      });
    }
    body.push(invitedLine(i));
  }
  // This card replaces the channel card for whoever clicked "Mijn deel": the chair keeps "Overleg starten".
  return card(body, [
    ...startButtons(a, a.chairing ?? false),
    execute('Vernieuwen', Verb.agendaMine, { sessionId: a.session.id }),
  ]);
}

/** The cases offered to add, oldest reference first: a longer list would not fit in one card. */
export const maxAddableChoices = 30;

export interface DraftAgendaView {
  agenda: AgendaView;
  addable: { id: string; reference: string }[];
  notice?: string;
  /** The agenda post was interrupted and nobody knows whether it reached the channel. */
  postUncertain?: boolean;
  /** The viewer chairs the table: "Overleg starten" is on this card too. */
  chairing?: boolean;
  /** The agenda is being posted now: the card says so, and offers no second publish. */
  posting?: boolean;
  /** "Nu publiceren" found the agenda changed since the draft was shown: what changed, before anything is published. */
  changes?: AgendaChanges;
}

const arrivalWhy: Record<AgendaItemView['reason'], string> = {
  newCase: 'net geaccepteerd voor dit overleg',
  backOnAgenda: 'teruggezet op de agenda',
  returnFromShadowList: 'na zes maanden terug van de schaduwlijst',
  overdueActions: 'een actie is over de termijn, en zo’n casus komt vanzelf op de agenda',
};

/** What changed since the draft was shown, and why; the procesmanager publishes again to confirm. */
function changesBlock(c: AgendaChanges): Element[] {
  const removed = c.removed === 1 ? '1 casus staat' : `${c.removed} casussen staan`;
  return [
    paragraph('Niet gepubliceerd: de agenda is veranderd sinds je hem opende.', { color: 'Attention' }),
    ...c.added.map((x) => paragraph(`Erbij: ${x.reference} · ${reasonLabels[x.reason]} (${arrivalWhy[x.reason]}).`)),
    ...(c.removed
      ? [paragraph(`${removed} er niet meer op (van de agenda gehaald, of doorgeschoven omdat de agenda vol is).`)]
      : []),
    ...(c.reordered ? [paragraph('De volgorde is veranderd.')] : []),
    paragraph('Kijk de agenda hieronder na. Kies opnieuw "Nu publiceren" om precies deze agenda te publiceren.', {
      subtle: true,
    }),
  ];
}

/** Per item: to the top in one click, or off the agenda. Any other place is chosen under "Verplaatsen". */
function itemActions(sessionId: string, itemId: string, index: number): Element[] {
  return [
    ...(index > 0 ? [execute('Bovenaan', Verb.agendaEdit, { sessionId, action: 'move', itemId, place: '1' })] : []),
    execute('Van de agenda halen', Verb.agendaEdit, { sessionId, action: 'remove', itemId }, { style: 'destructive' }),
  ];
}

/** The inputs of "Verplaatsen": which case, to which place (their own ids, apart from the buttons' data). */
export const MoveInput = { item: 'moveItemId', place: 'movePlace' } as const;

/** "Verplaatsen": a case to any place in one step. */
function moveAction(a: AgendaView): Element {
  const count = a.items.length;
  const label = (p: number) => (p === 1 ? '1 (bovenaan)' : p === count ? `${p} (onderaan)` : String(p));
  return showCard(
    'Verplaatsen',
    [
      ...choiceField(
        MoveInput.item,
        'Welke casus?',
        a.items.map((i, n) => ({ title: `${n + 1}. ${i.reference}`, value: i.id })),
        {},
        {},
      ),
      ...choiceField(
        MoveInput.place,
        'Naar plaats',
        Array.from({ length: count }, (_, k) => ({ title: label(k + 1), value: String(k + 1) })),
        {},
        {},
      ),
    ],
    execute('Verplaatsen', Verb.agendaEdit, { sessionId: a.session.id, action: 'move' }),
  );
}

/** The procesmanager's working copy: reorder, add, remove, publish. */
export function draftAgendaCard(v: DraftAgendaView): AdaptiveCard {
  const a = v.agenda;
  const sessionId = a.session.id;
  const open = a.session.status !== 'cancelled' && a.session.status !== 'held';
  const status = a.session.agendaPublishedAt
    ? `Gepubliceerd op ${formatDate(a.session.agendaPublishedAt, a.table.timeZone)}. Wijzigingen verschijnen meteen in het kanaal.`
    : v.posting
      ? 'Bezig met publiceren: de agenda gaat nu naar het kanaal, de uitgenodigden krijgen daarna bericht. Kies "Vernieuwen" voor de stand.'
      : `Concept: nog niet gepubliceerd. ${a.table.channelLinked ? 'De agenda gaat vanzelf naar het kanaal op het ingestelde moment.' : 'Deze tafel heeft nog geen kanaal: typ in het kanaal "@Casusbot tafel koppelen".'}`;
  const body: Element[] = [
    heading(`Agenda ${a.table.name}`),
    paragraph(`${when(a)} · ${sessionStatusLabels[a.session.status]}`),
    paragraph(status, v.posting ? { color: 'Accent' } : { subtle: true }),
    ...(v.notice ? [paragraph(v.notice, { color: 'Accent' })] : []),
    ...(v.changes ? changesBlock(v.changes) : []),
    ...(v.postUncertain
      ? [
          paragraph(
            'Het plaatsen van deze agenda is onderbroken. Kijk in het kanaal of hij er staat en kies hieronder.',
            { color: 'Attention' },
          ),
        ]
      : []),
    paragraph(
      `${a.items.length} van ${a.table.capacity} plaatsen bezet (${a.table.minutesPerCase} minuten per casus).`,
      { subtle: true },
    ),
  ];
  a.items.forEach((i, n) => {
    body.push(paragraph(`${n + 1}. ${itemLine(a, i, true)}`), invitedLine(i));
    if (open) body.push({ type: 'ActionSet', actions: itemActions(sessionId, i.id, n) });
  });
  if (!a.items.length) body.push(paragraph('Er staan nog geen casussen op deze agenda.', { subtle: true }));
  if (a.overflow.length)
    body.push(
      subheading('Past niet meer'),
      ...a.overflow.map((i) => paragraph(`${i.reference} · ${reasonLabels[i.reason]}`, { color: 'Warning' })),
    );
  const actions: Element[] = [];
  if (open && v.addable.length) {
    actions.push({
      type: 'Action.ShowCard',
      title: 'Casus toevoegen',
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          ...choiceField(
            'caseId',
            'Geaccepteerde casus zonder datum',
            v.addable.slice(0, maxAddableChoices).map((c) => ({ title: c.reference, value: c.id })),
            {},
            {},
          ),
          ...(v.addable.length > maxAddableChoices
            ? [
                paragraph(
                  `De eerste ${maxAddableChoices} van ${v.addable.length}; voeg ze toe en open de lijst opnieuw voor de rest.`,
                  { subtle: true },
                ),
              ]
            : []),
        ],
        actions: [execute('Toevoegen', Verb.agendaEdit, { sessionId, action: 'add' })],
      },
    });
  }
  if (open && a.items.length > 1) actions.push(moveAction(a));
  if (v.postUncertain) {
    actions.push(uncertainActions(sessionId));
  } else if (open && !a.session.agendaPublishedAt && !v.posting) {
    // The button carries the draft as shown: what is published is this, or the card shows what changed first.
    const seen = draftFingerprint(a.items.map((i) => i.id));
    actions.push(execute('Nu publiceren', Verb.agendaPublish, { sessionId, seen }, { style: 'positive' }));
  }
  actions.push(
    ...(a.session.agendaPublishedAt ? startButtons(a, v.chairing ?? false) : []),
    execute('Vernieuwen', Verb.agendaShow, { sessionId }),
    execute('Sessies', Verb.tableSessions, { tableId: a.table.id }),
  );
  return card(body, actions);
}

/** `agenda`: the coming sessions; for a participant only their organisation's items. */
export function myAgendaCard(
  agendas: (AgendaView & { chairing?: boolean })[],
  options: { manage: boolean },
): AdaptiveCard {
  const body: Element[] = [heading('Agenda')];
  if (!agendas.length)
    body.push(paragraph('Er zijn geen komende overleggen aan tafels waar jouw organisatie aan zit.', { subtle: true }));
  for (const a of agendas) {
    body.push(subheading(`${a.table.name} · ${when(a)}`));
    body.push(paragraph(a.session.agendaPublishedAt ? 'Gepubliceerd' : 'Concept', { subtle: true }));
    if (!a.items.length)
      body.push(
        paragraph(options.manage ? 'Nog geen casussen.' : 'Jouw organisatie is (nog) niet uitgenodigd.', {
          subtle: true,
        }),
      );
    body.push(...a.items.flatMap((i) => [paragraph(itemLine(a, i, true)), invitedLine(i)]));
    const buttons = [
      ...(options.manage
        ? [execute('Agenda bewerken', Verb.agendaShow, { sessionId: a.session.id })]
        : a.items.length
          ? [execute('Mijn deel', Verb.agendaMine, { sessionId: a.session.id })]
          : []),
      ...startButtons(a, a.chairing ?? false),
    ];
    if (buttons.length) body.push({ type: 'ActionSet', actions: buttons });
  }
  return card(body, [execute('Vernieuwen', Verb.agendaList)]);
}

/** After an interrupted post: the procesmanager looked in the channel and says what they saw. */
function uncertainActions(sessionId: string): Element {
  return {
    type: 'Action.ShowCard',
    title: 'Staat de agenda in het kanaal?',
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [paragraph('Kijk in het kanaal van de tafel voordat je kiest: zo verschijnt de agenda niet twee keer.')],
      actions: [
        execute('Staat er niet: opnieuw plaatsen', Verb.agendaRepost, { sessionId }, { style: 'positive' }),
        execute('Staat er al', Verb.agendaConfirmPosted, { sessionId }),
      ],
    },
  };
}

/**
 * `@Casusbot agenda` in the channel: where the agenda is, not a second copy of it (that one would never be updated),
 * and any other coming published agenda of the table to choose from.
 */
export function agendaPointerCard(
  a: AgendaView,
  options: { published: { id: string; startsAt: Date }[]; nextUnpublished?: Date } = { published: [] },
): AdaptiveCard {
  const posted = a.session.agendaPublishedAt
    ? ` is op ${formatDate(a.session.agendaPublishedAt, a.table.timeZone)} in dit kanaal geplaatst`
    : ' staat in dit kanaal';
  const others = options.published.filter((s) => s.id !== a.session.id);
  const actions: Element[] = [execute('Mijn deel', Verb.agendaMine, { sessionId: a.session.id }), ...startButtons(a)];
  if (others.length)
    actions.push({
      type: 'Action.ShowCard',
      title: 'Ander overleg',
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: choiceField(
          'sessionId',
          'Welk overleg?',
          others.map((s) => ({ title: formatSession(s.startsAt, a.table.timeZone), value: s.id })),
          {},
          {},
        ),
        actions: [execute('Agenda tonen', Verb.agendaPointer)],
      },
    });
  return card(
    [
      heading(`Agenda ${a.table.name}`),
      paragraph(
        `De agenda van ${when(a)}${posted}. Kies "Mijn deel" voor de casussen waarvoor jouw organisatie is uitgenodigd.`,
      ),
      ...(options.nextUnpublished
        ? [
            paragraph(
              `De agenda van het eerdere overleg van ${formatSession(options.nextUnpublished, a.table.timeZone)} is nog niet gepubliceerd.`,
              { subtle: true },
            ),
          ]
        : []),
    ],
    actions,
  );
}
