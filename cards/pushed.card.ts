import { card, execute, heading, paragraph, type AdaptiveCard, type Element } from './adaptive.ts';
import { formatSession } from './labels.ts';
import { Verb } from './verbs.ts';

/**
 * What the bot sends unasked, and the one place that decides what such a card may hold: a case reference, what
 * kind of message it is (a fixed Dutch text per kind), the meeting it is about, and buttons that carry ids. Never
 * a name, a date of birth, an address or anything typed: a pushed card stays in the chat, in notifications on
 * phones and in Teams' history after Casusbot has deleted the case, and its recipient may have lost the right to
 * read the case by the time they look. The content comes when the person opens the card (the button, or Teams'
 * `refresh` as the card is seen), from the use case that checks need-to-know at that moment
 * (docs/domain.md#pushed-versus-opened).
 */
export const pushedTopics = {
  screeningRequested: {
    title: 'Nieuwe aanmelding',
    line: 'Er is een aanmelding binnengekomen om te screenen.',
    button: 'Screening openen',
  },
  screeningResubmitted: {
    title: 'Aanmelding aangevuld',
    line: 'De aanmelder heeft de aanmelding aangevuld. Beoordeel hem opnieuw.',
    button: 'Screening openen',
  },
  referralAccepted: {
    title: 'Aanmelding geaccepteerd',
    line: 'Je aanmelding is geaccepteerd en staat op de agenda.',
    button: 'Aanmelding openen',
  },
  referralRejected: { title: 'Aanmelding afgewezen', line: 'Je aanmelding is afgewezen.', button: 'Reden lezen' },
  informationRequested: {
    title: 'Vraag over je aanmelding',
    line: 'De procesmanager heeft een vraag over je aanmelding.',
    button: 'Vraag lezen',
  },
  actionAssigned: {
    title: 'Nieuwe actie',
    line: 'Er is een actie voor jouw organisatie afgesproken.',
    button: 'Actie openen',
  },
  actionReassigned: { title: 'Actie voor jou', line: 'Deze actie is aan jou toegewezen.', button: 'Actie openen' },
  actionDueTomorrow: {
    title: 'Herinnering: actie',
    line: 'Herinnering: deze actie moet morgen klaar zijn.',
    button: 'Actie openen',
  },
  actionOverdue: {
    title: 'Actie over tijd',
    line: 'Deze actie had gisteren klaar moeten zijn en staat nog open.',
    button: 'Actie openen',
    color: 'Attention',
  },
  discussionStarted: { title: 'Nu in bespreking', line: 'Deze casus wordt nu besproken.', button: 'Casus openen' },
  sessionClosed: {
    title: 'Verslag',
    line: 'Het overleg is gesloten; je verslag staat klaar.',
    button: 'Verslag openen',
  },
  agendaPublished: {
    title: 'Agenda gepubliceerd',
    line: 'De agenda staat in het kanaal. Jouw organisatie is uitgenodigd voor:',
    button: 'Mijn deel',
  },
  sessionMoved: { title: 'Overleg verplaatst', line: 'Het overleg is verplaatst. Jouw casussen:', button: 'Mijn deel' },
  sessionCancelled: {
    title: 'Overleg gaat niet door',
    line: 'Het overleg is geannuleerd. Deze casussen schuiven door:',
    button: 'Mijn deel',
    color: 'Warning',
  },
  agendaFull: {
    title: 'Agenda vol',
    line: 'De agenda is vol. Deze casussen schuiven door:',
    button: 'Mijn deel',
    color: 'Warning',
  },
  agendaMissed: {
    title: 'Agenda: actie nodig',
    line: 'De agenda is niet in het kanaal geplaatst: het overleg was al begonnen toen de bot weer draaide.',
    button: 'Agenda bekijken',
    color: 'Attention',
  },
  agendaUncertain: {
    title: 'Agenda: actie nodig',
    line: 'De bot stopte terwijl hij de agenda in het kanaal plaatste. Kijk in het kanaal of de agenda er staat, zodat hij niet twee keer verschijnt.',
    button: 'Agenda bekijken',
    color: 'Attention',
  },
  agendaNoChannel: {
    title: 'Agenda: actie nodig',
    line: 'De agenda kon niet worden geplaatst: de tafel heeft geen kanaal. Typ in het kanaal van de tafel "@Casusbot tafel koppelen"; de agenda gaat daarna alsnog uit.',
    button: 'Agenda bekijken',
    color: 'Attention',
  },
  directorNew: {
    title: 'Casusregisseur',
    line: 'Je bent nu casusregisseur van deze casus.',
    button: 'Casus openen',
  },
  directorOld: {
    title: 'Regie overgedragen',
    line: 'Je bent niet langer casusregisseur van deze casus; een ander neemt het over.',
    button: 'Casus openen',
    color: 'Warning',
  },
  proposalMade: {
    title: 'Voorstel om te beslissen',
    line: 'Een casusregisseur stelt voor een casus naar de schaduwlijst te zetten of af te sluiten. Jij beslist.',
    button: 'Voorstel openen',
  },
  proposalDecided: {
    title: 'Besluit over je voorstel',
    line: 'De procesmanager heeft over je voorstel beslist.',
    button: 'Voorstel openen',
  },
  evaluationRequested: {
    title: 'Evaluatie gevraagd',
    line: 'Deze casus is afgesloten. Jouw organisatie wordt gevraagd hem te evalueren.',
    button: 'Evalueren',
  },
  evaluationReminder: {
    title: 'Herinnering: evaluatie',
    line: 'Herinnering: jouw organisatie heeft deze afgesloten casus nog niet geëvalueerd.',
    button: 'Evalueren',
  },
  shadowListReturned: {
    title: 'Terug van de schaduwlijst',
    line: 'Deze casus is terug van de schaduwlijst en staat weer op de agenda: de tafel besluit of hij kan worden afgesloten.',
    button: 'Casus openen',
  },
  shadowListUnbooked: {
    title: 'Terug van de schaduwlijst: geen plek',
    line: 'Deze casus moest terug van de schaduwlijst, maar er is geen overleg met ruimte (of de tafel is gesloten). Casusbot probeert het elke dag opnieuw; zodra er ruimte is kun je hem ook zelf terughalen.',
    button: 'Casus openen',
    color: 'Attention',
  },
  informerNamed: {
    title: 'Betrokkene informeren',
    line: 'In het overleg is afgesproken dat jij de betrokkene informeert over de bespreking. Leg vast wanneer dat is gebeurd.',
    button: 'Casus openen',
  },
  informingReminder: {
    title: 'Herinnering: betrokkene informeren',
    line: 'Herinnering: de termijn om de betrokkene te informeren is verstreken. Leg vast wanneer dat is gebeurd, of waarom nog niet.',
    button: 'Casus openen',
    color: 'Attention',
  },
  consentRequested: {
    title: 'Toestemming gevraagd',
    line: 'Er wordt toestemming gevraagd voor inbreng van jouw organisatie.',
    button: 'Vraag openen',
  },
  consentAnswered: {
    title: 'Antwoord op je vraag om toestemming',
    line: 'Er is gereageerd op je vraag om toestemming.',
    button: 'Openen',
  },
  reassessmentRequested: {
    title: 'Doel gewijzigd',
    line: 'Het doel van een casus is veranderd. Beoordeel of de inbreng van jouw organisatie mag blijven.',
    button: 'Inbreng beoordelen',
  },
  handoverConsentRequested: {
    title: 'Overdracht: toestemming gevraagd',
    line: 'Bij een overdracht zou inbreng van jouw organisatie meegaan. Mag dat?',
    button: 'Overdracht openen',
  },
  handoverReady: {
    title: 'Overdracht klaar',
    line: 'Jouw organisatie meldt deze casus aan bij de andere tafel.',
    button: 'Overdracht openen',
  },
  registrationRequested: {
    title: 'Registratie aangevraagd',
    line: 'Iemand vraagt registratie aan.',
    button: 'Aanvraag openen',
  },
} as const satisfies Record<string, { title: string; line: string; button: string; color?: 'Attention' | 'Warning' }>;
export type PushedTopic = keyof typeof pushedTopics;

/** A button on a pushed card: a verb and the ids it needs, nothing else. */
export interface PushedButton {
  title: string;
  verb: Verb;
  ids: Record<string, string>;
}

/** The meeting a pushed card is about: the table's name and when, in the table's timezone. */
export interface PushedMeeting {
  table: string;
  startsAt: Date;
  timeZone: string;
}

export interface PushedNotice {
  topic: PushedTopic;
  reference?: string;
  meeting?: PushedMeeting;
  /** Where the meeting was before it moved. */
  movedFrom?: Date;
  /** Case references the message lists (an agenda), each with where it goes now when it moved. */
  references?: { reference: string; to?: Date | 'unplanned' }[];
  /** The button that opens the content; with `refreshes`, Teams opens it by itself as the card is seen. */
  open: { verb: Verb; ids: Record<string, string> };
  refreshes: boolean;
  more?: PushedButton[];
}

const referencePattern = /^ZVH-\d{4}-\d{1,6}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses, as a programming error, anything that is not a reference or an id: nothing else may travel. */
function checked(notice: PushedNotice): PushedNotice {
  const references = [notice.reference, ...(notice.references ?? []).map((r) => r.reference)];
  for (const reference of references)
    if (reference !== undefined && !referencePattern.test(reference))
      throw new Error('A pushed card may name a case by its reference only');
  for (const button of [notice.open, ...(notice.more ?? [])])
    for (const value of Object.values(button.ids))
      if (!uuidPattern.test(value)) throw new Error('A pushed card carries ids only');
  return notice;
}

/** The data of a pushed card's button: the ids, and the topic, so the opened card can still say why it came. */
const buttonData = (topic: PushedTopic, ids: Record<string, string>) => ({ ...ids, notice: topic });

/** The card for a message sent unasked; see `pushedTopics`. */
export function pushedCard(notice: PushedNotice): AdaptiveCard {
  const n = checked(notice);
  const topic: { title: string; line: string; button: string; color?: 'Attention' | 'Warning' } = pushedTopics[n.topic];
  const title = n.reference ? `${topic.title}: ${n.reference}` : topic.title;
  const body: Element[] = [heading(title)];
  if (n.meeting) {
    const { table, startsAt, timeZone } = n.meeting;
    body.push(
      paragraph(
        n.movedFrom
          ? `Overleg ${table}: verplaatst van ${formatSession(n.movedFrom, timeZone)} naar ${formatSession(startsAt, timeZone)}.`
          : `Overleg ${table}, ${formatSession(startsAt, timeZone)}`,
      ),
    );
  }
  body.push(paragraph(topic.line, topic.color ? { color: topic.color } : {}));
  for (const r of n.references ?? [])
    body.push(
      paragraph(
        r.to === undefined
          ? `**${r.reference}**`
          : `**${r.reference}** wordt nu besproken ${r.to === 'unplanned' ? 'op een nog te bepalen datum' : n.meeting ? `op ${formatSession(r.to, n.meeting.timeZone)}` : 'in een ander overleg'}.`,
      ),
    );
  if (n.refreshes)
    body.push(paragraph('De inhoud verschijnt als je de kaart opent, voor zover jij hem mag zien.', { subtle: true }));
  const open = execute(topic.button, n.open.verb, buttonData(n.topic, n.open.ids));
  const more = (n.more ?? []).map((b) => execute(b.title, b.verb, buttonData(n.topic, b.ids)));
  return card(body, [open, ...more], n.refreshes ? { refresh: { action: open } } : {});
}

/**
 * An opened card that came from a pushed one keeps saying why it came: the topic's line goes on top. Only a
 * known topic counts; anything else a card sends is ignored.
 */
export function withNoticeLine(opened: AdaptiveCard, notice: unknown): AdaptiveCard {
  if (typeof notice !== 'string' || !Object.hasOwn(pushedTopics, notice)) return opened;
  const topic: { line: string; color?: 'Attention' | 'Warning' } = pushedTopics[notice as PushedTopic];
  return { ...opened, body: [paragraph(topic.line, topic.color ? { color: topic.color } : {}), ...opened.body] };
}

/** What an automatic refresh shows once the content is no longer there for this person. */
export function unavailableCard(): AdaptiveCard {
  return card([
    heading('Niet meer beschikbaar'),
    paragraph(
      'Wat hier stond, is er niet meer of is niet meer voor jou bestemd. Het kan zijn verwijderd, of je hebt er geen toegang meer toe.',
      { subtle: true },
    ),
    paragraph('Typ "hulp" om te zien wat je kunt doen.'),
  ]);
}
