import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { listOrganisations } from '../../src/organisations/organisation.repository.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import {
  cardOf,
  createTestBot,
  mentalHealth,
  police,
  processManager,
  stranger,
  textOf,
  youthCareContact,
} from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));
const organisationId = async (name: string) => (await listOrganisations(db)).find((o) => o.name === name)!.id;
type Card = { body: Record<string, unknown>[] };

describe('lid toevoegen', () => {
  it('when the procesmanager opens the form, then it lists the people in the conversation and the partners', async () => {
    const bot = createTestBot(db, {
      roster: { membersOf: async () => [{ aadObjectId: stranger.aadObjectId, name: stranger.displayName }] },
    });
    const [reply] = await bot.say(processManager, 'lid toevoegen');
    const text = textOf(cardOf(reply));
    expect(text).toContain('Lid toevoegen');
    expect(text).toContain('Kevin Janga');
    expect(text).toContain('Mental Health Caribbean');
  });

  it('when the form is incomplete, then the same card comes back with the values kept and a message at each wrong field', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(processManager, Verb.memberRegister, {
      displayName: 'Kevin Janga',
      role: 'participant',
    });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = body.value as Card;
    const fieldError = (id: string) => card.body[card.body.findIndex((e) => e.id === id) + 1];
    expect(fieldError('aadObjectId')).toMatchObject({
      text: 'Kies een persoon of vul het object-id in.',
      color: 'Attention',
    });
    expect(fieldError('organisationId')).toMatchObject({ text: 'Kies een organisatie.' });
    expect(card.body.find((e) => e.id === 'displayName')).toMatchObject({ value: 'Kevin Janga' });
    expect(card.body.find((e) => e.id === 'role')).toMatchObject({ value: 'participant' });
    expect(await db.member.count({ where: { displayName: 'Kevin Janga' } })).toBe(0);
  });

  it('when a person is picked from the roster, then they become a member and can use the bot', async () => {
    const bot = createTestBot(db);
    const before = await bot.say(stranger, 'hulp');
    expect(textOf(cardOf(before[0]))).toContain('nog niet geregistreerd');

    const { body } = await bot.click(processManager, Verb.memberRegister, {
      person: stranger.aadObjectId,
      rosterNames: { [stranger.aadObjectId]: stranger.displayName },
      organisationId: await organisationId('Krusada'),
      role: 'participant',
    });
    expect(textOf(body.value)).toContain('Kevin Janga is deelnemer casusoverleg bij Krusada.');

    const after = await bot.say(stranger, 'hulp');
    expect(textOf(cardOf(after[0]))).toContain('deelnemer casusoverleg bij Krusada');
  });

  it('when the procesmanager gives a work phone and e-mail, then they are filled in when the new member opens the intake form', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(processManager, Verb.memberRegister, {
      person: stranger.aadObjectId,
      rosterNames: { [stranger.aadObjectId]: stranger.displayName },
      organisationId: await organisationId('Krusada'),
      role: 'participant',
      phone: '+599 717 1234',
      email: 'kevin.janga@krusada.example',
    });
    expect(textOf(body.value)).toContain('Kevin Janga is deelnemer casusoverleg bij Krusada.');
    const [reply] = await bot.say(stranger, 'aanmelden');
    const form = cardOf(reply) as unknown as Card;
    const input = (id: string) => form.body.find((e) => e.id === id);
    expect(input('contactPhone')).toMatchObject({ value: '+599 717 1234' });
    expect(input('contactEmail')).toMatchObject({ value: 'kevin.janga@krusada.example' });
  });

  it('when the e-mail is no e-mail address, then the form says so in Dutch at the field and nobody is registered', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(processManager, Verb.memberRegister, {
      person: stranger.aadObjectId,
      rosterNames: { [stranger.aadObjectId]: stranger.displayName },
      organisationId: await organisationId('Krusada'),
      role: 'participant',
      email: 'kevin at krusada',
    });
    const card = body.value as Card;
    expect(card.body[card.body.findIndex((e) => e.id === 'email') + 1]).toMatchObject({
      text: 'Geen geldig e-mailadres.',
      color: 'Attention',
    });
    expect(await db.member.count({ where: { aadObjectId: stranger.aadObjectId } })).toBe(0);
  });

  it.each([police, mentalHealth, youthCareContact])(
    'when $displayName (no procesmanager) asks for the form, then they are refused',
    async (who) => {
      const bot = createTestBot(db);
      const [reply] = await bot.say(who, 'lid toevoegen');
      expect(reply?.text).toBe('Alleen de procesmanager kan leden registreren.');
    },
  );

  it('when a participant posts a registration anyway, then nobody is registered', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(police, Verb.memberRegister, {
      aadObjectId: 'someone',
      displayName: 'Iemand',
      organisationId: await organisationId('Forma'),
      role: 'processManager',
    });
    expect(body.value).toBe('Alleen de procesmanager kan leden registreren.');
    expect(await db.member.count({ where: { aadObjectId: 'someone' } })).toBe(0);
  });
});

describe('leden', () => {
  it('when a contactpersoon asks, then they see the members by organisation', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(youthCareContact, 'leden');
    const text = textOf(cardOf(reply));
    expect(text).toContain('5 geregistreerde leden');
    expect(text).toContain('Ruben Croes');
  });

  it('when a participant asks, then they are refused and see no names', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'leden');
    expect(reply?.text).toBe('Alleen de procesmanager en contactpersonen kunnen de ledenlijst zien.');
    expect(reply?.attachments).toBeUndefined();
  });
});
