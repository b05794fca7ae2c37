import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../bot/teams/testing.ts';
import { caseSearch } from '../../cards/commands.ts';
import { formatSession } from '../../cards/labels.ts';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { setClosed } from '../../src/lifecycle/case-state.repository.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { deleteDueCases } from '../../src/retention/delete-due.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import {
  createTestBot,
  police,
  processManager,
  stranger,
  tenantId,
  textOf,
  youthCareContact,
  type TestUser,
} from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { decidedCase, krusada, seedPeople } from '../support/decided-case.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData } from '../support/referral.ts';

/**
 * Issue 21, part 5: a case reference in any chat. The message extension's search and a pasted link to a case give
 * a card that everyone in the chat reads and Teams keeps: only reference, stage, table and next meeting, and only
 * for a case the person may see. Anyone else gets exactly what a reference that does not exist gets.
 */

const db = useDatabase();
let orgs: Record<string, string>;
const manager: TestUser = {
  aadObjectId: 'aad-stuurgroep',
  teamsUserId: 'user-stuurgroep',
  displayName: 'Stuurgroeplid',
};

beforeEach(async () => {
  orgs = await seedPeople(db);
  await upsertMember(db, {
    aadObjectId: manager.aadObjectId,
    displayName: manager.displayName,
    organisationId: orgs['Openbaar Lichaam Bonaire']!,
    role: 'steeringGroupMember',
  });
});

/** A group chat of colleagues where the bot is not a member: a message extension works there too. */
const groupChat = {
  id: '19:collegas-onder-elkaar@thread.v2',
  conversationType: 'groupChat',
  isGroup: true,
  tenantId,
} as Activity['conversation'];
const link = (reference: string) => `https://casusbot.zorgenveiligheidshuis.example/casus/${reference}`;

type Bot = ReturnType<typeof createTestBot>;
type Result = { type: string; attachmentLayout: string; attachments: Attachment[] };
type Attachment = { contentType: string; content: object; preview: { contentType: string; content: object } };

async function invoke(bot: Bot, user: TestUser, name: string, value: object): Promise<Result> {
  const replies = await bot.deliver({ ...bot.personal(user, groupChat), type: 'invoke', name, value });
  const response = replies.find((a) => a.type === 'invokeResponse');
  if (!response) throw new Error(`no invoke response for ${name}`);
  expect(replies).toHaveLength(1);
  const { status, body } = response.value as { status: number; body: { composeExtension: Result } };
  expect(status).toBe(200);
  return body.composeExtension;
}

/** What a person typed in the message extension's search box (nothing: its first run). */
const search = (bot: Bot, user: TestUser, typed?: string) =>
  invoke(bot, user, 'composeExtension/query', {
    commandId: caseSearch.commandId,
    parameters: [
      typed === undefined ? { name: 'initialRun', value: 'true' } : { name: caseSearch.parameter, value: typed },
    ],
    queryOptions: { skip: 0, count: 25 },
  });
/** A link pasted in the compose box. */
const unfurl = (bot: Bot, user: TestUser, url: string) => invoke(bot, user, 'composeExtension/queryLink', { url });

/** A case of the police and youth care, accepted for its first meeting: on the agenda, not yet discussed. */
async function acceptedCase() {
  const bot = createTestBot(db, { now: new Date('2026-11-20T09:00:00Z') });
  for (const user of [processManager, police, youthCareContact, krusada]) await bot.say(user, 'hulp');
  const { body } = await bot.click(
    police,
    Verb.referralSubmit,
    validReferralData([orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!]),
  );
  const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))![0];
  const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
  const table = (await listTables(db))[0]!;
  await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: table.id });
  const item = await db.agendaItem.findFirstOrThrow({ where: { caseId }, include: { session: true } });
  return { bot, reference, caseId, table, meetsAt: item.session.startsAt };
}

/** Everything of the persons and the free text of the aanmelding and its decision: none of it may be in a card. */
const personal = [
  'Fictief',
  '111222333',
  'Kaya',
  'Kralendijk',
  '1990',
  'dochter',
  'huisuitzetting',
  'Schulden',
  'geweld',
  'aanmelder@politie',
  '717 0000',
  'De aanmelder, op',
  'Schuldhulp',
  'Huisbezoek',
  police.displayName,
  youthCareContact.displayName,
];
function expectNothingPersonal(result: Result) {
  const json = JSON.stringify(result).toLowerCase();
  for (const word of personal) expect(json, word).not.toContain(word.toLowerCase());
}

const refusals = () =>
  db.auditEvent.findMany({
    where: { outcome: 'refused' },
    orderBy: { id: 'asc' },
    select: { action: true, actorAadObjectId: true, caseId: true, recordType: true },
  });

describe('a case reference in any chat', () => {
  it("an involved partner finds the case by part of its reference and inserts a card with only reference, stage, table and next meeting, in the table's time", async () => {
    const { bot, reference, table, meetsAt } = await acceptedCase();
    const audited = await db.auditEvent.count();
    const result = await search(bot, police, reference.slice(-4));
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    expect(result.attachments).toHaveLength(1);
    const [found] = result.attachments;
    expect(found!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(found!.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: expect.objectContaining({ title: `${reference} · Geaccepteerd` }),
    });
    expect(textOf(found!.preview.content)).toContain(table.name);
    const card = found!.content as { version: string };
    expect(card.version).toBe('1.3');
    const text = textOf(card);
    expect(text).toContain(reference);
    expect(text).toContain('Geaccepteerd');
    expect(text).toContain(table.name);
    expect(text).toContain(formatSession(meetsAt, 'America/Kralendijk'));
    expectNothingPersonal(result);
    // Showing where a case stands is no look at personal data: nothing audited, nothing refused.
    expect(await db.auditEvent.count()).toBe(audited);
    // The group chat is not one the bot can post in: it is not remembered as a place to reach anyone.
    expect(await db.conversationRef.findUnique({ where: { conversationId: groupChat.id } })).toBeNull();
  });

  it("opened with nothing typed, the search lists the active cases of the person's organisation; the whole reference finds the same", async () => {
    const { bot, reference } = await acceptedCase();
    const first = await search(bot, youthCareContact);
    expect(first.attachments.map((a) => (a.preview.content as { title: string }).title)).toEqual([
      `${reference} · Geaccepteerd`,
    ]);
    expect(await search(bot, youthCareContact, reference.toLowerCase())).toEqual(first);
    expectNothingPersonal(first);
  });

  it('a pasted link to the case unfurls into the same card, stage "Onder regie" once decided; the next meeting "Niet gepland"', async () => {
    const { bot, reference } = await decidedCase(db, orgs);
    const result = await unfurl(bot, police, link(reference));
    expect(result.attachments).toHaveLength(1);
    expect((result.attachments[0]!.preview.content as { title: string }).title).toBe(`${reference} · Onder regie`);
    expect(textOf(result.attachments[0]!.content)).toContain('Niet gepland');
    expectNothingPersonal(result);
    expect(result).toEqual(await search(bot, police, reference));
  });
});

describe('a case reference in any chat, from the side of whoever may not see the case', () => {
  it('a participant of an uninvolved partner, a stranger and a stuurgroeplid get exactly the answer of a reference that does not exist', async () => {
    const { bot, reference, caseId } = await acceptedCase();
    const nothing = await search(bot, police, 'ZVH-2026-9999');
    expect(nothing).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
    expect(await unfurl(bot, police, link('ZVH-2026-9999'))).toEqual(nothing);
    for (const user of [krusada, stranger, manager]) {
      expect(await search(bot, user, reference), user.displayName).toEqual(nothing);
      expect(await search(bot, user, reference.slice(-4)), user.displayName).toEqual(nothing);
      expect(await search(bot, user), user.displayName).toEqual(nothing);
      expect(await unfurl(bot, user, link(reference)), user.displayName).toEqual(nothing);
    }
    // A whole reference that shows nothing is a refused look-up in the logbook, under the case it named (as
    // "casus ZVH-…" would be); part of a reference, typed on the way to a whole one, is not. A stranger is nobody
    // to log; the stuurgroeplid is refused before any search, like every case command.
    expect(await refusals()).toEqual([
      { action: 'refused:casus zoeken', actorAadObjectId: police.aadObjectId, caseId: null, recordType: 'attempt' },
      { action: 'refused:casuslink', actorAadObjectId: police.aadObjectId, caseId: null, recordType: 'attempt' },
      { action: 'refused:casus zoeken', actorAadObjectId: krusada.aadObjectId, caseId, recordType: 'case' },
      { action: 'refused:casuslink', actorAadObjectId: krusada.aadObjectId, caseId, recordType: 'case' },
      ...['casus zoeken', 'casus zoeken', 'casus zoeken', 'casuslink'].map((name) => ({
        action: `refused:${name}`,
        actorAadObjectId: manager.aadObjectId,
        caseId: null,
        recordType: 'attempt',
      })),
    ]);
    expect(await db.conversationRef.findUnique({ where: { conversationId: groupChat.id } })).toBeNull();
  });

  it('a deleted case shows nothing to anyone, the same as a reference that does not exist; only the uninvolved are refused', async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    await setClosed(db, caseId, { at: new Date('2026-12-01T12:00:00Z'), outcome: 'goalReached' });
    bot.clock.set(new Date('2027-12-02T12:00:00Z'));
    expect((await deleteDueCases({ db, clock: bot.clock, log: capturingLogger().log }, defaultRetention)).case).toBe(1);
    const nothing = await search(bot, police, 'ZVH-2027-9999');
    const before = (await refusals()).length;
    for (const user of [police, youthCareContact, processManager, krusada]) {
      expect(await search(bot, user, reference), user.displayName).toEqual(nothing);
      expect(await unfurl(bot, user, link(reference)), user.displayName).toEqual(nothing);
    }
    expect((await refusals()).slice(before)).toEqual([
      { action: 'refused:casus zoeken', actorAadObjectId: krusada.aadObjectId, caseId, recordType: 'case' },
      { action: 'refused:casuslink', actorAadObjectId: krusada.aadObjectId, caseId, recordType: 'case' },
    ]);
  });

  it('a link that names no case, or another path of the bot, unfurls into nothing and logs nothing', async () => {
    const { bot, reference } = await acceptedCase();
    const nothing = await unfurl(bot, police, link('ZVH-2026-9999'));
    const before = (await refusals()).length;
    expect(await unfurl(bot, police, 'https://casusbot.zorgenveiligheidshuis.example/casus/')).toEqual(nothing);
    expect(await unfurl(bot, police, `https://casusbot.zorgenveiligheidshuis.example/downloads/${reference}`)).toEqual(
      nothing,
    );
    expect((await refusals()).length).toBe(before);
  });
});
