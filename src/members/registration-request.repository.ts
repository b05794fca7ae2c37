import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

/**
 * Records that someone asked to be registered. One row per person: a new request, or one handled before asked
 * again, gives its id; a repeat while it is unhandled (a double click) gives undefined and changes nothing.
 */
export async function insertRegistrationRequest(
  tx: Tx,
  request: { aadObjectId: string; teamsName: string },
  at: Date,
): Promise<string | undefined> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO registration_request (id, "aadObjectId", "teamsName", "requestedAt")
    VALUES (gen_random_uuid(), ${request.aadObjectId}, ${request.teamsName}, ${at})
    ON CONFLICT ("aadObjectId") DO UPDATE
       SET "teamsName" = EXCLUDED."teamsName", "requestedAt" = EXCLUDED."requestedAt", "handledAt" = NULL
     WHERE registration_request."handledAt" IS NOT NULL
    RETURNING id::text AS id`;
  return row?.id;
}

export interface RegistrationRequestView {
  id: string;
  aadObjectId: string;
  teamsName: string;
  requestedAt: Date;
  handledAt?: Date;
}

export async function findRegistrationRequest(tx: Tx, id: string): Promise<RegistrationRequestView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.registrationRequest.findUnique({ where: { id } });
  return r
    ? {
        id: r.id,
        aadObjectId: r.aadObjectId,
        teamsName: r.teamsName,
        requestedAt: r.requestedAt,
        ...(r.handledAt ? { handledAt: r.handledAt } : {}),
      }
    : undefined;
}

/** Registering the person handles their request; returns its id, if there was one open. */
export async function markRegistrationHandled(tx: Tx, aadObjectId: string, at: Date): Promise<string | undefined> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    UPDATE registration_request SET "handledAt" = ${at}
     WHERE "aadObjectId" = ${aadObjectId} AND "handledAt" IS NULL
    RETURNING id::text AS id`;
  return row?.id;
}

/**
 * How long a request (a Teams name and object id of someone who is not a member) is kept after it was made: time
 * enough for the procesmanager to register the person, then the name goes, handled or not.
 */
export const registrationRequestKeptDays = 30;

/** Deletes the requests made on or before `before`; returns their ids, for the logbook. */
export async function deleteRegistrationRequestsBefore(tx: Tx, before: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    DELETE FROM registration_request WHERE "requestedAt" <= ${before} RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}
