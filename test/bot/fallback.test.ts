import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../bot/teams/testing.ts';
import { Verb } from '../../cards/verbs.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { cardOf, createTestBot, police, tenantId, textOf } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds } from '../support/referral.ts';

const db = useDatabase();
const manager = { aadObjectId: 'aad-manager-fb', teamsUserId: 'user-manager-fb', displayName: 'Stuurgroeplid' };
const inChannel = (): Partial<Activity> => ({
  conversation: {
    id: '19:overleg@thread.tacv2',
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  } as Activity['conversation'],
  channelData: { tenant: { id: tenantId }, team: { id: 'team-overleg' }, channel: { id: '19:overleg@thread.tacv2' } },
});
const buttonsOf = (card: unknown) =>
  ((card as { actions?: { title: string; verb: string; data: Record<string, unknown> }[] }).actions ?? []).map(
    ({ title, verb, data }) => ({ title, verb, data }),
  );

beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  const orgs = await organisationIds(db);
  await upsertMember(db, {
    ...manager,
    organisationId: orgs['Openbaar Lichaam Bonaire']!,
    role: 'steeringGroupMember',
  });
});

describe('no dead ends: an unknown command gets the closest one (issue 20, part 9)', () => {
  it('"acties" asks "Bedoel je mijn acties?" with its button, which opens the list', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'acties');
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Dat begrijp ik niet. Bedoel je **mijn acties**?');
    expect(buttonsOf(card)).toEqual([{ title: 'Mijn acties', verb: Verb.actionMine, data: { verb: Verb.actionMine } }]);
    const { body } = await bot.click(police, Verb.actionMine);
    expect(textOf(body.value)).toContain('Mijn acties');
  });

  it('"casus 0084" offers a search in casussen for 0084, which answers with the search', async () => {
    const bot = createTestBot(db);
    const card = cardOf((await bot.say(police, 'casus 0084'))[0]);
    expect(textOf(card)).toContain('Bedoel je: zoek in **casussen** naar "0084"?');
    const [search] = buttonsOf(card);
    expect(search).toMatchObject({ title: 'Zoek "0084"', verb: Verb.caseList, data: { search: '0084' } });
    const { body } = await bot.click(police, search!.verb, search!.data);
    expect(textOf(body.value)).toContain('0084');
  });

  it('a stuurgroeplid is pointed to the figures, not offered what they may not do, and in a channel the answer has no buttons', async () => {
    const bot = createTestBot(db);
    const forManager = textOf((await bot.say(manager, 'acties'))[0]);
    expect(forManager).toContain('Typ "cijfers"');
    expect(forManager).not.toContain('mijn acties');

    const inTheChannel = cardOf(
      (
        await bot.say(police, '<at>Casusbot</at> agneda', {
          ...inChannel(),
          entities: [{ type: 'mention', mentioned: { id: 'bot-id', name: 'Casusbot' }, text: '<at>Casusbot</at>' }],
        })
      )[0],
    );
    expect(textOf(inTheChannel)).toContain('Bedoel je **agenda**?');
    expect(buttonsOf(inTheChannel)).toEqual([]);
  });
});
