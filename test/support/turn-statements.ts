import { Verb } from '../../cards/verbs.ts';
import type { Actor } from '../../src/actor.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import type { NextStep } from '../../src/decisions/decision.rules.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors } from './actors.ts';
import { createTestBot, police, processManager, textOf, youthCareContact, type TestUser } from './bot.ts';
import { buttonsOf } from './agenda.ts';
import { validReferralData } from './referral.ts';

/**
 * The most database statements a turn may send, as everything that reaches the server counts: each query, BEGIN
 * and COMMIT included (issue 18). Counted on a turn of someone who wrote before: a person's first turn also stores
 * their chat and Teams id, and a changed chat is written again.
 */
export const statementBudget = {
  hulp: 2,
  casussen: 6,
  tafels: 6,
  'mijn casussen': 6,
  schaduwlijst: 6,
  agenda: 6,
  'mijn acties': 6,
  cijfers: 6,
  'Ik pak dit op': 8,
  // Locks the table, brings the draft to what is posted (overdue cases, overflow), compares it with the draft
  // shown, claims the post job, and answers with the draft card; the post and the messages follow in the background.
  'Nu publiceren': 22,
} as const;
export type MeasuredTurn = keyof typeof statementBudget;

/** Who types what: each turn by someone it shows something to. */
const typed: [Exclude<MeasuredTurn, 'Ik pak dit op' | 'Nu publiceren'>, TestUser][] = [
  ['hulp', police],
  ['casussen', police],
  ['tafels', police],
  ['mijn casussen', youthCareContact],
  ['schaduwlijst', processManager],
  ['agenda', police],
  ['mijn acties', police],
  ['cijfers', processManager],
];

/**
 * Two accepted cases of the police and youth care with youth care's contact as regisseur, decided by the
 * procesmanager: one followed up with an open action of the police, one on the schaduwlijst.
 */
async function seedCases(db: Db, now: Date) {
  const a = await seedActors(db);
  const deps = { db, clock: { now: () => now }, informWithinDays: 14 };
  const tableId = (await listTables(db))[0]!.id;
  const decided = async (nextStep: NextStep, referrer: Actor) => {
    const submitted = await submitReferral(deps, referrer, {
      data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
    });
    if (!submitted.ok) throw new Error(`aanmelding ongeldig: ${JSON.stringify(submitted)}`);
    const accepted = await decideScreening(deps, a.pm, submitted.caseId, { decision: 'accept', tableId });
    if (!accepted.ok) throw new Error('niet geaccepteerd');
    const decision = await recordDecision(deps, a.pm, {
      caseId: submitted.caseId,
      values: {
        goal: 'Huisuitzetting voorkomen',
        plan: 'Schuldhulp en een gezinscoach',
        directorMemberId: a.youthCareContact.memberId,
        nextStep,
        action1_description: 'Huisbezoek afleggen',
        action1_organisationId: a.orgs['Korps Politie CN']!,
        action1_dueDate: '2026-12-01',
      },
    });
    if (!decision.ok) throw new Error(`besluit niet vastgelegd: ${JSON.stringify(decision)}`);
    return submitted.caseId;
  };
  const followed = await decided('regieFollowUp', a.police);
  await decided('shadowList', a.mentalHealth);
  return (await db.caseAction.findFirstOrThrow({ where: { caseId: followed, state: 'open' } })).id;
}

export interface TurnCount {
  turn: MeasuredTurn;
  statements: number;
  budget: number;
  /** What was sent, one line per statement. */
  sql: string[];
}

/**
 * Runs each measured turn through the real bot (teams-ai Application behind botbuilder's TestAdapter) on `db`, whose
 * statements `sent` collects (createDb's onStatement), and counts what one turn sends. Each typed command is sent
 * twice by the same person and the second counted; the claim is counted on a fresh action, by someone who wrote
 * before. The database may hold other data: what a turn sends does not depend on how much there is.
 */
export async function countTurnStatements(db: Db, sent: string[]): Promise<TurnCount[]> {
  const now = new Date('2026-11-23T09:00:00Z');
  const actionId = await seedCases(db, now);
  const bot = createTestBot(db, { now });
  const counted = async (turn: () => Promise<unknown>) => {
    sent.splice(0);
    await turn();
    return sent.splice(0).map((sql) => sql.replace(/\s+/g, ' ').trim());
  };
  const counts: TurnCount[] = [];
  for (const [turn, user] of typed) {
    await bot.say(user, turn);
    const sql = await counted(() => bot.say(user, turn));
    counts.push({ turn, statements: sql.length, budget: statementBudget[turn], sql });
  }
  let answer = '';
  const sql = await counted(async () => {
    answer = textOf((await bot.click(police, Verb.actionClaim, { actionId })).body.value);
  });
  if (!answer.includes('Je hebt deze actie opgepakt.')) throw new Error(`claim niet gewonnen: ${answer}`);
  counts.push({ turn: 'Ik pak dit op', statements: sql.length, budget: statementBudget['Ik pak dit op'], sql });
  counts.push(await countPublishNow(db, sent, bot));
  return counts;
}

/**
 * "Nu publiceren" on the draft the procesmanager just opened, the table linked to a channel. Counted up to the
 * moment the turn hands work to the background (the post, then the outbox): what follows is not the turn's.
 */
async function countPublishNow(db: Db, sent: string[], bot: ReturnType<typeof createTestBot>): Promise<TurnCount> {
  const table = (await listTables(db))[0]!;
  await db.conferenceTable.update({
    where: { id: table.id },
    data: { channelConversationId: '19:tafel@thread.tacv2' },
  });
  const session = await db.conferenceSession.findFirstOrThrow({
    where: { tableId: table.id, items: { some: {} } },
    orderBy: { startsAt: 'asc' },
  });
  const { body: draft } = await bot.click(processManager, Verb.agendaShow, { sessionId: session.id });
  const { verb: _verb, ...data } = buttonsOf(draft.value).find((b) => b.title === 'Nu publiceren')?.data ?? {};
  const background = bot.background.run.bind(bot.background);
  let handedOn: number | undefined;
  bot.background.run = (label, work) => {
    handedOn ??= sent.length;
    background(label, work);
  };
  sent.splice(0);
  const answer = textOf((await bot.click(processManager, Verb.agendaPublish, data)).body.value);
  bot.background.run = background;
  if (!answer.includes('Bezig met publiceren')) throw new Error(`niet gepubliceerd: ${answer}`);
  if (!(await db.conferenceSession.findUniqueOrThrow({ where: { id: session.id } })).agendaPublishedAt)
    throw new Error('de agenda is daarna niet geplaatst');
  const sql = sent.splice(0, handedOn).map((s) => s.replace(/\s+/g, ' ').trim());
  return { turn: 'Nu publiceren', statements: sql.length, budget: statementBudget['Nu publiceren'], sql };
}
