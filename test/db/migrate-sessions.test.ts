import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { migrationsDir } from '../../src/db/paths.ts';
import { loadMigrations, noFilters, withSchemaEngine } from '../../src/db/schema-engine.ts';

const before = '20261123104146_intake_and_screening';
let embedded: EmbeddedPostgres;
let client: pg.Client;

/** A database as it was before sessions existed: migrated up to `before`, with an accepted case booked by date. */
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  const all = await loadMigrations(migrationsDir);
  const upTo = { ...all, migrationDirectories: all.migrationDirectories.filter((m) => m.path <= before) };
  const schema = await readFile(join(migrationsDir, before, 'schema.prisma'), 'utf8');
  await withSchemaEngine({ databaseUrl: embedded.url, schema }, (engine) =>
    engine.applyMigrations({ migrationsList: upTo, filters: noFilters }),
  );
  client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  await client.query(`
    INSERT INTO organisation (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Korps Politie CN');
    INSERT INTO member (id, "aadObjectId", "displayName", "organisationId", role, "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000002', 'aad-1', 'Agent', '00000000-0000-4000-8000-000000000001', 'participant', now());
    INSERT INTO conference_table (id, name, "timeZone", weekday, "startTime", "anchorDate", "intervalWeeks", capacity)
      VALUES ('00000000-0000-4000-8000-000000000003', 'Casusoverleg Bonaire', 'America/Kralendijk', 2, '10:00', '2026-01-06', 2, 6);
    INSERT INTO case_record (id, reference, status, "referrerMemberId", "referrerOrganisationId", form, "tableId", "firstSessionAt", "decidedAt", "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000004', 'ZVH-2026-0001', 'accepted', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '{}',
              '00000000-0000-4000-8000-000000000003', '2026-11-24T14:00:00Z', '2026-11-20T10:00:00Z', now()),
             ('00000000-0000-4000-8000-000000000005', 'ZVH-2026-0002', 'accepted', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '{}',
              '00000000-0000-4000-8000-000000000003', '2026-11-24T14:00:00Z', '2026-11-21T10:00:00Z', now());
  `);
});
afterAll(async () => {
  await client?.end();
  await embedded?.stop();
});

describe('the sessions migration', () => {
  it('moves accepted cases booked by date onto one session row each meeting, as new cases in order of acceptance; capacity becomes minutes', async () => {
    expect(await migrateDatabase(embedded.url)).toContain('20261123185130_conference_sessions');
    const sessions = (await client.query(`SELECT id, "occurrenceAt", "startsAt", status FROM conference_session`)).rows;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      status: 'planned',
      startsAt: new Date('2026-11-24T14:00:00Z'),
      occurrenceAt: new Date('2026-11-24T14:00:00Z'),
    });
    const cases = (await client.query(`SELECT reference, "firstSessionId" FROM case_record ORDER BY reference`)).rows;
    expect(cases.map((c) => c.firstSessionId)).toEqual([sessions[0].id, sessions[0].id]);
    const items = (
      await client.query(
        `SELECT c.reference, i.reason, i.position FROM agenda_item i JOIN case_record c ON c.id = i."caseId" ORDER BY i.position`,
      )
    ).rows;
    expect(items).toEqual([
      { reference: 'ZVH-2026-0001', reason: 'newCase', position: 1 },
      { reference: 'ZVH-2026-0002', reason: 'newCase', position: 2 },
    ]);
    const table = (await client.query(`SELECT "sessionMinutes", "minutesPerCase" FROM conference_table`)).rows[0];
    expect(table).toEqual({ sessionMinutes: 90, minutesPerCase: 15 });
  });
});
