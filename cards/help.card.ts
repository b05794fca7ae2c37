import type { MemberRole } from '../src/members/member.types.ts';
import { can } from '../src/access/policy.ts';
import { card, execute, facts, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { botCommands, commandGroups, type BotCommand, type Suggestion } from './commands.ts';
import { worksOnCases } from '../src/access/case-access.ts';
import { roleLabels } from './labels.ts';
import { Verb } from './verbs.ts';

export interface HelpView {
  welcome: boolean;
  /** Absent for someone who is not (yet) a registered member. */
  viewer?: { role: MemberRole; organisationName: string };
  /** In a channel or group chat everyone reads the card: nothing about the viewer, no buttons. */
  shared?: boolean;
}

/**
 * Whether the card lists this command: what the viewer may do (src/access/policy.ts). Where the card is not for
 * one person (a channel, someone not registered yet) it lists what every deelnemer may do.
 */
function listed(command: BotCommand, view: HelpView): boolean {
  const who = view.shared || !view.viewer ? { role: 'participant' as const } : view.viewer;
  return command.permission === undefined || can(who, command.permission);
}

/** The commands per task, in the order of commandGroups; a task with nothing for this person is left out. */
function commandsByTask(view: HelpView): Element[] {
  const commands = botCommands.filter((c) => c.group && listed(c, view));
  return commandGroups.flatMap((group) => {
    const inGroup = commands.filter((c) => c.group === group);
    return inGroup.length ? [subheading(group), facts(inGroup.map((c) => [c.title, c.description]))] : [];
  });
}

function whoLine(view: HelpView, caseWork: boolean): string {
  if (view.shared) return 'Aanmelden en je casussen bekijken doe je in een persoonlijke chat met mij.';
  if (!view.viewer) return 'Je bent nog niet geregistreerd als deelnemer. Vraag de procesmanager om je te registreren.';
  const steering = caseWork
    ? ''
    : ' Je ziet de kengetallen van het Zorg- en Veiligheidshuis, zonder persoonsgegevens; casussen zie je niet.';
  return `Je bent geregistreerd als ${roleLabels[view.viewer.role].toLowerCase()} bij ${view.viewer.organisationName}.${steering}`;
}

/** At most five buttons, each for something the viewer may do. */
function buttons(view: HelpView, caseWork: boolean): Element[] {
  const viewer = view.viewer;
  if (view.shared || !viewer) return [];
  if (!caseWork) return can(viewer, 'figures.view') ? [execute('Cijfers', Verb.figuresShow)] : [];
  return [
    ...(can(viewer, 'referrals.submit') ? [execute('Aanmelden', Verb.referralNew)] : []),
    // The procesmanager rarely refers a case: "mijn aanmeldingen" stays a typed command for them.
    ...(viewer.role !== 'processManager' ? [execute('Mijn aanmeldingen', Verb.referralMine)] : []),
    execute('Casussen', Verb.caseList),
    ...(can(viewer, 'agenda.view') ? [execute('Agenda', Verb.agendaList)] : []),
    ...(can(viewer, 'members.register') ? [execute('Lid toevoegen', Verb.memberForm)] : []),
    ...(can(viewer, 'members.list') ? [execute('Leden', Verb.memberList)] : []),
  ];
}

/** `hulp`: what Casusbot does for this person, grouped by task, with *Mijn acties* on top for who works on cases. */
export function helpCard(view: HelpView): AdaptiveCard {
  const caseWork = !view.viewer || worksOnCases(view.viewer);
  const intro = view.welcome
    ? 'Welkom bij Casusbot. Ik ondersteun het casusoverleg van het Zorg- en Veiligheidshuis: aanmelden, agenda, besluiten en acties, binnen de afspraken van het privacyconvenant.'
    : 'Dit kan ik voor je doen. Typ een opdracht of kies een knop.';
  const mine: Element[] =
    view.viewer && !view.shared && caseWork
      ? [{ type: 'ActionSet', actions: [execute('Mijn acties', Verb.actionMine, {}, { style: 'positive' })] }]
      : [];
  return card(
    [
      heading(view.welcome ? 'Welkom bij Casusbot' : 'Casusbot: wat kan ik?'),
      paragraph(intro),
      paragraph(whoLine(view, caseWork), { subtle: true }),
      ...mine,
      ...commandsByTask(view),
      paragraph('Persoonsgegevens deel je alleen in een persoonlijke chat met Casusbot, nooit in een kanaal.', {
        subtle: true,
      }),
    ],
    buttons(view, caseWork),
  );
}

/**
 * A message no command matched: what was not understood, the closest command this person may use as a question
 * ("Bedoel je mijn acties?") with its button. In a shared conversation words only, no buttons.
 */
export function unknownCommandCard(suggestion: Suggestion | undefined, options: { shared: boolean }): AdaptiveCard {
  const question = !suggestion
    ? 'Dat begrijp ik niet.'
    : suggestion.search !== undefined
      ? `Dat begrijp ik niet. Bedoel je: zoek in **casussen** naar "${suggestion.search}"?`
      : `Dat begrijp ik niet. Bedoel je **${suggestion.command.title}**?`;
  const go = suggestion?.command.button
    ? [
        execute(
          suggestion.search !== undefined ? `Zoek "${suggestion.search}"` : capitalise(suggestion.command.title),
          suggestion.command.button,
          suggestion.search !== undefined ? { search: suggestion.search } : {},
          { style: 'positive' },
        ),
      ]
    : [];
  return card(
    [paragraph(question), paragraph('Typ **hulp** voor een overzicht van wat ik kan.', { subtle: true })],
    options.shared ? [] : go,
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
