import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's prisma/ folder (schema and migrations), found from this file so it works from any working directory:
 * from the sources (src/db/) and from the build (dist/src/db/) alike.
 */
function findPrismaDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return join(dir, 'prisma') + '/';
    if (dirname(dir) === dir) throw new Error('prisma/schema.prisma not found above this file');
  }
}

export const prismaDir = findPrismaDir();
export const schemaPath = `${prismaDir}schema.prisma`;
export const migrationsDir = `${prismaDir}migrations`;
