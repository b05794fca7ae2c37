import { randomUUID } from 'node:crypto';
import type { Activity } from '../../bot/teams/testing.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import {
  cardOf,
  createTestBot,
  police,
  processManager,
  textOf,
  youthCareContact,
  tenantId,
  type TestUser,
} from '../support/bot.ts';
import { publishAgenda } from '../support/agenda.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds, validReferralData } from '../support/referral.ts';

const db = useDatabase();
const krusada = { aadObjectId: 'aad-krusada', teamsUserId: 'user-krusada', displayName: 'Deelnemer Krusada' };
const colleague = { aadObjectId: 'aad-police-2', teamsUserId: 'user-police-2', displayName: 'Collega Politie' };
const channelId = '19:casusoverleg@thread.tacv2';
let orgs: Record<string, string>;

beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  orgs = await organisationIds(db);
  await upsertMember(db, {
    aadObjectId: krusada.aadObjectId,
    displayName: krusada.displayName,
    organisationId: orgs['Krusada']!,
    role: 'participant',
  });
  await upsertMember(db, {
    aadObjectId: colleague.aadObjectId,
    displayName: colleague.displayName,
    organisationId: orgs['Korps Politie CN']!,
    role: 'participant',
  });
});

const inChannel = (): Partial<Activity> => ({
  conversation: {
    id: `${channelId};messageid=1`,
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  } as Activity['conversation'],
  channelData: { tenant: { id: tenantId }, team: { id: 'team-zvh' }, channel: { id: channelId } },
  replyToId: 'agenda-post',
});

/** A published agenda with one case of the police and youth care, its meeting about to begin. */
async function stage() {
  const bot = createTestBot(db, { now: new Date('2026-11-20T09:00:00Z') });
  for (const user of [processManager, police, youthCareContact, krusada, colleague]) await bot.say(user, 'hulp');
  const { body } = await bot.click(
    police,
    Verb.referralSubmit,
    validReferralData([orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!]),
  );
  const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))![0];
  const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
  await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: (await listTables(db))[0]!.id });
  await bot.say(processManager, 'tafel koppelen', inChannel());
  await bot.click(processManager, Verb.tableLink, { tableId: (await listTables(db))[0]!.id }, inChannel());
  const item = await db.agendaItem.findFirstOrThrow({ where: { caseId } });
  await publishAgenda(bot, item.sessionId);
  bot.clock.set(new Date('2026-11-24T14:00:00Z'));
  return { bot, reference, caseId, sessionId: item.sessionId, agendaItemId: item.id };
}

/** The decision both meeting walks record: a goal, a plan, Jeugdzorg's regisseur and a home visit by the police. */
async function homeVisitDecision(agendaItemId: string, form: unknown) {
  return {
    agendaItemId,
    submissionId: (JSON.stringify(form).match(/"submissionId":"([^"]+)"/) ?? [])[1],
    goal: 'Huisuitzetting voorkomen',
    plan: 'Schuldhulp en gezinscoach',
    directorMemberId: (await db.member.findFirstOrThrow({ where: { aadObjectId: youthCareContact.aadObjectId } })).id,
    nextStep: 'regieFollowUp',
    action1_description: 'Huisbezoek afleggen',
    action1_organisationId: orgs['Korps Politie CN']!,
    action1_dueDate: '2026-12-01',
  };
}

describe('a session in Teams', () => {
  it('open, contribute, decide, claim, close: the channel card follows without personal data; each person sees their own part', async () => {
    const { bot, reference, sessionId, agendaItemId } = await stage();
    const editedBefore = bot.edited.length; // the channel-link chooser
    const { body: refused } = await bot.click(police, Verb.sessionOpen, { sessionId }, inChannel());
    expect(refused.value).toBe('Alleen de voorzitter van de tafel (of de procesmanager) kan het overleg leiden.');

    const { body: opened } = await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    expect(opened.value).toContain('Het overleg is geopend');
    const live = textOf(bot.notifier.updates.at(-1)!.message.card);
    expect(live).toMatch(new RegExp(`${reference} · \\*\\*bezig\\*\\*`));
    expect(live).not.toMatch(/Jan Fictief|huisuitzetting/i);
    const started = bot.notifier.to(police.aadObjectId).at(-1);
    expect(textOf(started?.card)).toContain('Deze casus wordt nu besproken.');
    expect(textOf(started?.card)).not.toMatch(/Jan Fictief|Fictief/);
    expect(textOf((await bot.open(police, started)).value)).toMatch(
      /Deze casus wordt nu besproken\.[\s\S]*Jan Fictief/,
    );
    expect(bot.notifier.to(krusada.aadObjectId)).toHaveLength(0);

    // A leefgebied outside the list (a forged card) is refused in Dutch, in the attention colour, and nothing is kept.
    const { body: forged } = await bot.click(police, Verb.discussionAddContribution, {
      agendaItemId,
      submissionId: randomUUID(),
      text: 'Iets',
      lifeDomain: 'ufo',
    });
    const forgedBody = (forged.value as { body: Record<string, unknown>[] }).body;
    expect(forgedBody.filter((e) => e.text === 'Kies een leefgebied uit de lijst, of geen.')).toEqual([
      expect.objectContaining({ color: 'Attention' }),
    ]);
    expect(textOf(forged.value)).not.toContain('Invalid input');
    expect(await db.contribution.count()).toBe(0);

    const submissionId = randomUUID();
    const { body: added } = await bot.click(police, Verb.discussionAddContribution, {
      agendaItemId,
      submissionId,
      text: 'Drie meldingen huiselijk geweld dit jaar',
      lifeDomain: 'domesticViolence',
      sensitive: 'false',
    });
    expect(textOf(added.value)).toMatch(
      /Je inbreng is opgeslagen[\s\S]*Korps Politie CN\*\* \(Ruben Croes\) · Huiselijk geweld: Drie meldingen/,
    );
    await bot.click(police, Verb.discussionAddContribution, {
      agendaItemId,
      submissionId,
      text: 'Drie meldingen huiselijk geweld dit jaar',
    });
    expect(await db.contribution.count()).toBe(1);
    const { body: youth } = await bot.click(youthCareContact, Verb.discussionOpen, { agendaItemId });
    expect(textOf(youth.value)).toContain('Drie meldingen huiselijk geweld dit jaar');
    // In Teams the case card refreshes itself; the automatic invoke answers the viewer and edits nothing.
    const automatic = {
      replyToId: 'case-card',
      value: {
        action: {
          type: 'Action.Execute',
          verb: Verb.discussionOpen,
          data: { verb: Verb.discussionOpen, agendaItemId },
        },
        trigger: 'automatic',
      },
    };
    const { body: refreshed } = await bot.click(youthCareContact, Verb.discussionOpen, {}, automatic);
    expect((refreshed.value as { refresh?: { action: { verb: string } } }).refresh?.action.verb).toBe(
      Verb.discussionOpen,
    );
    expect(bot.edited.filter((a) => a.id === 'case-card')).toEqual([]);
    const { body: outsider } = await bot.click(krusada, Verb.discussionOpen, { agendaItemId }, inChannel());
    expect(outsider.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');

    const { body: form } = await bot.click(processManager, Verb.decisionForm, { agendaItemId });
    const decision = await homeVisitDecision(agendaItemId, form.value);
    const { body: decided } = await bot.click(processManager, Verb.decisionRecord, decision);
    expect(textOf(decided.value)).toMatch(
      /Het besluit is vastgelegd[\s\S]*Huisuitzetting voorkomen[\s\S]*Marco Rosaria/,
    );
    await bot.click(processManager, Verb.decisionRecord, decision); // a double click
    expect(await db.decision.count()).toBe(1);
    const offered = bot.notifier.to(colleague.aadObjectId).at(-1)!;
    expect(textOf(offered.card)).toContain('Er is een actie voor jouw organisatie afgesproken');
    expect(textOf(offered.card)).not.toContain('Huisbezoek afleggen');
    expect(textOf((await bot.open(colleague, offered)).value)).toMatch(
      /Er is een actie voor jouw organisatie afgesproken[\s\S]*Huisbezoek afleggen[\s\S]*Ik pak dit op/,
    );

    const actionId = (await db.caseAction.findFirstOrThrow()).id;
    const [first, second] = await Promise.all([
      bot.click(colleague, Verb.actionClaim, { actionId }),
      bot.click(police, Verb.actionClaim, { actionId }),
    ]);
    const texts = [textOf(first.body.value), textOf(second.body.value)];
    expect(texts.filter((t) => t.includes('Je hebt deze actie opgepakt.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Iemand anders was je voor.'))).toHaveLength(1);
    const holder = texts.join().includes('Opgepakt door Collega Politie') ? 'Collega Politie' : 'Ruben Croes';
    for (const t of texts) expect(t).toContain(`Opgepakt door ${holder}`);
    const { body: list } = await bot
      .say(holder === 'Ruben Croes' ? police : colleague, 'mijn acties')
      .then((r) => ({ body: cardOf(r[0]) }));
    expect(textOf(list)).toMatch(
      new RegExp(`Door jou opgepakt[\\s\\S]*${reference}\\*\\* · Huisbezoek afleggen[\\s\\S]*\\(1 december 2026\\)`),
    );

    const { body: closed } = await bot.click(processManager, Verb.sessionClose, { sessionId }, inChannel());
    expect(closed.value).toBe('Het overleg is gesloten.');
    expect(textOf(bot.notifier.updates.at(-1)!.message.card)).toContain('1 casus besproken, 1 actie, 0 doorgeschoven.');
    expect(bot.edited).toHaveLength(editedBefore);

    const told = bot.notifier.to(police.aadObjectId).at(-1);
    expect(textOf(told?.card)).toMatch(/Verslag[\s\S]*Overleg Casusoverleg Bonaire/);
    expect(textOf((await bot.open(police, told)).value)).toMatch(
      /Verslag Casusoverleg Bonaire[\s\S]*Het overleg is afgerond/,
    );
    expect(bot.notifier.to(krusada.aadObjectId)).toHaveLength(0);

    // The verslag: the invited see their case with who took part and what was decided; the others see none of it.
    const { body: minutes } = await bot.click(youthCareContact, Verb.sessionMinutes, { sessionId }, inChannel());
    // After the meeting another organisation's contribution is theirs again (zeggenschap): youth care reads the
    // decision, not what the police said; the police read their own.
    expect(textOf(minutes.value)).toMatch(
      new RegExp(
        `${reference}: besloten[\\s\\S]*Aanwezig: Korps Politie CN[\\s\\S]*Huisuitzetting voorkomen[\\s\\S]*Huisbezoek afleggen`,
      ),
    );
    expect(textOf(minutes.value)).not.toContain('Drie meldingen huiselijk geweld');
    const { body: policeMinutes } = await bot.click(police, Verb.sessionMinutes, { sessionId }, inChannel());
    expect(textOf(policeMinutes.value)).toContain('Korps Politie CN: Drie meldingen huiselijk geweld');
    const { body: notInvited } = await bot.click(krusada, Verb.sessionMinutes, { sessionId }, inChannel());
    expect(textOf(notInvited.value)).toContain('Jouw organisatie was voor geen van de casussen uitgenodigd.');
    expect(textOf(notInvited.value)).not.toMatch(/Huisuitzetting|Huisbezoek|ZVH-2026/); // the shared card is edited through the notifier only, never by an invoke answer
  });

  it('a button no feature knows, or one with a malformed payload, answers 200 with a Dutch card and changes nothing', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(police, 'verdwenen.verb', { whatever: 1 });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(body.value)).toContain('Deze knop werkt niet meer');
    const { body: malformed } = await bot.click(police, Verb.actionClaim, { actionId: { $ne: null } });
    expect(malformed.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
    const { body: noReply } = await bot.click(police, Verb.sessionNext, {});
    expect(noReply.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
  });
});

describe('safe meeting controls (issue 20)', () => {
  it('"Overleg sluiten" first says what will happen, counted, with the next meeting in the table\'s time; only the confirm closes, once', async () => {
    const { bot, reference, sessionId } = await stage();
    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    const live = bot.notifier.updates.at(-1)!.message.card as { actions: { title: string; verb: string }[] };
    expect(live.actions.map((a) => a.title)).toEqual([
      'Open casus',
      'Volgende casus',
      'Doorschuiven',
      'Overleg sluiten',
    ]);
    expect(live.actions.find((a) => a.title === 'Overleg sluiten')?.verb).toBe(Verb.sessionCloseAsk);
    expect(textOf(live)).not.toContain('Overslaan');

    const { body: asked } = await bot.click(processManager, Verb.sessionCloseAsk, { sessionId }, inChannel());
    expect(textOf(asked.value)).toContain(
      '0 casussen besproken. 1 casus zonder besluit gaat naar het overleg van dinsdag 8 december 2026 om 10:00.',
    );
    expect((asked.value as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual([
      'Ja, overleg sluiten',
      'Terug naar het overleg',
    ]);
    expect(textOf(asked.value)).not.toContain(reference);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).closedAt).toBeNull();
    const { body: back } = await bot.click(processManager, Verb.sessionShow, { sessionId }, inChannel());
    expect(textOf(back.value)).toMatch(new RegExp(`${reference} · \\*\\*bezig\\*\\*`));

    const told = bot.notifier.sent.length;
    const [first, second] = await bot.clickAtOnce([
      { user: processManager, verb: Verb.sessionClose, data: { sessionId } },
      { user: processManager, verb: Verb.sessionClose, data: { sessionId } },
    ]);
    expect([first!.value, second!.value].sort()).toEqual([
      'Dat is al gebeurd: de kaart in het kanaal toont de actuele stand.',
      'Het overleg is gesloten.',
    ]);
    const closedNotices = bot.notifier.sent.slice(told).filter((m) => textOf(m.message.card).includes('Verslag'));
    expect(closedNotices.length).toBeGreaterThanOrEqual(3); // police (twice over), youth care, the chair: each once
    expect(closedNotices).toHaveLength(new Set(closedNotices.map((m) => JSON.stringify(m.to))).size);
    expect(
      await db.agendaItem.count({
        where: { caseId: (await db.agendaItem.findFirstOrThrow({ where: { sessionId } })).caseId },
      }),
    ).toBe(2);
    const { body: late } = await bot.click(processManager, Verb.sessionCloseAsk, { sessionId });
    expect(textOf(late.value)).toContain('Dit overleg is al gesloten.');
  });

  it("someone who does not chair can neither ask to close nor close, nor see the chair's view", async () => {
    const { bot, sessionId } = await stage();
    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    const refused = 'Alleen de voorzitter van de tafel (of de procesmanager) kan het overleg leiden.';
    for (const verb of [Verb.sessionCloseAsk, Verb.sessionClose, Verb.sessionShow])
      expect((await bot.click(police, verb, { sessionId }, inChannel())).body.value).toBe(refused);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).closedAt).toBeNull();
  });

  it('the chair\'s case card has "Volgende casus" and the asking close; a participant\'s has neither', async () => {
    const { bot, sessionId, agendaItemId } = await stage();
    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    type Button = { type: string; title: string; verb: string; data: object };
    /** Every button on the card, in the body's action sets too. */
    const buttons = (node: unknown): Button[] =>
      Array.isArray(node)
        ? node.flatMap(buttons)
        : node && typeof node === 'object'
          ? [
              ...((node as Button).type === 'Action.Execute' ? [node as Button] : []),
              ...Object.values(node).flatMap(buttons),
            ]
          : [];
    const titles = async (user: TestUser) =>
      buttons((await bot.click(user, Verb.discussionOpen, { agendaItemId })).body.value);
    const chair = await titles(processManager);
    expect(chair.find((a) => a.title === 'Volgende casus')).toMatchObject({
      verb: Verb.sessionNext,
      data: { sessionId, itemId: agendaItemId },
    });
    expect(chair.find((a) => a.title === 'Overleg sluiten')?.verb).toBe(Verb.sessionCloseAsk);
    const participant = (await titles(police)).map((a) => a.title);
    expect(participant).toContain('Vernieuwen');
    expect(participant).not.toContain('Volgende casus');
    expect(participant).not.toContain('Overleg sluiten');
  });

  it("an invited incidentele deelnemer who has not signed: a count on the channel card, the name on the chair's case card only, the statement for them", async () => {
    await db.member.update({ where: { aadObjectId: colleague.aadObjectId }, data: { occasional: true } });
    const { bot, sessionId, agendaItemId } = await stage();
    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    const live = textOf(bot.notifier.updates.at(-1)!.message.card);
    expect(live).toContain('1 deelnemer heeft de geheimhoudingsverklaring nog niet getekend.');
    expect(live).not.toContain(colleague.displayName);
    const chair = textOf((await bot.click(processManager, Verb.discussionOpen, { agendaItemId })).body.value);
    expect(chair).toMatch(/Geheimhoudingsverklaring nog niet getekend[\s\S]*Collega Politie/);
    const participant = textOf((await bot.click(police, Verb.discussionOpen, { agendaItemId })).body.value);
    expect(participant).not.toContain(colleague.displayName);
    expect(participant).toContain('Jan Fictief');
    const theirs = textOf((await bot.click(colleague, Verb.discussionOpen, { agendaItemId })).body.value);
    expect(theirs).toContain('Je ziet de inhoud van casussen pas als je de geheimhoudingsverklaring hebt aanvaard');
    expect(theirs).not.toContain('Jan Fictief');
  });

  it('the decision form starts with every invited organisation as present, not only the one that contributed', async () => {
    const { bot, sessionId, agendaItemId } = await stage();
    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    await bot.click(police, Verb.discussionAddContribution, {
      agendaItemId,
      submissionId: randomUUID(),
      text: 'Drie meldingen',
      sensitive: 'false',
    });
    const { body: form } = await bot.click(processManager, Verb.decisionForm, { agendaItemId });
    const field = (form.value as { body: { id?: string; value?: string }[] }).body.find((e) => e.id === 'attendance');
    expect(field?.value?.split(',').sort()).toEqual([orgs['Jeugdzorg CN']!, orgs['Korps Politie CN']!].sort());
  });
});

describe('a meeting button that no longer fits the session', () => {
  it('closing a meeting nobody opened, or opening one that was closed, tells the chair what happened', async () => {
    const { bot, sessionId, agendaItemId } = await stage();
    const { body: notOpened } = await bot.click(processManager, Verb.sessionClose, { sessionId }, inChannel());
    expect(notOpened.value).toBe(
      'Het overleg is nog niet geopend. De voorzitter opent het met "Overleg starten" op de agenda in het kanaal; daarna kan het gesloten worden.',
    );
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).closedAt).toBeNull();

    await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    const { body: closed } = await bot.click(processManager, Verb.sessionClose, { sessionId }, inChannel());
    expect(closed.value).toBe('Het overleg is gesloten.');
    const { body: reopened } = await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
    expect(reopened.value).toBe(
      'Dit overleg is al gesloten of geannuleerd; daar verandert niets meer aan. Wat nog besproken moet worden, komt op de agenda van een volgend overleg.',
    );
    const { body: next } = await bot.click(
      processManager,
      Verb.sessionNext,
      { sessionId, itemId: agendaItemId },
      inChannel(),
    );
    expect(next.value).toBe('Dat is al gebeurd: de kaart in het kanaal toont de actuele stand.');
  });

  it('once the meeting has begun, the procesmanager is told its agenda and time stay as they are', async () => {
    const { bot, sessionId, agendaItemId } = await stage();
    const session = await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } });
    bot.clock.set(new Date(session.startsAt.getTime() + 60_000));
    const started =
      'Het overleg is al begonnen: de agenda en het tijdstip liggen vast. Wat nu nog moet, zet je op de agenda van een volgend overleg.';
    const { body: removed } = await bot.click(processManager, Verb.agendaEdit, {
      sessionId,
      action: 'remove',
      itemId: agendaItemId,
    });
    expect(removed.value).toBe(started);
    // As the sessions card sends it: the session and its table.
    const { body: cancelled } = await bot.click(processManager, Verb.sessionCancel, {
      sessionId,
      tableId: session.tableId,
    });
    expect(cancelled.value).toBe(started);
    expect(await db.agendaItem.count({ where: { id: agendaItemId, sessionId } })).toBe(1);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(session.status);
  });
});

describe("the table's Teams meeting", () => {
  const meetingEvent = (name: 'meetingStart' | 'meetingEnd'): Partial<Activity> => ({
    ...inChannel(),
    type: 'event',
    name: `application/vnd.microsoft.${name}`,
    // Teams sends PascalCase keys here; only the meeting id in channelData is used.
    value: { Id: 'MCMxOTptZWV0aW5n', MeetingType: 'Recurring', Title: 'Casusoverleg' },
    channelData: { tenant: { id: tenantId }, meeting: { id: 'MCMxOTptZWV0aW5n' } },
  });

  it("linked in its chat, the meeting's start opens the session and its end offers the chair to close it", async () => {
    const { bot, reference, sessionId } = await stage();
    await bot.click(
      processManager,
      Verb.tableLink,
      { tableId: (await listTables(db))[0]!.id },
      { ...inChannel(), channelData: { ...inChannel().channelData, meeting: { id: 'MCMxOTptZWV0aW5n' } } },
    );
    expect((await listTables(db))[0]!.channelConversationId).toBe(channelId);

    await bot.deliver({ ...bot.personal(processManager), ...meetingEvent('meetingStart') });
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).openedAt).not.toBeNull();
    expect(textOf(bot.notifier.updates.at(-1)!.message.card)).toMatch(new RegExp(`${reference} · \\*\\*bezig\\*\\*`));
    expect(textOf(bot.notifier.to(police.aadObjectId).at(-1)?.card)).toContain('Deze casus wordt nu besproken.');

    const replies = await bot.deliver({ ...bot.personal(processManager), ...meetingEvent('meetingEnd') });
    expect(textOf(cardOf(replies[0]))).toContain('Het Teams-overleg is afgelopen');
    expect(JSON.stringify(cardOf(replies[0]))).toContain(Verb.sessionCloseAsk);
  });

  it('a meeting whose chat is not a channel is linked from its chat; its start opens the session, the agenda channel stays', async () => {
    const { bot, sessionId } = await stage();
    const meetingChat: Partial<Activity> = {
      conversation: {
        id: '19:meeting_abc@thread.v2',
        conversationType: 'groupChat',
        isGroup: true,
        tenantId,
      } as Activity['conversation'],
      channelData: { tenant: { id: tenantId }, meeting: { id: 'MCMxOTptZWV0aW5n' } },
    };
    const { body } = await bot.click(
      processManager,
      Verb.tableLink,
      { tableId: (await listTables(db))[0]!.id },
      meetingChat,
    );
    expect(body.value).toBe(
      'Dit Teams-overleg hoort nu bij tafel Casusoverleg Bonaire: als het begint, opent het casusoverleg.',
    );
    expect((await listTables(db))[0]!.channelConversationId).toBe(channelId);
    await bot.deliver({
      ...bot.personal(processManager),
      ...meetingEvent('meetingStart'),
      ...meetingChat,
      type: 'event',
      name: 'application/vnd.microsoft.meetingStart',
    });
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).openedAt).not.toBeNull();
  });

  it('a meeting no table is linked to changes nothing', async () => {
    const { bot, sessionId } = await stage();
    const replies = await bot.deliver({ ...bot.personal(processManager), ...meetingEvent('meetingStart') });
    expect(replies).toEqual([]);
    expect((await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).openedAt).toBeNull();
  });
});

describe('commands whose answer names people or cases', () => {
  it.each(['mijn acties', 'casussen', 'mijn aanmeldingen', 'aanmelden'])(
    '"%s" in a channel is answered with where to type it, not with the list',
    async (command) => {
      const bot = createTestBot(db);
      await bot.click(
        police,
        Verb.referralSubmit,
        validReferralData([orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!]),
      );
      const replies = await bot.say(police, command, inChannel());
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toBe(
        `Dat doe je in een persoonlijke chat met mij: typ daar "${command}". Hier lezen anderen mee.`,
      );
      expect(replies[0]!.attachments).toBeUndefined();
    },
  );
});

describe('the action card (issue 20, part 3)', () => {
  /** A decision with one police action, the youth care contact as casusregisseur. */
  async function decided() {
    const staged = await stage();
    const { bot, agendaItemId } = staged;
    await bot.click(processManager, Verb.sessionOpen, { sessionId: staged.sessionId }, inChannel());
    const { body: form } = await bot.click(processManager, Verb.decisionForm, { agendaItemId });
    await bot.click(processManager, Verb.decisionRecord, await homeVisitDecision(agendaItemId, form.value));
    return { ...staged, actionId: (await db.caseAction.findFirstOrThrow()).id };
  }

  it('the organisation that holds it reads who, where, whom to call and which meeting decided it; others at the table not the address', async () => {
    const { bot, actionId, caseId } = await decided();
    await db.member.updateMany({
      where: { aadObjectId: youthCareContact.aadObjectId },
      data: { phone: '+599 717 1234', email: 'regie@jeugdzorg.example' },
    });
    const { body: holder } = await bot.click(colleague, Verb.actionShow, { actionId });
    const text = textOf(holder.value);
    expect(text).toMatch(/Om wie het gaat[\s\S]*Jan Fictief, Kaya Fictief 1, Kralendijk/);
    expect(text).toContain('Marco Rosaria, Jeugdzorg CN');
    expect(text).toContain('+599 717 1234 · regie@jeugdzorg.example');
    // 14:00 UTC is 10:00 on Bonaire, the table's timezone.
    expect(text).toContain('Casusoverleg Bonaire, dinsdag 24 november 2026 om 10:00');
    const actions = (holder.value as { actions: { title: string; data?: Record<string, unknown> }[] }).actions;
    expect(actions.find((a) => a.title === 'Open casus')?.data).toMatchObject({ caseId });
    const { body: overview } = await bot.click(colleague, Verb.caseOverview, { caseId });
    expect(textOf(overview.value)).toContain('Huisuitzetting voorkomen');

    // Youth care is at the table and directs the case: it reads the names, not where the family lives.
    const { body: other } = await bot.click(youthCareContact, Verb.actionShow, { actionId });
    expect(textOf(other.value)).toContain('Jan Fictief');
    expect(textOf(other.value)).not.toContain('Kaya Fictief');
    // Not invited: nothing at all, not even that the action exists.
    const { body: outsider } = await bot.click(krusada, Verb.actionShow, { actionId });
    expect(outsider.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
  });

  it('whoever has it reports it done on the card itself, with the result typed inline', async () => {
    const { bot, actionId } = await decided();
    const { body: open } = await bot.click(colleague, Verb.actionShow, { actionId });
    expect(JSON.stringify(open.value)).not.toContain('"id":"result"');
    const { body: claimed } = await bot.click(colleague, Verb.actionClaim, { actionId });
    const card = claimed.value as { body: { id?: string }[]; actions: { type: string; title: string }[] };
    expect(card.body.some((e) => e.id === 'result')).toBe(true);
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', title: 'Klaar melden' });
    expect(card.actions.some((a) => a.type === 'Action.ShowCard' && a.title === 'Klaar')).toBe(false);
    const { body: done } = await bot.click(colleague, Verb.actionComplete, { actionId, result: 'Gezin bezocht' });
    expect(textOf(done.value)).toMatch(/Stand[\s\S]*Klaar[\s\S]*Gezin bezocht/);
    expect((await db.caseAction.findUniqueOrThrow({ where: { id: actionId } })).state).toBe('done');
  });

  it('"Niet uitgevoerd" on the card: the reason and explanation inline, Dutch messages at the field, a double click closes once, nothing in the log', async () => {
    const { bot, actionId } = await decided();
    const { body: claimed } = await bot.click(colleague, Verb.actionClaim, { actionId });
    type Card = {
      body: { id?: string; text?: string }[];
      actions: { type: string; title: string; card?: { body: { id?: string }[] } }[];
    };
    const shown = (claimed.value as Card).actions.find((a) => a.title === 'Niet uitgevoerd');
    expect(shown?.type).toBe('Action.ShowCard');
    expect(shown?.card?.body.map((e) => e.id)).toEqual(['closeReason', 'closeExplanation']);
    // A colleague of the holder may not close it; the card they see has no such button.
    const { body: viewed } = await bot.click(police, Verb.actionShow, { actionId });
    expect((viewed.value as Card).actions.some((a) => a.title === 'Niet uitgevoerd')).toBe(false);
    const explanation = 'Twee keer langs geweest, niemand thuis';
    const { body: refused } = await bot.click(police, Verb.actionNotDone, {
      actionId,
      closeReason: 'failed',
      closeExplanation: explanation,
    });
    expect(refused.value).toBe(
      'Alleen wie de actie heeft, de casusregisseur of de procesmanager kan een open actie als niet uitgevoerd melden.',
    );
    // Without a reason: the form comes back open, the message under its field, the explanation kept.
    const { body: wrong } = await bot.click(colleague, Verb.actionNotDone, { actionId, closeExplanation: explanation });
    const form = wrong.value as Card;
    const at = form.body.findIndex((e) => e.id === 'closeReason');
    expect(form.body[at + 1]?.text).toBe('Kies waarom de actie niet is uitgevoerd.');
    expect(JSON.stringify(form)).toContain(explanation);
    expect((await db.caseAction.findUniqueOrThrow({ where: { id: actionId } })).state).toBe('claimed');
    const click = () =>
      bot.click(colleague, Verb.actionNotDone, { actionId, closeReason: 'failed', closeExplanation: explanation });
    const [first, second] = await Promise.all([click(), click()]);
    const texts = [textOf(first.body.value), textOf(second.body.value)];
    expect(texts.filter((t) => t.includes('Gemeld als niet uitgevoerd.'))).toHaveLength(1);
    for (const t of texts)
      expect(t).toMatch(/Stand[\s\S]*Niet uitgevoerd: niet gelukt[\s\S]*Toelichting[\s\S]*niemand thuis/);
    const stored = await db.caseAction.findUniqueOrThrow({ where: { id: actionId } });
    expect([stored.state, stored.closeReason, stored.closeExplanation]).toEqual(['notDone', 'failed', explanation]);
    expect(await db.auditEvent.count({ where: { recordId: actionId, action: 'action.notDone' } })).toBe(1);
    expect(bot.logs.text()).not.toContain('niemand thuis');
    // Not invited: nothing at all.
    const { body: outsider } = await bot.click(krusada, Verb.actionNotDone, { actionId, closeReason: 'failed' });
    expect(outsider.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
  });
});
