import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../bot/teams/testing.ts';
import { pushedTopics } from '../../cards/pushed.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import {
  createTestBot,
  type TestUser,
  police,
  processManager,
  tenantId,
  textOf,
  youthCareContact,
} from '../support/bot.ts';
import { publishAgenda } from '../support/agenda.ts';
import { useDatabase } from '../support/database.ts';
import { colleague, seedPeople } from '../support/decided-case.ts';
import { validReferralData } from '../support/referral.ts';

/**
 * Issue 19, part 1: what the bot sends unasked names the case by its reference and says what happened, and nothing
 * else. A whole case is walked through the bot (intake, a question, screening, agenda, meeting, contributions,
 * decision, actions, regie, consent, informing, a handover, closure, evaluation, and the reminders the jobs send)
 * with distinctive words typed everywhere; not one of them may be in any card pushed to anyone. The content is
 * still there for whoever opens a card and may read it.
 */
const db = useDatabase();
const channelId = '19:pushed@thread.tacv2';
const inChannel = (): Partial<Activity> => ({
  conversation: { id: `${channelId};messageid=1`, conversationType: 'channel', isGroup: true, tenantId } as never,
  channelData: { tenant: { id: tenantId }, team: { id: 'team-zvh' }, channel: { id: channelId } },
});

const typed = {
  name: 'Quirijntje',
  surname: 'Vandermolenaar',
  child: 'Sterreblom',
  bsn: '123456782',
  birthDate: '23-06-1974',
  birthIso: '1974-06-23',
  address: 'Zeepaardjeslaan',
  phone: '7654321',
  email: 'melder.zeepaard',
  housing: 'Huurschuld Kraaiennest',
  finances: 'Deurwaarder Pimpelmees',
  violence: 'Ruzie Duinroos',
  criterion: 'Criterium Zilvermeeuw',
  notInformed: 'Reden Korenbloem',
  question: 'Vraag Meidoorn',
  rejection: 'Afwijzing Sleedoorn',
  contribution: 'Inbreng Klaproos',
  theirs: 'Inbreng Boterbloem',
  intervention: 'Interventie Zonnedauw',
  goal: 'Doel Watermunt',
  plan: 'Plan Dotterbloem',
  action: 'Actie Pinksterbloem',
  condition: 'Voorwaarde Lisdodde',
  progress: 'Voortgang Kattenstaart',
  necessity: 'Noodzaak Wilgenroos',
  purpose: 'Doel Moerasspirea',
  externalName: 'Gremium Fluitekruid',
  closeNote: 'Afsluiting Smeerwortel',
  result: 'Resultaat Koekoeksbloem',
};

describe('pushed versus opened', () => {
  it('no card the bot pushes in a whole case names the person or holds anything typed; opening one shows its content to who may read it', async () => {
    const orgs = await seedPeople(db);
    const bot = createTestBot(db, { now: new Date('2026-11-20T09:00:00Z') });
    for (const user of [processManager, police, youthCareContact, colleague]) await bot.say(user, 'hulp');
    const policeOrg = orgs['Korps Politie CN']!;
    const youthOrg = orgs['Jeugdzorg CN']!;
    const form = validReferralData([policeOrg, youthOrg], {
      p1_name: `${typed.name} ${typed.surname}`,
      p1_bsn: typed.bsn,
      p1_birthDate: typed.birthDate,
      p1_address: `${typed.address} 7, Rincon`,
      p2_name: `${typed.child} ${typed.surname}`,
      p2_address: `${typed.address} 7, Rincon`,
      domain_housing: typed.housing,
      domain_finances: typed.finances,
      domain_domesticViolence: typed.violence,
      criterionDomains: typed.criterion,
      informed: 'no',
      informedBy: undefined,
      notInformedReason: typed.notInformed,
      contactPhone: `+599 ${typed.phone}`,
      contactEmail: `${typed.email}@politie.example`,
    });

    // Intake, a question, the answer, acceptance; a second aanmelding is rejected with a reason.
    const submitted = await bot.click(police, Verb.referralSubmit, form);
    const reference = /ZVH-2026-\d{4}/.exec(textOf(submitted.body.value))![0];
    const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
    await bot.click(processManager, Verb.screeningAskInfo, { caseId, question: typed.question });
    await bot.click(police, Verb.referralSubmit, { caseId, ...form });
    const table = (await listTables(db))[0]!;
    await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: table.id });
    const other = await bot.click(police, Verb.referralSubmit, validReferralData([policeOrg, youthOrg], form));
    const otherId = (
      await db.case.findUniqueOrThrow({
        where: { reference: /ZVH-2026-\d{4}/.exec(textOf(other.body.value))![0] },
      })
    ).id;
    await bot.click(processManager, Verb.screeningReject, { caseId: otherId, reason: typed.rejection });

    // The agenda in the channel, the meeting, what is said there and decided.
    await bot.say(processManager, 'tafel koppelen', inChannel());
    await bot.click(processManager, Verb.tableLink, { tableId: table.id }, inChannel());
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId }, include: { session: true } });
    await publishAgenda(bot, item.sessionId);
    bot.clock.set(new Date(item.session.startsAt.getTime() + 60_000));
    await bot.click(processManager, Verb.sessionOpen, { sessionId: item.sessionId }, inChannel());
    const contribute = (user: TestUser, text: string) =>
      bot.click(user, Verb.discussionAddContribution, {
        agendaItemId: item.id,
        submissionId: randomUUID(),
        text,
        lifeDomain: 'housing',
        sensitive: 'false',
      });
    await contribute(police, typed.contribution);
    await contribute(youthCareContact, typed.theirs);
    await bot.click(youthCareContact, Verb.discussionAddIntervention, {
      agendaItemId: item.id,
      submissionId: randomUUID(),
      description: typed.intervention,
      organisationId: youthOrg,
    });
    const member = async (user: { aadObjectId: string }) =>
      (await db.member.findFirstOrThrow({ where: { aadObjectId: user.aadObjectId } })).id;
    const decided = await bot.click(processManager, Verb.decisionRecord, {
      agendaItemId: item.id,
      goal: typed.goal,
      plan: typed.plan,
      directorMemberId: await member(youthCareContact),
      nextStep: 'regieFollowUp',
      action1_description: typed.action,
      action1_organisationId: policeOrg,
      action1_dueDate: '2026-12-01',
    });
    expect(textOf(decided.body.value)).toContain('Het besluit is vastgelegd');
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    await bot.click(processManager, Verb.actionReassign, { actionId, memberId: await member(colleague) });
    await bot.click(processManager, Verb.informingRecord, { caseId, informerMemberId: await member(youthCareContact) });
    await bot.click(processManager, Verb.sessionClose, { sessionId: item.sessionId }, inChannel());

    // After the meeting: consent with a condition, progress, a new regisseur, a handover, closure and evaluation.
    const theirs = (await db.contribution.findFirstOrThrow({ where: { text: typed.theirs } })).id;
    await bot.click(police, Verb.consentRequest, { contributionId: theirs });
    const consentId = (await db.contributionConsent.findFirstOrThrow()).id;
    await bot.click(youthCareContact, Verb.consentAnswer, {
      consentId,
      answer: 'yesWithCondition',
      condition: typed.condition,
    });
    await bot.click(youthCareContact, Verb.regieProgress, { caseId, text: typed.progress, submissionId: randomUUID() });
    const ours = (await db.contribution.findFirstOrThrow({ where: { text: typed.contribution } })).id;
    await bot.click(youthCareContact, Verb.handoverStart, {
      caseId,
      submissionId: randomUUID(),
      target: 'external',
      externalName: typed.externalName,
      necessity: typed.necessity,
      purpose: typed.purpose,
      registeringOrganisationId: youthOrg,
      informerMemberId: await member(youthCareContact),
      [`item_${ours}`]: 'include',
    });
    const handoverId = (await db.handover.findFirstOrThrow()).id;
    await bot.click(police, Verb.handoverAnswer, { handoverId, [`item_${ours}`]: 'yes' });
    await bot.click(processManager, Verb.regieChangeDirector, { caseId, directorMemberId: await member(police) });
    bot.clock.set(new Date('2026-11-30T12:00:00Z'));
    await bot.runDueJobs(); // the day before the action is due
    bot.clock.set(new Date('2026-12-02T12:00:00Z'));
    await bot.runDueJobs(); // the day after, still open
    bot.clock.set(new Date('2026-12-20T12:00:00Z'));
    await bot.runDueJobs(); // informing overdue
    await bot.click(police, Verb.regiePropose, {
      caseId,
      kind: 'closure',
      outcome: 'goalReached',
      note: typed.closeNote,
    });
    const proposalId = (await db.caseProposal.findFirstOrThrow({ where: { caseId } })).id;
    await bot.click(processManager, Verb.proposalDecide, { proposalId, approve: true });
    await bot.click(processManager, Verb.evaluationRemind, { caseId });

    // ---- Everything pushed to a person: each kind of message came, and none of it holds anything typed.
    const pushed = bot.notifier.sent.filter((s) => 'person' in s.to);
    const titles = new Set(
      pushed.map((p) =>
        textOf(p.message.card)
          .split('\n')[0]!
          .replace(/: ZVH-.*$/, ''),
      ),
    );
    const expected: (keyof typeof pushedTopics)[] = [
      'screeningRequested',
      'screeningResubmitted',
      'informationRequested',
      'referralAccepted',
      'referralRejected',
      'agendaPublished',
      'discussionStarted',
      'actionAssigned',
      'actionReassigned',
      'actionDueTomorrow',
      'actionOverdue',
      'directorNew',
      'directorOld',
      'informerNamed',
      'informingReminder',
      'sessionClosed',
      'consentRequested',
      'consentAnswered',
      'handoverConsentRequested',
      'proposalMade',
      'proposalDecided',
      'evaluationRequested',
      'evaluationReminder',
    ];
    expect(expected.filter((t) => !titles.has(pushedTopics[t].title))).toEqual([]);
    const everything = JSON.stringify(pushed.map((p) => p.message)).toLowerCase();
    const found = Object.entries(typed).filter(([, words]) => everything.includes(words.toLowerCase()));
    expect(found.map(([key]) => key)).toEqual([]);
    // Each holds the fixed words of its kind, references, meeting times and buttons: nothing a person typed.
    const allowed = new Set<string>(Object.values(pushedTopics).flatMap((t) => [t.title, t.line, t.button]));
    for (const { message } of pushed) {
      const lines = textOf(message.card).split('\n');
      const unexpected = lines.filter(
        (line) =>
          !allowed.has(line) &&
          !allowed.has(line.replace(/: ZVH-\d{4}-\d+$/, '')) &&
          !/^\*\*ZVH-\d{4}-\d+\*\*( wordt nu besproken op .*)?$/.test(line) &&
          !/^Overleg .*(, \w+dag \d+ \w+ \d{4} om \d\d:\d\d|verplaatst .*)\.?$/.test(line) &&
          !line.startsWith('De inhoud verschijnt als je de kaart opent') &&
          !['Staat er niet: opnieuw plaatsen', 'Staat er al'].includes(line),
      );
      expect(unexpected).toEqual([]);
    }

    // Opened by its recipient, a pushed card shows what it is about; opened by someone else, nothing of it.
    const actionNotice = bot.notifier
      .to(colleague.aadObjectId)
      .find((m) => textOf(m.card).startsWith('Actie voor jou'));
    expect(textOf((await bot.open(colleague, actionNotice)).value)).toContain(typed.action);
    const consentNotice = bot.notifier.to(police.aadObjectId).find((m) => textOf(m.card).startsWith('Antwoord op je'));
    const consentOpened = textOf((await bot.open(police, consentNotice)).value);
    expect(consentOpened).toContain(typed.theirs);
    expect(textOf((await bot.open(processManager, actionNotice)).value)).toContain(typed.action); // the procesmanager may
    const stranger = { aadObjectId: 'aad-nobody', teamsUserId: 'user-nobody', displayName: 'Niemand' };
    expect(textOf((await bot.open(stranger, actionNotice)).value)).not.toContain(typed.action);
  });
});
