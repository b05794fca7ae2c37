import type { MemberRole } from '../src/members/member.types.ts';
import { card, execute, facts, heading, paragraph, type AdaptiveCard } from './adaptive.ts';
import { botCommands } from './commands.ts';
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

export function helpCard(view: HelpView): AdaptiveCard {
  const caseWork = !view.viewer || worksOnCases(view.viewer);
  const commands = botCommands.filter((c) =>
    c.roles ? !view.shared && view.viewer && c.roles.includes(view.viewer.role) : caseWork || c.forAll,
  );
  const intro = view.welcome
    ? 'Welkom bij Casusbot. Ik ondersteun het casusoverleg van het Zorg- en Veiligheidshuis: aanmelden, agenda, besluiten en acties, binnen de afspraken van het privacyconvenant.'
    : 'Dit kan ik voor je doen. Typ een opdracht of kies een knop.';
  const who = view.shared
    ? 'Aanmelden en je casussen bekijken doe je in een persoonlijke chat met mij.'
    : view.viewer
      ? `Je bent geregistreerd als ${roleLabels[view.viewer.role].toLowerCase()} bij ${view.viewer.organisationName}.${caseWork ? '' : ' Je ziet de kengetallen van het Zorg- en Veiligheidshuis, zonder persoonsgegevens; casussen zie je niet.'}`
      : 'Je bent nog niet geregistreerd als deelnemer. Vraag de procesmanager om je te registreren.';
  const actions = view.shared
    ? []
    : !caseWork
      ? [execute('Cijfers', Verb.figuresShow)]
      : [
          // At most five buttons: the procesmanager rarely refers a case, so "mijn aanmeldingen" stays a typed command for them.
          ...(view.viewer ? [execute('Aanmelden', Verb.referralNew)] : []),
          ...(view.viewer && view.viewer.role !== 'processManager'
            ? [execute('Mijn aanmeldingen', Verb.referralMine)]
            : []),
          ...(view.viewer ? [execute('Casussen', Verb.caseList), execute('Agenda', Verb.agendaList)] : []),
          ...(view.viewer?.role === 'processManager' ? [execute('Lid toevoegen', Verb.memberForm)] : []),
          ...(view.viewer && ['processManager', 'contactPerson'].includes(view.viewer.role)
            ? [execute('Leden', Verb.memberList)]
            : []),
        ];
  return card(
    [
      heading(view.welcome ? 'Welkom bij Casusbot' : 'Casusbot: wat kan ik?'),
      paragraph(intro),
      paragraph(who, { subtle: true }),
      facts(commands.map((c) => [c.title, c.description])),
      paragraph('Persoonsgegevens deel je alleen in een persoonlijke chat met Casusbot, nooit in een kanaal.', {
        subtle: true,
      }),
    ],
    actions,
  );
}
