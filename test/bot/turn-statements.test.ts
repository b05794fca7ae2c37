import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { police, processManager, textOf, youthCareContact } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { decidedCase, seedPeople } from '../support/decided-case.ts';

const sent: string[] = [];
const db = useDatabase({ onStatement: (sql) => sent.push(sql) });

async function counted(turn: () => Promise<unknown>): Promise<string[]> {
  sent.splice(0);
  await turn();
  return sent.splice(0);
}

beforeEach(async () => {
  await seedPeople(db);
});

describe('statements per turn', () => {
  it('baseline', async () => {
    const orgs = await seedPeople(db);
    const { bot, caseId } = await decidedCase(db, orgs);
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    const turns: [string, typeof police, string][] = [
      ['hulp', police, 'hulp'],
      ['casussen', police, 'casussen'],
      ['tafels', police, 'tafels'],
      ['mijn casussen', youthCareContact, 'mijn casussen'],
      ['schaduwlijst', processManager, 'schaduwlijst'],
      ['agenda', police, 'agenda'],
      ['mijn acties', police, 'mijn acties'],
      ['cijfers', processManager, 'cijfers'],
    ];
    for (const [name, user, text] of turns) {
      await bot.say(user, text);
      const sql = await counted(() => bot.say(user, text));
      console.log(name, sql.length, '\n  ' + sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n  '));
    }
    const sql = await counted(() => bot.click(police, Verb.actionClaim, { actionId }));
    console.log('claim', sql.length, '\n  ' + sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 200)).join('\n  '));
    expect(textOf('x')).toBe('x');
  });
});
