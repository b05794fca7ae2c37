import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// Prisma's CLI downloads a native schema engine, which air-gapped networks cannot. The WebAssembly
// build of the same engine ships in an npm package; its loader expects a bundler, so we instantiate it.
let wasmReady: Promise<void> | undefined;

// @types/node 20 does not declare the WebAssembly global; this is the part we use.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(bgPath), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

export const noFilters = { externalTables: [], externalEnums: [] };

export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schema: string; log?: (line: string) => void },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const connected: { dispose(): Promise<void> }[] = [];
  const adapter = wholeScripts(new PrismaPg({ connectionString: options.databaseUrl }), connected);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', options.schema]] },
    (line: string) => options.log?.(line),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    // Freeing the engine leaves its pool open, and with it the session that took Prisma's migration lock: another
    // instance waiting for that lock would time out (its fixed 10 s) before the idle connection closed.
    await Promise.all(connected.map((a) => a.dispose().catch(() => {})));
  }
}

/**
 * `@prisma/adapter-pg` runs a migration by splitting it on every `;`, which breaks function bodies and
 * runs the pieces outside one transaction. Sent whole, PostgreSQL's simple query protocol runs the
 * script as one implicit transaction: a migration applies completely or not at all.
 */
function wholeScripts(factory: PrismaPg, connected: { dispose(): Promise<void> }[]): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    connected.push(adapter);
    const client = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
    adapter.executeScript = async (script: string) => {
      await client.query(script);
    };
    return adapter;
  };
  return factory;
}

/** Reads prisma/migrations the way `prisma migrate deploy` does. */
export async function loadMigrations(baseDir: string): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(baseDir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}
