import { beforeEach, describe, expect, it } from 'vitest';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import {
  cardOf,
  createTestBot,
  police,
  processManager,
  stranger,
  tenantId,
  textOf,
  youthCareContact,
} from '../support/bot.ts';

type Button = { title: string; data: { verb: string } & Record<string, unknown> };
import { useDatabase } from '../support/database.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

describe('hulp', () => {
  it.each(['hulp', 'help', 'Hulp ', '?'])(
    'when a member types "%s", then they get the help card for their role',
    async (text) => {
      const bot = createTestBot(db);
      const [reply] = await bot.say(police, text);
      const card = cardOf(reply);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(textOf(card)).toContain('Casusbot: wat kan ik?');
      expect(textOf(card)).toContain('deelnemer casusoverleg bij Korps Politie CN');
      expect(textOf(card)).not.toContain('lid toevoegen');
    },
  );

  it('groups the commands by task and lists only what a partner member may do: no procesmanager commands', async () => {
    const bot = createTestBot(db);
    const text = textOf(cardOf((await bot.say(police, 'hulp'))[0]));
    expect(text).toMatch(/Aanmelden[\s\S]*Overleg[\s\S]*Acties[\s\S]*mijn acties[\s\S]*Casussen/);
    const lines = text.split('\n');
    for (const refused of ['Beheer', 'Cijfers en privacy', 'lid toevoegen', 'leden', 'meldingen', 'inzage', 'cijfers'])
      expect(lines).not.toContain(refused);
    expect(text).not.toMatch(/logboek|tafel koppelen/);
    const contact = textOf(cardOf((await bot.say(youthCareContact, 'hulp'))[0]));
    expect(contact).toMatch(/Beheer[\s\S]*leden/);
    expect(contact).not.toContain('lid toevoegen');
  });

  it('shows the procesmanager the beheer and privacy tasks', async () => {
    const bot = createTestBot(db);
    const text = textOf(cardOf((await bot.say(processManager, 'hulp'))[0]));
    expect(text).toMatch(/Beheer[\s\S]*tafel koppelen[\s\S]*meldingen[\s\S]*leden[\s\S]*lid toevoegen/);
    expect(text).toMatch(/Cijfers en privacy[\s\S]*inzage[\s\S]*logboek[\s\S]*cijfers/);
  });

  it('has *Mijn acties* as the first button, and it answers with the list through the application', async () => {
    const bot = createTestBot(db);
    const card = cardOf((await bot.say(police, 'hulp'))[0]) as { body: { type: string; actions?: Button[] }[] };
    const first = card.body.find((e) => e.type === 'ActionSet')!.actions![0]!;
    expect(first.title).toBe('Mijn acties');
    const { verb, ...data } = first.data;
    const { body } = await bot.click(police, verb, data);
    expect(textOf(body.value)).toContain('Mijn acties');
    expect(textOf(body.value)).toContain('Niets te doen');
  });

  it('when asked in a channel (with a mention), then it answers for everyone: nothing about the asker, no buttons', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(processManager, '<at>Casusbot</at> hulp', {
      conversation: {
        id: '19:channel@thread.tacv2;messageid=1',
        conversationType: 'channel',
        tenantId,
        isGroup: true,
        name: 'x',
      },
      entities: [{ type: 'mention', mentioned: { id: 'bot-id', name: 'Casusbot' }, text: '<at>Casusbot</at>' }],
      channelData: { tenant: { id: tenantId }, team: { id: 'team-1' }, channel: { id: '19:channel@thread.tacv2' } },
    });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Casusbot: wat kan ik?');
    expect(textOf(card)).toContain('in een persoonlijke chat met mij');
    expect(textOf(card)).not.toContain('procesmanager bij');
    expect(textOf(card)).not.toContain('lid toevoegen');
    expect(card?.actions).toBeUndefined();
  });

  it('when a member types something unknown, then they are pointed to hulp', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'wat is het weer');
    expect(textOf(reply)).toContain('Dat begrijp ik niet.');
    expect(textOf(reply)).toContain('Typ **hulp**');
  });
});

describe('strangers', () => {
  it('when someone who is not registered writes, then they hear so in Dutch, whom to ask, and can ask for registration', async () => {
    const bot = createTestBot(db);
    const replies = await bot.say(stranger, 'hulp');
    expect(replies).toHaveLength(1);
    const text = textOf(cardOf(replies[0]));
    expect(text).toContain('Je bent nog niet geregistreerd als lid van het casusoverleg');
    expect(text).toContain('Vraag de procesmanager (Ingrid Martina)');
    expect(text).toContain('Registratie aanvragen');
  });

  it('when a stranger clicks a button on a forwarded card, then the card action is refused too', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(stranger, 'members.list');
    expect(body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(textOf(body.value)).toContain('nog niet geregistreerd');
    expect(textOf(body.value)).not.toContain('Leden');
  });
});

describe('install', () => {
  it('when the bot is added to a team, then it welcomes once and remembers the channel for later posts', async () => {
    const bot = createTestBot(db);
    const channel = {
      id: '19:general@thread.tacv2',
      conversationType: 'channel',
      tenantId,
      isGroup: true,
      name: 'General',
    };
    const replies = await bot.deliver({
      ...bot.personal(processManager, channel),
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot-id', name: 'Casusbot' }],
      channelData: { tenant: { id: tenantId }, team: { id: 'team-1' }, channel: { id: '19:general@thread.tacv2' } },
    });
    expect(replies).toHaveLength(1);
    expect(textOf(cardOf(replies[0]))).toContain('Welkom bij Casusbot');
    expect(textOf(cardOf(replies[0]))).not.toContain('Je bent geregistreerd');
    const saved = await db.conversationRef.findUnique({ where: { conversationId: '19:general@thread.tacv2' } });
    expect(saved).toMatchObject({ kind: 'channel', teamId: 'team-1' });

    const later = await bot.deliver({
      ...bot.personal(police, channel),
      type: 'conversationUpdate',
      membersAdded: [{ id: police.teamsUserId, name: police.displayName }],
    });
    expect(later).toHaveLength(0);
  });

  it('saves the personal chat of whoever writes, so reminders can reach them', async () => {
    const bot = createTestBot(db);
    await bot.say(police, 'hulp');
    const saved = await db.conversationRef.findFirst({ where: { kind: 'personal', aadObjectId: police.aadObjectId } });
    expect(saved?.conversationId).toBe(`personal-${police.teamsUserId}`);
    expect(await listAuditEvents(db, { recordType: 'conversation' })).toEqual([]);
  });
});

describe('tenants', () => {
  it('when an activity comes from a tenant that is not allowed, then the bot does not answer and stores nothing', async () => {
    const bot = createTestBot(db, { allowedTenantIds: ['other-tenant'] });
    expect(await bot.say(police, 'hulp')).toEqual([]);
    expect(await db.conversationRef.count()).toBe(0);
  });

  it('when the tenant is allowed, then it answers', async () => {
    const bot = createTestBot(db, { allowedTenantIds: [tenantId] });
    expect(await bot.say(police, 'hulp')).toHaveLength(1);
  });
});
