// Makes a new migration offline: diffs the schema snapshot kept with the last migration against
// prisma/schema.prisma and writes the SQL, with a snapshot of the schema beside it for the next diff.
// Usage: npm run db:migration -- <name>
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { noFilters, withSchemaEngine } from '../src/db/schema-engine.ts';
import { migrationsDir, schemaPath } from '../src/db/paths.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Gebruik: npm run db:migration -- <naam> (kleine letters, cijfers en _)');
  process.exit(2);
}

const schema = await readFile(schemaPath, 'utf8');
const previous = (await readdir(migrationsDir).catch(() => [] as string[]))
  .filter((d) => /^\d{14}_/.test(d))
  .sort()
  .at(-1);
const previousSchema = previous ? await readFile(join(migrationsDir, previous, 'schema.prisma'), 'utf8') : undefined;

// The engine insists on a connection even for a schema-to-schema diff: give it a throwaway one.
const scratch = await startEmbeddedPostgres();
const sql = await withSchemaEngine({ schema, databaseUrl: scratch.url }, async (engine) => {
  const result = await engine.diff({
    from: previousSchema
      ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previousSchema }] }
      : { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  return result.stdout ?? '';
}).finally(() => scratch.stop());

if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('Geen verschil tussen het schema en de laatste migratie: niets geschreven.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'migration.sql'), sql);
await writeFile(join(dir, 'schema.prisma'), schema);
await writeFile(
  join(migrationsDir, 'migration_lock.toml'),
  '# Written by scripts/new-migration.ts\nprovider = "postgresql"\n',
);
console.log(`Migratie geschreven: prisma/migrations/${stamp}_${name}/migration.sql`);
