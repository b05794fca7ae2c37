import type { MemberRole } from '../src/members/member.types.ts';

/** What can be typed to the bot. The help card and the Teams manifest's command list both come from here. */
export interface BotCommand {
  title: string;
  description: string;
  /** Roles that see it in the help card; absent means everyone who works on cases. */
  roles?: readonly MemberRole[];
  /** Also for those who work on no case (the stuurgroeplid). */
  forAll?: boolean;
  /** Typed with an @mention in a channel: in the help card, not in the manifest (Teams allows 10 commands there). */
  channelOnly?: boolean;
  /** In the help card only: Teams offers at most ten commands, and this one is reached from another card as well. */
  helpOnly?: boolean;
}

export const botCommands: readonly BotCommand[] = [
  { title: 'hulp', description: 'Laat zien wat Casusbot kan', forAll: true },
  { title: 'aanmelden', description: 'Een casus aanmelden voor het casusoverleg' },
  { title: 'mijn aanmeldingen', description: 'De stand van jouw aanmeldingen' },
  { title: 'casussen', description: 'De casussen waarbij jouw organisatie betrokken is' },
  { title: 'agenda', description: 'De komende overleggen met de casussen van jouw organisatie' },
  { title: 'tafels', description: 'De overlegtafels, hun ritme en volgende overleg' },
  { title: 'mijn acties', description: 'Jouw open acties en die van jouw organisatie' },
  { title: 'mijn casussen', description: 'De casussen waarvan jij casusregisseur bent' },
  { title: 'schaduwlijst', description: 'Casussen op de schaduwlijst en wanneer ze terugkomen', helpOnly: true },
  {
    title: 'casus ZVH-…',
    description: 'Eén casus opzoeken met zijn kenmerk, bijvoorbeeld "casus ZVH-2026-0001"',
    helpOnly: true,
  },
  {
    title: 'tafel koppelen',
    description: 'In een kanaal: de agenda van een tafel hier laten verschijnen',
    roles: ['processManager'],
    channelOnly: true,
  },
  {
    title: 'overleg starten',
    description: 'In het kanaal van de tafel: het overleg van vandaag openen (voorzitter)',
    channelOnly: true,
  },
  {
    title: 'informeren',
    description: 'Betrokkenen die nog geïnformeerd moeten worden over de bespreking van hun casus',
    helpOnly: true,
  },
  {
    title: 'overdragen ZVH-…',
    description: 'Een casus overdragen aan een andere tafel of een extern gremium (regisseur, procesmanager)',
    helpOnly: true,
  },
  {
    title: 'herbeoordeling',
    description: 'Inbreng die na een nieuw doel opnieuw beoordeeld moet worden',
    helpOnly: true,
  },
  {
    title: 'inzage',
    description: 'Alles wat over één persoon is vastgelegd, als document (AVG artikel 15)',
    roles: ['processManager'],
    helpOnly: true,
  },
  {
    title: 'logboek ZVH-…',
    description: 'Wie wat van een casus zag of wijzigde, wanneer en waarvoor; "logboek" alleen: wie opvalt',
    roles: ['processManager'],
    helpOnly: true,
  },
  {
    title: 'cijfers',
    description: 'De kengetallen per kwartaal of jaar, zonder persoonsgegevens',
    roles: ['processManager', 'steeringGroupMember'],
  },
  {
    title: 'stuurgroep koppelen',
    description: 'In het kanaal van de stuurgroep: daar na elk kwartaal de kengetallen laten verschijnen',
    roles: ['processManager'],
    channelOnly: true,
  },
  {
    title: 'leden',
    description: 'Overzicht van de geregistreerde deelnemers',
    roles: ['processManager', 'contactPerson'],
  },
  {
    title: 'lid toevoegen',
    description: 'Een Teams-gebruiker registreren bij een organisatie',
    roles: ['processManager'],
    helpOnly: true,
  },
];

/** The commands Teams offers in its compose box (the manifest holds at most ten). */
export const manifestCommands = botCommands
  .filter((c) => !c.channelOnly && !c.helpOnly)
  .map(({ title, description }) => ({ title, description }));
