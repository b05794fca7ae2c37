import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Command } from '../../cards/commands.ts';
import { Verb } from '../../cards/verbs.ts';
import { loggableDetails } from '../../bot/teams/turn-error.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { createTestBot, police, processManager } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

/** A person's name, as someone might type or paste it into any field: it must never reach the log. */
const planted = 'Zefanja Plantinga';
/** Every field name a verb of this bot reads (bot/features), plus the form fields of the forms. */
const fields = [
  'action',
  'actionId',
  'agendaItemId',
  'caseId',
  'consentId',
  'contributionId',
  'date',
  'handoverId',
  'itemId',
  'kind',
  'memberId',
  'noticeId',
  'person',
  'proposalId',
  'sessionId',
  'submissionId',
  'supersedesId',
  'tableId',
  'takeHome',
  'time',
  'text',
  'reason',
  'result',
  'question',
  'name',
  'bsn',
  'birthDate',
  'goal',
  'condition',
  'directorMemberId',
  'informerMemberId',
  'externalName',
  'target',
  'note',
  'outcome',
  'decision',
  'answer',
];

describe('the log holds no input (issue 19, part 4)', () => {
  it("every verb and every command, with a person's name in every field, from a member and from the procesmanager: the name is nowhere in the log", async () => {
    const bot = createTestBot(db);
    // Once with the name in every field; once with ids of the right form (that find nothing) and the name in the rest,
    // so the verbs get past their id checks into the use cases.
    const everywhere = Object.fromEntries(fields.map((f) => [f, planted]));
    const pastIds = Object.fromEntries(fields.map((f) => [f, /Id$/.test(f) ? randomUUID() : planted]));
    for (const user of [police, processManager]) {
      for (const data of [everywhere, pastIds])
        for (const verb of Object.values(Verb)) await bot.click(user, verb, data).catch(() => undefined);
      for (const command of Object.values(Command)) await bot.say(user, `${command.title} ${planted}`);
    }
    const log = bot.logs.text();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('Zefanja');
    expect(log).not.toContain('Plantinga');
  });
});

describe("a refusal's details in the log", () => {
  it('keep codes, counts and ids of the form the bot issues; any other text is left out', () => {
    const id = randomUUID();
    expect(
      loggableDetails({ permission: 'members.register', reason: 'caseClosed', field: 'caseId', caseId: id, count: 3 }),
    ).toEqual({ permission: 'members.register', reason: 'caseClosed', field: 'caseId', caseId: id, count: 3 });
    expect(loggableDetails({ caseId: planted, actionId: `${id} ${planted}` })).toEqual({
      caseId: '(omitted)',
      actionId: '(omitted)',
    });
  });
});
