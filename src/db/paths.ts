import { fileURLToPath } from 'node:url';

/** The project's prisma/ folder, found from this file so it works from any working directory. */
export const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url));
export const schemaPath = `${prismaDir}schema.prisma`;
export const migrationsDir = `${prismaDir}migrations`;
