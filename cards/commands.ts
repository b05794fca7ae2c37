import type { Permission } from '../src/access/policy.ts';
import { Verb } from './verbs.ts';

/**
 * What can be typed to the bot: the one registry. The bot wires each command's words and button to its handler
 * (`registerCommand` in bot/teams/routes.ts); the help card, the Teams manifest's command list, the gate for
 * those who work on no case and the fallback's suggestions all read it from here.
 */
export interface BotCommand {
  /** As the help card and the manifest show it; its words are what is typed. */
  title: string;
  description: string;
  /** What is typed, when it differs from the title (another spelling, or the title with a placeholder). */
  words?: readonly string[];
  /** A case reference follows the words (`casus ZVH-2026-0001`); `optional`: it may. */
  reference?: 'required' | 'optional';
  /** Its answer names people or cases: answered in personal chat only. */
  personalOnly?: boolean;
  /** The button that gives what typing it gives (on the help card and elsewhere), answered by the same handler. */
  button?: Verb;
  /** What the person must be allowed (src/access/policy.ts) to see it in the help card and as a suggestion; absent: everyone. */
  permission?: Permission;
  /** The task it belongs to on the help card; absent: not listed there (`hulp` itself). */
  group?: CommandGroup;
  /** Also for those who work on no case (the stuurgroeplid): the gate lets its words and its feature's buttons by. */
  forAll?: boolean;
  /** Typed with an @mention in a channel: in the help card, not in the manifest (Teams allows 10 commands there). */
  channelOnly?: boolean;
  /** In the help card only: Teams offers at most ten commands, and this one is reached from another card as well. */
  helpOnly?: boolean;
  /** What is typed, when words and a reference do not say it (a person named after the words). */
  pattern?: RegExp;
}

/** The tasks the help card groups the commands by, in this order. */
export const commandGroups = ['Aanmelden', 'Overleg', 'Acties', 'Casussen', 'Beheer', 'Cijfers en privacy'] as const;
export type CommandGroup = (typeof commandGroups)[number];

export const Command = {
  help: {
    title: 'hulp',
    words: ['hulp', 'help', '?'],
    description: 'Laat zien wat Casusbot kan',
    forAll: true,
  },
  refer: {
    title: 'aanmelden',
    description: 'Een casus aanmelden voor het casusoverleg',
    personalOnly: true,
    permission: 'referrals.submit',
    group: 'Aanmelden',
  },
  myReferrals: {
    title: 'mijn aanmeldingen',
    description: 'De stand van jouw aanmeldingen',
    personalOnly: true,
    button: Verb.referralMine,
    permission: 'referrals.submit',
    group: 'Aanmelden',
  },
  cases: {
    title: 'casussen',
    description: 'De casussen waarbij jouw organisatie betrokken is',
    personalOnly: true,
    button: Verb.caseList,
    permission: 'cases.work',
    group: 'Casussen',
  },
  agenda: {
    title: 'agenda',
    description: 'De komende overleggen met de casussen van jouw organisatie',
    permission: 'agenda.view',
    group: 'Overleg',
  },
  tables: {
    title: 'tafels',
    description: 'De overlegtafels, hun ritme en volgende overleg',
    button: Verb.tableList,
    permission: 'tables.list',
    group: 'Overleg',
  },
  myActions: {
    title: 'mijn acties',
    description: 'Jouw open acties en die van jouw organisatie',
    personalOnly: true,
    button: Verb.actionMine,
    permission: 'cases.work',
    group: 'Acties',
  },
  myCases: {
    title: 'mijn casussen',
    description: 'De casussen waarvan jij casusregisseur bent',
    personalOnly: true,
    button: Verb.caseMine,
    permission: 'cases.work',
    group: 'Casussen',
  },
  shadowList: {
    title: 'schaduwlijst',
    description: 'Casussen op de schaduwlijst en wanneer ze terugkomen',
    personalOnly: true,
    button: Verb.shadowList,
    helpOnly: true,
    permission: 'shadowList.view',
    group: 'Casussen',
  },
  case: {
    title: 'casus ZVH-…',
    words: ['casus'],
    reference: 'required',
    description: 'Eén casus opzoeken met zijn kenmerk, bijvoorbeeld "casus ZVH-2026-0001"',
    personalOnly: true,
    helpOnly: true,
    permission: 'cases.work',
    group: 'Casussen',
  },
  linkTable: {
    title: 'tafel koppelen',
    description: 'In een kanaal: de agenda van een tafel hier laten verschijnen',
    channelOnly: true,
    permission: 'tables.manage',
    group: 'Beheer',
  },
  startSession: {
    title: 'overleg starten',
    description: 'In het kanaal van de tafel: het overleg van vandaag openen (voorzitter)',
    channelOnly: true,
    permission: 'sessions.run',
    group: 'Overleg',
  },
  informing: {
    title: 'informeren',
    description: 'Betrokkenen die nog geïnformeerd moeten worden over de bespreking van hun casus',
    personalOnly: true,
    button: Verb.informingDue,
    helpOnly: true,
    permission: 'informing.record',
    group: 'Casussen',
  },
  handover: {
    title: 'overdragen ZVH-…',
    words: ['overdragen'],
    reference: 'required',
    description: 'Een casus overdragen aan een andere tafel of een extern gremium (regisseur, procesmanager)',
    personalOnly: true,
    helpOnly: true,
    permission: 'regie.direct',
    group: 'Casussen',
  },
  reassessment: {
    title: 'herbeoordeling',
    description: 'Inbreng die na een nieuw doel opnieuw beoordeeld moet worden',
    personalOnly: true,
    button: Verb.reassessmentList,
    helpOnly: true,
    permission: 'consent.answer',
    group: 'Casussen',
  },
  inzage: {
    title: 'inzage',
    description: 'Alles wat over één persoon is vastgelegd, als document (AVG artikel 15)',
    personalOnly: true,
    button: Verb.inzageForm,
    helpOnly: true,
    permission: 'inzage.produce',
    group: 'Cijfers en privacy',
  },
  notices: {
    title: 'meldingen',
    description: 'Berichten van Casusbot die niet zijn aangekomen, aan wie en sinds wanneer',
    personalOnly: true,
    button: Verb.noticeList,
    helpOnly: true,
    permission: 'notices.manage',
    group: 'Beheer',
  },
  confidentiality: {
    title: 'geheimhouding',
    description: 'De geheimhoudingsverklaring lezen en aanvaarden; de procesmanager stelt de tekst vast',
    personalOnly: true,
    button: Verb.statementShow,
    helpOnly: true,
    permission: 'cases.work',
    group: 'Casussen',
  },
  logbook: {
    title: 'logboek ZVH-…',
    words: ['logboek'],
    reference: 'optional',
    description: 'Wie wat van een casus zag of wijzigde, wanneer en waarvoor; "logboek" alleen: wie opvalt',
    personalOnly: true,
    helpOnly: true,
    permission: 'logbook.view',
    group: 'Cijfers en privacy',
  },
  employeeLogbook: {
    title: 'logboek @naam',
    words: ['logboek medewerker'],
    // `logboek @Ruben Croes` (typed, or a Teams mention: <at>Ruben Croes</at>), or `logboek medewerker` to choose.
    pattern: /^\s*logboek\s+(?:medewerker|@\S.*|<at>.+)\s*$/i,
    description: 'Wat één medewerker zag en wijzigde, per casus en activiteit; "logboek medewerker" om te kiezen',
    personalOnly: true,
    helpOnly: true,
    permission: 'logbook.viewEmployee',
    group: 'Cijfers en privacy',
  },
  logbookCheck: {
    title: 'logboek controleren',
    description: 'Nagaan of het logboek intact is: niets gewijzigd of verwijderd',
    personalOnly: true,
    helpOnly: true,
    permission: 'logbook.view',
    group: 'Cijfers en privacy',
  },
  figures: {
    title: 'cijfers',
    description: 'De kengetallen per kwartaal of jaar, zonder persoonsgegevens',
    personalOnly: true,
    button: Verb.figuresShow,
    forAll: true,
    permission: 'figures.view',
    group: 'Cijfers en privacy',
  },
  linkSteeringGroup: {
    title: 'stuurgroep koppelen',
    description: 'In het kanaal van de stuurgroep: daar na elk kwartaal de kengetallen laten verschijnen',
    channelOnly: true,
    permission: 'figures.linkChannel',
    group: 'Cijfers en privacy',
  },
  members: {
    title: 'leden',
    description: 'Overzicht van de geregistreerde deelnemers',
    button: Verb.memberList,
    permission: 'members.list',
    group: 'Beheer',
  },
  addMember: {
    title: 'lid toevoegen',
    description: 'Een Teams-gebruiker registreren bij een organisatie',
    button: Verb.memberForm,
    helpOnly: true,
    permission: 'members.register',
    group: 'Beheer',
  },
} as const satisfies Record<string, BotCommand>;

export const botCommands: readonly BotCommand[] = Object.values(Command);

/** What is typed for a command, first the usual spelling. */
export function wordsOf(command: BotCommand): readonly string[] {
  return command.words ?? [command.title];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/** The typed form of a command: its words, the reference where it takes one, any case and spacing. */
export function commandPattern(command: BotCommand): RegExp {
  if (command.pattern) return command.pattern;
  const reference =
    command.reference === 'required'
      ? '\\s+ZVH-\\d{4}-\\d{1,6}'
      : command.reference === 'optional'
        ? '(?:\\s+ZVH-\\d{4}-\\d{1,6})?'
        : '';
  return new RegExp(`^\\s*(?:${wordsOf(command).map(escape).join('|')})${reference}\\s*$`, 'i');
}

/** The command typed in `text`, if any. */
export function commandTyped(text: string): BotCommand | undefined {
  return botCommands.find((c) => commandPattern(c).test(text));
}

/** The prefix of a verb (`figures` of `figures.export`): it names the feature, and the file, that answers it. */
export const verbPrefix = (verb: string) => verb.split('.')[0]!;

/** Whether those who work on no case may type this, or click this verb: the features of the commands for all. */
export function openToAll(typed: { text?: string; verb?: string }): boolean {
  const open = botCommands.filter((c) => c.forAll);
  if (typed.text !== undefined) return open.some((c) => commandPattern(c).test(typed.text!));
  return open.some((c) => c.button !== undefined && verbPrefix(c.button) === verbPrefix(typed.verb ?? ''));
}

/** What the fallback offers for a message no command matched: the closest command, or a search by reference. */
export interface Suggestion {
  command: BotCommand;
  /** "casus 0084": the reference typed, to search `casussen` for. */
  search?: string;
}

/**
 * The command closest to what was typed, for "bedoel je …?", among those `may` allows this person: the same first
 * letters, a word of a longer command ("acties" in "mijn acties"), or one or two typos off. "casus 0084", a part of a
 * reference, becomes a search in `casussen`.
 */
export function suggestCommand(
  text: string,
  may: (command: BotCommand) => boolean = () => true,
): Suggestion | undefined {
  const partOfReference = /^\s*casus\s+([A-Za-z0-9-]{1,20})\s*$/i.exec(text);
  if (partOfReference && may(Command.cases)) return { command: Command.cases, search: partOfReference[1]! };
  const typed = text.trim().toLowerCase().split(/\s+/).slice(0, 2).join(' ');
  if (!typed) return undefined;
  let best: { command: BotCommand; distance: number } | undefined;
  for (const command of botCommands.filter(may)) {
    for (const word of wordsOf(command)) {
      if (word.length < 3) continue;
      const distance = distanceTo(typed, word);
      if (distance <= Math.min(2, Math.floor(word.length / 3)) && (!best || distance < best.distance))
        best = { command, distance };
    }
  }
  return best && { command: best.command };
}

/** 0 for the start of the command, 1 for one of its words in full, else the typos between them. */
function distanceTo(typed: string, word: string): number {
  if (typed.length >= 3 && word.startsWith(typed)) return 0;
  if (typed.length >= 4 && word.split(' ').includes(typed)) return 1;
  return editDistance(typed, word);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The commands Teams offers in its compose box (the manifest holds at most ten). */
export const manifestCommands = botCommands
  .filter((c) => !c.channelOnly && !c.helpOnly)
  .map(({ title, description }) => ({ title, description }));

/**
 * The message extension: its search command (the manifest's `composeExtensions`, in any chat's compose box) and
 * the path of a link to a case (`<PUBLIC_URL>/casus/ZVH-…`), which unfurls into the same card.
 */
export const caseSearch = {
  commandId: 'casusZoeken',
  parameter: 'kenmerk',
  linkPath: '/casus/',
} as const;

/** The case reference a link to a case names, upper case; undefined for any other link. */
export function referenceInLink(url: string | undefined): string | undefined {
  const match = /\/casus\/(ZVH-\d{4}-\d{4,})(?:[/?#]|$)/i.exec(url ?? '');
  return match?.[1]!.toUpperCase();
}
