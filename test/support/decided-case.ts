import { expect } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { createTestBot, police, processManager, textOf, youthCareContact } from './bot.ts';
import { organisationIds, validReferralData } from './referral.ts';

export const krusada = { aadObjectId: 'aad-krusada', teamsUserId: 'user-krusada', displayName: 'Deelnemer Krusada' };
export const colleague = { aadObjectId: 'aad-police-2', teamsUserId: 'user-police-2', displayName: 'Collega Politie' };
export const notFound = 'Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.';

/** The demo people, plus a participant of an uninvolved partner and a police colleague. */
export async function seedPeople(db: Db): Promise<Record<string, string>> {
  await seedDemoData(db, [...demoMembers]);
  const orgs = await organisationIds(db);
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
  return orgs;
}

/** Through the bot: a case of the police and youth care, decided at its first meeting with youth care's contact as regisseur. */
export async function decidedCase(db: Db, orgs: Record<string, string>) {
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
  const item = await db.agendaItem.findFirstOrThrow({ where: { caseId }, include: { session: true } });
  bot.clock.set(new Date(item.session.startsAt.getTime() + 60_000));
  const director = (await db.member.findFirstOrThrow({ where: { aadObjectId: youthCareContact.aadObjectId } })).id;
  const { body: done } = await bot.click(processManager, Verb.decisionRecord, {
    agendaItemId: item.id,
    goal: 'Huisuitzetting voorkomen',
    plan: 'Schuldhulp en gezinscoach',
    directorMemberId: director,
    nextStep: 'regieFollowUp',
    action1_description: 'Huisbezoek afleggen',
    action1_organisationId: orgs['Korps Politie CN']!,
    action1_dueDate: '2026-12-01',
  });
  expect(textOf(done.value)).toContain('Het besluit is vastgelegd');
  return { bot, reference, caseId };
}
