// Database statements per turn (issue 18): hulp, the lists and "Ik pak dit op" through the real bot, on a client that
// counts every statement it sends (BEGIN and COMMIT included), beside the most each may send. The same count as
// test/bot/turn-statements.test.ts, which fails when a turn goes over.
import { createDb } from '../src/db/client.ts';
import { countTurnStatements } from '../test/support/turn-statements.ts';

export async function measureStatements(url: string, options: { embedded: boolean }) {
  const sent: string[] = [];
  const db = createDb(url, { embedded: options.embedded, onStatement: (sql) => sent.push(sql) });
  try {
    const counts = await countTurnStatements(db, sent);
    for (const c of counts)
      console.log(
        `  ${c.turn.padEnd(14)} ${String(c.statements).padStart(2)} statements (hoogstens ${c.budget})${c.statements > c.budget ? '  LET OP: te veel' : ''}`,
      );
    if (process.env.BENCH_SQL)
      for (const c of counts) console.log(`  ${c.turn}:\n${c.sql.map((s) => `    ${s.slice(0, 200)}`).join('\n')}`);
    return counts;
  } finally {
    await db.$disconnect();
  }
}
