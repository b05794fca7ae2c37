import type { Activity } from '../../bot/teams/testing.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MoveInput } from '../../cards/agenda.card.ts';
import { moveInputIds } from '../../cards/tables.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listSessions } from '../../src/conferences/session.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import {
  cardOf,
  createTestBot,
  mentalHealth,
  police,
  processManager,
  textOf,
  youthCareContact,
  tenantId,
} from '../support/bot.ts';
import { buttonsOf, publishAgenda } from '../support/agenda.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds, validReferralData } from '../support/referral.ts';

const db = useDatabase();
const krusada = { aadObjectId: 'aad-krusada', teamsUserId: 'user-krusada', displayName: 'Deelnemer Krusada' };
const channelId = '19:casusoverleg@thread.tacv2';
let orgs: Record<string, string>;
type Bot = ReturnType<typeof createTestBot>;

beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  orgs = await organisationIds(db);
  await upsertMember(db, {
    aadObjectId: krusada.aadObjectId,
    displayName: krusada.displayName,
    organisationId: orgs['Krusada']!,
    role: 'participant',
  });
});

/** An activity in the table's channel (a reply thread, as Teams sends it). */
const inChannel = (post = '1700000000000'): Partial<Activity> => ({
  conversation: {
    id: `${channelId};messageid=${post}`,
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  } as Activity['conversation'],
  channelData: { tenant: { id: tenantId }, team: { id: 'team-zvh' }, channel: { id: channelId } },
});

/** A case from the police, involving police and youth care, accepted onto the demo table's next session. */
async function acceptedCase(bot: Bot) {
  const { body } = await bot.click(
    police,
    Verb.referralSubmit,
    validReferralData([orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!]),
  );
  const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))![0];
  const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
  await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: (await listTables(db))[0]!.id });
  const sessionId = (await db.case.findUniqueOrThrow({ where: { id: caseId } })).firstSessionId!;
  return { reference, caseId, sessionId };
}

async function linkChannel(bot: Bot) {
  for (const user of [processManager, police, youthCareContact, krusada]) await bot.say(user, 'hulp'); // Teams ids are learned from messages
  await bot.say(processManager, 'tafel koppelen', inChannel());
  return bot.click(
    processManager,
    Verb.tableLink,
    { tableId: (await listTables(db))[0]!.id },
    { ...inChannel(), replyToId: 'chooser-1' },
  );
}

describe('tafels', () => {
  it('the procesmanager manages the tables; a participant only reads them', async () => {
    const bot = createTestBot(db);
    const [pm] = await bot.say(processManager, 'tafels');
    expect(textOf(cardOf(pm))).toMatch(
      /Casusoverleg Bonaire[\s\S]*om de 2 weken op dinsdag om 10:00 \(America\/Kralendijk\)[\s\S]*Nog niet gekoppeld/,
    );
    expect(textOf(cardOf(pm))).toContain('Nieuwe tafel');
    const [participant] = await bot.say(police, 'tafels');
    expect(textOf(cardOf(participant))).toContain('Casusoverleg Bonaire');
    expect(textOf(cardOf(participant))).not.toMatch(/Nieuwe tafel|Bewerken|Sluiten/);
    const { body } = await bot.click(police, Verb.tableForm);
    expect(body.value).toBe('Alleen de procesmanager kan overlegtafels beheren en een tafel aan een kanaal koppelen.');
  });

  it('a table form with bad values comes back with the values kept and the message at the field; a good one creates the table', async () => {
    const bot = createTestBot(db);
    const form = {
      name: 'Casusoverleg Rincon',
      organisationIds: `${orgs['Krusada']},${orgs['Forma']}`,
      chair: 'processManager',
      timeZone: 'Europe/Amsterdam',
      weekday: '1',
      startTime: '9:30',
      anchorDate: '2026-01-05',
      intervalWeeks: '1',
      sessionMinutes: '90',
      minutesPerCase: '30',
      agendaLeadHours: '48',
    };
    const { body: bad } = await bot.click(processManager, Verb.tableSave, form);
    const card = bad.value as { body: { id?: string; value?: string; text?: string }[] };
    const at = card.body.findIndex((e) => e.id === 'startTime');
    expect(card.body[at]?.value).toBe('9:30');
    expect(card.body[at + 1]?.text).toBe('De begintijd moet uu:mm zijn, bijvoorbeeld 10:00.');
    expect(card.body.find((e) => e.id === 'name')?.value).toBe('Casusoverleg Rincon');
    const { body: good } = await bot.click(processManager, Verb.tableSave, { ...form, startTime: '09:30' });
    expect(textOf(good.value)).toContain('Tafel Casusoverleg Rincon is aangemaakt.');
    expect(textOf(good.value)).toMatch(
      /Casusoverleg Rincon[\s\S]*elke week op maandag om 09:30 \(Europe\/Amsterdam\)[\s\S]*3 casussen van 30 minuten/,
    );
  });
});

describe('tafel koppelen', () => {
  it('the procesmanager links the channel with an @mention; the chooser in the channel becomes the confirmation, without personal data', async () => {
    const bot = createTestBot(db);
    await bot.say(processManager, 'hulp');
    const [chooser] = await bot.say(processManager, 'tafel koppelen', inChannel());
    expect(textOf(cardOf(chooser))).toContain('Kies de overlegtafel waarvan de agenda in dit kanaal moet verschijnen.');
    const { body } = await bot.click(
      processManager,
      Verb.tableLink,
      { tableId: (await listTables(db))[0]!.id },
      { ...inChannel(), replyToId: 'chooser-1' },
    );
    expect(textOf(body.value)).toContain(
      'De agenda van tafel Casusoverleg Bonaire verschijnt voortaan in dit kanaal, 24 uur voor elk overleg.',
    );
    expect(bot.edited.map((a) => a.id)).toEqual(['chooser-1']);
    expect((await listTables(db))[0]!.channelConversationId).toBe(channelId);
  });

  it('anyone else is told that only the procesmanager can do this, and nothing is linked', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'tafel koppelen', inChannel());
    expect(reply?.text).toBe('Alleen de procesmanager kan overlegtafels beheren en een tafel aan een kanaal koppelen.');
    const { body } = await bot.click(police, Verb.tableLink, { tableId: (await listTables(db))[0]!.id }, inChannel());
    expect(body.value).toBe('Alleen de procesmanager kan overlegtafels beheren en een tafel aan een kanaal koppelen.');
    expect((await listTables(db))[0]!.channelConversationId).toBeUndefined();
    const [personal] = await bot.say(processManager, 'tafel koppelen');
    expect(personal?.text).toContain('Typ dit in het kanaal van de overlegtafel');
  });
});

describe('the agenda from draft to channel', () => {
  it('the procesmanager sees the draft with the accepted case and publishes it: one channel post, one personal message per invited person', async () => {
    const bot = createTestBot(db);
    const { reference, sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    const [overview] = await bot.say(processManager, 'agenda');
    expect(textOf(cardOf(overview))).toMatch(
      new RegExp(`Casusoverleg Bonaire[\\s\\S]*Concept[\\s\\S]*${reference} · Nieuwe casus`),
    );
    const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId });
    expect(textOf(draft.value)).toMatch(/Concept: nog niet gepubliceerd[\s\S]*14:00–14:15|10:00–10:15/);
    expect(textOf(draft.value)).toContain('1 van 8 plaatsen bezet (15 minuten per casus)');

    const { body: published, data: button } = await publishAgenda(bot, sessionId);
    // The answer comes before the post: the card shows it is under way, with no second "Nu publiceren".
    expect(textOf(published.value)).toContain('Bezig met publiceren: de agenda gaat nu naar het kanaal');
    expect(textOf(published.value)).not.toContain('Nu publiceren');
    const { body: refreshed } = await bot.click(processManager, Verb.agendaShow, { sessionId });
    expect(textOf(refreshed.value)).toContain('Gepubliceerd op 23 november 2026.');
    const posts = bot.notifier.inConversation(channelId);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0]!.card)).toMatch(
      new RegExp(
        `Agenda Casusoverleg Bonaire[\\s\\S]*10:00–10:15\\*\\* · ${reference}\\n[\\s\\S]*Uitgenodigd: Jeugdzorg CN, Korps Politie CN`,
      ),
    );
    expect(textOf(posts[0]!.card)).not.toContain('Nieuwe casus'); // why a case is on the agenda is for those who may see it
    expect(JSON.stringify(posts[0])).not.toMatch(/Jan Fictief|Mira|111222333|Kaya|huisuitzetting/);
    const [told] = bot.notifier.to(youthCareContact.aadObjectId);
    expect(textOf(told?.card)).toMatch(new RegExp(`Agenda gepubliceerd[\\s\\S]*${reference}`));
    expect(textOf((await bot.open(youthCareContact, told)).value)).toContain(`${reference} · Nieuwe casus`);
    expect(bot.notifier.to(krusada.aadObjectId)).toHaveLength(0);
    expect(bot.notifier.to(mentalHealth.aadObjectId)).toHaveLength(0);

    const { body: again } = await bot.click(processManager, Verb.agendaPublish, button); // the old card, once more
    expect(textOf(again.value)).toContain('De agenda is al gepubliceerd.');
    expect(bot.notifier.inConversation(channelId)).toHaveLength(1);
    // Asked in the channel, the bot points at the posted agenda instead of posting a second copy.
    const [inTheChannel] = await bot.say(krusada, 'agenda', inChannel('2'));
    expect(textOf(cardOf(inTheChannel))).toMatch(
      /De agenda van dinsdag 24 november 2026 om 10:00 is op 23 november 2026 in dit kanaal geplaatst[\s\S]*Mijn deel/,
    );
    expect(textOf(cardOf(inTheChannel))).not.toContain(reference);
  });

  it('publishing with 60 invited people: the chair is answered while Teams has not taken one personal message; the 60 wait in the outbox, one row each, and each arrives once', async () => {
    const bot = createTestBot(db);
    const { sessionId } = await acceptedCase(bot);
    await linkChannel(bot); // The invited organisations (police and youth care) grow to 60 people who hear of the agenda.
    const invited = [orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!];
    const already = await db.member.count({ where: { organisationId: { in: invited }, active: true } });
    await db.member.createMany({
      data: Array.from({ length: 60 - already }, (_, i) => ({
        aadObjectId: `aad-invited-${i}`,
        displayName: `Deelnemer ${i}`,
        organisationId: invited[i % 2]!,
        role: 'participant' as const,
      })),
    });
    const earlier = bot.notifier.sent.length;
    const personal = () => bot.notifier.sent.slice(earlier).filter((m) => 'person' in m.to);
    const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId });
    const { verb: _verb, ...data } = buttonsOf(draft.value).find((b) => b.title === 'Nu publiceren')!.data!;
    const release = bot.notifier.hold(); // every personal message now hangs in Teams until released
    await bot.adapter.processActivity({
      ...bot.personal(processManager),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: Verb.agendaPublish, data: { verb: Verb.agendaPublish, ...data } },
      },
    });
    // The turn answered: had it waited on the post or any of the personal messages, it would still hang here.
    const response = bot.adapter.activeQueue.splice(0).find((a) => a.type === 'invokeResponse');
    expect(textOf((response!.value as { body: unknown }).body)).toContain('Bezig met publiceren');
    // The post follows in the background, and with it the 60 messages, queued in the outbox.
    await vi.waitFor(async () => expect(await db.outboxMessage.count({ where: { kind: 'agendaPublished' } })).toBe(60));
    expect(bot.notifier.inConversation(channelId)).toHaveLength(1);
    expect(personal()).toHaveLength(0);
    const queued = await db.outboxMessage.findMany({ where: { kind: 'agendaPublished' } });
    expect(queued).toHaveLength(60);
    expect(new Set(queued.map((m) => m.recipient)).size).toBe(60);
    expect(queued.every((m) => m.state === 'pending' || m.state === 'sending')).toBe(true);
    release();
    await bot.background.settled();
    const told = personal();
    expect(told).toHaveLength(60);
    expect(new Set(told.map((m) => (m.to as { person: string }).person)).size).toBe(60);
    expect(await db.outboxMessage.count({ where: { kind: 'agendaPublished', state: 'sent' } })).toBe(60);
  });

  it('"Mijn deel": an invited participant sees the case for themselves; an uninvited one nothing more than the channel; a refresh never edits the shared card', async () => {
    const bot = createTestBot(db);
    const { reference, sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    await publishAgenda(bot, sessionId);
    const refresh = (
      bot.notifier.inConversation(channelId)[0]!.card as { refresh: { action: { verb: string }; userIds: string[] } }
    ).refresh;
    expect(refresh.action.verb).toBe(Verb.agendaMine);
    expect(refresh.userIds).toContain(youthCareContact.teamsUserId);
    expect(refresh.userIds).not.toContain(krusada.teamsUserId);

    const { body: invited } = await bot.click(
      youthCareContact,
      Verb.agendaMine,
      { sessionId },
      { ...inChannel(), replyToId: 'agenda-post' },
    );
    expect(textOf(invited.value)).toMatch(new RegExp(`${reference}[\\s\\S]*Betrokkene\\s+Jan Fictief[\\s\\S]*Wonen`));
    const { body: refused } = await bot.click(
      krusada,
      Verb.agendaMine,
      { sessionId },
      { ...inChannel(), replyToId: 'agenda-post' },
    );
    expect(textOf(refused.value)).toContain('Jouw organisatie is voor geen van deze casussen uitgenodigd.');
    expect(JSON.stringify(refused.value)).not.toMatch(/Jan Fictief|Wonen|Financiën|Huiselijk/);
    const automatic = {
      ...inChannel(),
      replyToId: 'agenda-post',
      value: {
        action: { type: 'Action.Execute', verb: Verb.agendaMine, data: { verb: Verb.agendaMine, sessionId } },
        trigger: 'automatic',
      },
    };
    const { body: refreshed } = await bot.click(youthCareContact, Verb.agendaMine, {}, automatic);
    expect(textOf(refreshed.value)).toContain('Jan Fictief');
    expect(bot.edited.filter((a) => a.id === 'agenda-post')).toEqual([]);
  });

  it('a forged session id on a button finds nothing; a stranger gets nothing at all', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(police, Verb.agendaMine, { sessionId: 'not-a-session' });
    expect(body.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
    const { sessionId } = await acceptedCase(bot);
    const { body: stranger } = await bot.click(
      { aadObjectId: 'aad-nobody', teamsUserId: 'user-nobody', displayName: 'Niemand' },
      Verb.agendaMine,
      { sessionId },
    );
    expect(textOf(stranger.value)).toContain('Je bent nog niet geregistreerd');
    expect(JSON.stringify(stranger.value)).not.toMatch(/ZVH-|Jan Fictief/);
  });

  it('moving the session from its card tells the referrer and invited organisations, and edits the posted agenda', async () => {
    const bot = createTestBot(db);
    const { reference, sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    await publishAgenda(bot, sessionId);
    const tableId = (await listTables(db))[0]!.id;
    const ids = moveInputIds(sessionId);
    const { body: refused } = await bot.click(processManager, Verb.sessionMove, {
      sessionId,
      tableId,
      [ids.date]: '2026-11-25',
      [ids.time]: '9.30',
    });
    const card = refused.value as { body: { id?: string; text?: string }[] };
    expect(JSON.stringify(card)).toContain('Vul een tijd in als uu:mm, bijvoorbeeld 10:00.');
    const { body } = await bot.click(processManager, Verb.sessionMove, {
      sessionId,
      tableId,
      [ids.date]: '2026-11-25',
      [ids.time]: '09:30',
    });
    expect(textOf(body.value)).toContain('Het overleg is verplaatst; de betrokkenen krijgen bericht.');
    expect(
      (await listSessions(db, { tableIds: [tableId], from: new Date('2026-11-25T00:00:00Z') }, 1))[0],
    ).toMatchObject({ status: 'moved', startsAt: new Date('2026-11-25T13:30:00Z') });
    const told = textOf(bot.notifier.to(police.aadObjectId).at(-1)?.card);
    expect(told).toMatch(
      new RegExp(
        `verplaatst van dinsdag 24 november 2026 om 10:00 naar woensdag 25 november 2026 om 09:30[\\s\\S]*${reference}`,
      ),
    );
    expect(bot.notifier.to(krusada.aadObjectId)).toHaveLength(0);
    expect(bot.notifier.updates.at(-1)?.message.card && textOf(bot.notifier.updates.at(-1)!.message.card)).toContain(
      'Dit overleg is verplaatst',
    );
    expect(bot.notifier.inConversation(channelId)).toHaveLength(1);
  });
});

describe('every agenda view keeps the chair in control (issue 20)', () => {
  const titles = (card: unknown) => ((card as { actions?: { title: string }[] }).actions ?? []).map((a) => a.title);

  it('the chair keeps "Overleg starten" under "Mijn deel" and in "agenda"; a participant gets neither', async () => {
    const bot = createTestBot(db);
    const { sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    await publishAgenda(bot, sessionId);
    const { body: chair } = await bot.click(processManager, Verb.agendaMine, { sessionId }, inChannel());
    expect(titles(chair.value)).toEqual(['Overleg starten', 'Vernieuwen']);
    const { body: participant } = await bot.click(youthCareContact, Verb.agendaMine, { sessionId }, inChannel());
    expect(titles(participant.value)).toEqual(['Vernieuwen']);
    const [pmList] = await bot.say(processManager, 'agenda');
    expect(textOf(cardOf(pmList))).toMatch(/Agenda bewerken[\s\S]*Overleg starten/);
    const [policeList] = await bot.say(police, 'agenda');
    expect(textOf(cardOf(policeList))).toContain('Mijn deel');
    expect(textOf(cardOf(policeList))).not.toContain('Overleg starten');
    const { body: refused } = await bot.click(police, Verb.sessionOpen, { sessionId }, inChannel());
    expect(refused.value).toBe('Alleen de voorzitter van de tafel (of de procesmanager) kan het overleg leiden.');
  });

  it('"@Casusbot agenda" in the channel offers every coming published agenda, not only the next meeting', async () => {
    const bot = createTestBot(db);
    const { sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    const tableId = (await listTables(db))[0]!.id;
    const later = (await listSessions(db, { tableIds: [tableId], from: new Date('2026-11-25T00:00:00Z') }, 1))[0]!;
    await publishAgenda(bot, later.id);
    // The next meeting is not published yet; the later one is, and the channel can show it.
    const [first] = await bot.say(krusada, 'agenda', inChannel('2'));
    expect(textOf(cardOf(first))).toMatch(
      /De agenda van dinsdag 8 december 2026 om 10:00 is op 23 november 2026 in dit kanaal geplaatst[\s\S]*De agenda van het eerdere overleg van dinsdag 24 november 2026 om 10:00 is nog niet gepubliceerd/,
    );
    await publishAgenda(bot, sessionId);
    const [both] = await bot.say(krusada, 'agenda', inChannel('3'));
    expect(textOf(cardOf(both))).toMatch(
      /De agenda van dinsdag 24 november 2026 om 10:00[\s\S]*Ander overleg[\s\S]*dinsdag 8 december 2026 om 10:00/,
    );
    const { body: chosen } = await bot.click(krusada, Verb.agendaPointer, { sessionId: later.id }, inChannel('3'));
    expect(textOf(chosen.value)).toMatch(
      /De agenda van dinsdag 8 december 2026 om 10:00 is op[\s\S]*Ander overleg[\s\S]*dinsdag 24 november 2026/,
    );
    expect(titles(chosen.value)).toEqual(['Mijn deel', 'Overleg starten', 'Ander overleg']);
  });
});

describe('publishing what was approved (issue 20)', () => {
  it('a case that joined since the draft was shown (overdue actions) is shown with why, and nothing is published until confirmed', async () => {
    const bot = createTestBot(db);
    const { reference, caseId } = await acceptedCase(bot);
    await linkChannel(bot);
    const pm = (await identifyActor(db, { aadObjectId: processManager.aadObjectId }))!;
    const decided = await recordDecision({ db, clock: bot.clock }, pm, {
      caseId,
      values: {
        goal: 'Huisuitzetting voorkomen',
        plan: 'Schuldhulp',
        directorMemberId: (await db.member.findFirstOrThrow({ where: { aadObjectId: youthCareContact.aadObjectId } }))
          .id,
        nextStep: 'regieFollowUp',
        action1_description: 'Huisbezoek afleggen',
        action1_organisationId: orgs['Korps Politie CN']!,
        action1_dueDate: '2026-12-01',
      },
    });
    expect(decided.ok).toBe(true);
    const tableId = (await listTables(db))[0]!.id;
    const later = (await listSessions(db, { tableIds: [tableId], from: new Date('2026-11-25T00:00:00Z') }, 1))[0]!;
    const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId: later.id });
    expect(textOf(draft.value)).toContain('Er staan nog geen casussen op deze agenda.');
    const { verb: _verb, ...shown } = buttonsOf(draft.value).find((b) => b.title === 'Nu publiceren')!.data!;

    const { body: changed } = await bot.click(processManager, Verb.agendaPublish, shown);
    expect(textOf(changed.value)).toContain('Niet gepubliceerd: de agenda is veranderd sinds je hem opende.');
    expect(textOf(changed.value)).toContain(
      `Erbij: ${reference} · Acties over de termijn (een actie is over de termijn, en zo’n casus komt vanzelf op de agenda).`,
    );
    expect(bot.notifier.inConversation(channelId)).toHaveLength(0);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: later.id } })).agendaPublishedAt).toBeNull();

    // The old button again publishes nothing either; the one on the card that shows the change does.
    await bot.click(processManager, Verb.agendaPublish, shown);
    expect(bot.notifier.inConversation(channelId)).toHaveLength(0);
    const { verb: _again, ...confirmed } = buttonsOf(changed.value).find((b) => b.title === 'Nu publiceren')!.data!;
    const { body: publishing } = await bot.click(processManager, Verb.agendaPublish, confirmed);
    expect(textOf(publishing.value)).toContain('Bezig met publiceren');
    const posts = bot.notifier.inConversation(channelId);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0]!.card)).toContain(reference);
  });

  it('only the procesmanager publishes: a participant with the button publishes nothing', async () => {
    const bot = createTestBot(db);
    const { sessionId } = await acceptedCase(bot);
    await linkChannel(bot);
    const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId });
    const { verb: _verb, ...data } = buttonsOf(draft.value).find((b) => b.title === 'Nu publiceren')!.data!;
    const { body: refused } = await bot.click(police, Verb.agendaPublish, data);
    expect(textOf(refused.value)).toContain('procesmanager');
    expect(bot.notifier.inConversation(channelId)).toHaveLength(0);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).agendaPublishedAt).toBeNull();
  });
});

describe('reordering the draft (issue 20)', () => {
  it('the procesmanager moves the third case to the top in one step, or to a chosen place; a participant cannot', async () => {
    const bot = createTestBot(db);
    const cases = [await acceptedCase(bot), await acceptedCase(bot), await acceptedCase(bot)];
    const sessionId = cases[0]!.sessionId;
    const order = async () =>
      (
        await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' }, include: { case: true } })
      ).map((i) => i.case.reference);
    const [a, b, c] = cases.map((x) => x.reference);
    expect(await order()).toEqual([a, b, c]);
    const third = (await db.agendaItem.findFirstOrThrow({ where: { sessionId, caseId: cases[2]!.caseId } })).id;
    const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId });
    expect(textOf(draft.value)).toMatch(/Bovenaan[\s\S]*Verplaatsen[\s\S]*Naar plaats[\s\S]*1 \(bovenaan\)/);
    expect(textOf(draft.value)).not.toMatch(/Omhoog|Omlaag/);

    const { body: refused } = await bot.click(police, Verb.agendaEdit, {
      sessionId,
      action: 'move',
      itemId: third,
      place: '1',
    });
    expect(textOf(refused.value)).toContain('procesmanager');
    expect(await order()).toEqual([a, b, c]);

    const { body: moved } = await bot.click(processManager, Verb.agendaEdit, {
      sessionId,
      action: 'move',
      itemId: third,
      place: '1',
    });
    expect(await order()).toEqual([c, a, b]);
    expect(textOf(moved.value)).toMatch(new RegExp(`1\\. \\*\\*10:00–10:15\\*\\* · ${c}`));
    // From the "Naar plaats" list: the chosen place arrives in the item's own input.
    await bot.click(processManager, Verb.agendaEdit, {
      sessionId,
      action: 'move',
      [MoveInput.item]: third,
      [MoveInput.place]: '3',
    });
    expect(await order()).toEqual([a, b, c]);
    const { body: noPlace } = await bot.click(processManager, Verb.agendaEdit, {
      sessionId,
      action: 'move',
      itemId: third,
    });
    expect(textOf(noPlace.value)).toContain('Kies eerst een casus en een plaats.');
  });
});

describe('cards with refresh', () => {
  it('an automatic refresh of the screening card answers the one who looks and never edits the shared message', async () => {
    const bot = createTestBot(db);
    await bot.say(processManager, 'hulp');
    const { caseId } = await acceptedCase(bot);
    const automatic = {
      replyToId: 'screening-card',
      value: {
        action: { type: 'Action.Execute', verb: Verb.screeningShow, data: { verb: Verb.screeningShow, caseId } },
        trigger: 'automatic',
      },
    };
    const { body } = await bot.click(processManager, Verb.screeningShow, {}, automatic);
    expect(textOf(body.value)).toContain('Geaccepteerd door Ingrid Martina');
    expect((body.value as { refresh?: object }).refresh).toBeDefined();
    await bot.click(processManager, Verb.screeningShow, {}, automatic);
    expect(bot.edited).toEqual([]);
  });
});
