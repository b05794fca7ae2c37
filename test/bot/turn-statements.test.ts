import { describe, expect, it } from 'vitest';
import { useDatabase } from '../support/database.ts';
import { countTurnStatements } from '../support/turn-statements.ts';

const sent: string[] = [];
const db = useDatabase({ onStatement: (sql) => sent.push(sql) });

describe('database statements per turn (issue 18): counted, so they cannot creep back', () => {
  it('hulp at most 2, the lists at most 6, a claim at most 8, Nu publiceren at most 22; every statement counts, BEGIN and COMMIT included', async () => {
    const counts = await countTurnStatements(db, sent);
    expect(counts.map((c) => c.turn)).toEqual([
      'hulp',
      'casussen',
      'tafels',
      'mijn casussen',
      'schaduwlijst',
      'agenda',
      'mijn acties',
      'cijfers',
      'Ik pak dit op',
      'Nu publiceren',
    ]);
    // On failure the statements of the turn that went over show what it sent.
    for (const c of counts)
      expect({ turn: c.turn, sql: c.statements > c.budget ? c.sql : [] }).toEqual({ turn: c.turn, sql: [] });
    // What a turn reads that is personal or about a case is still in the logbook.
    const claim = counts.find((c) => c.turn === 'Ik pak dit op')!;
    expect(claim.sql.filter((s) => s.startsWith('INSERT INTO "public"."audit_event"'))).toHaveLength(1);
    expect(claim.sql.filter((s) => s === 'BEGIN' || s === 'COMMIT')).toEqual(['BEGIN', 'COMMIT']);
    const figures = counts.find((c) => c.turn === 'cijfers')!;
    expect(figures.sql.filter((s) => s.startsWith('INSERT INTO "public"."audit_event"'))).toHaveLength(1);
    // "Nu publiceren" does its database work in one transaction and claims the post; it posts nothing itself.
    const publish = counts.find((c) => c.turn === 'Nu publiceren')!;
    expect(publish.sql.filter((s) => s === 'BEGIN' || s === 'COMMIT')).toEqual(['BEGIN', 'COMMIT']);
    expect(publish.sql.filter((s) => s.startsWith('UPDATE "public"."scheduled_job"'))).toHaveLength(1);
    expect(publish.sql.filter((s) => s.startsWith('INSERT INTO "public"."outbox_message"'))).toHaveLength(0);
    // A repeated turn writes nothing of who wrote or where: the chat and the Teams id are as stored.
    const help = counts.find((c) => c.turn === 'hulp')!;
    expect(help.sql.filter((s) => /^(INSERT|UPDATE)/.test(s))).toEqual([]);
  });
});
