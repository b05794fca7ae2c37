// The agenda benchmark of issue 7: composing and rendering the agenda of a table with 1,000 open cases,
// in one run beside a 10-case agenda. Target: under 200 ms on PGlite, and a number of queries that does
// not grow with the number of items.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../prisma/generated/client.ts';
import { channelCardFor } from '../bot/shared/notifications.ts';
import type { Actor } from '../src/actor.ts';
import { formatReference } from '../src/cases/reference.ts';
import type { Clock } from '../src/clock.ts';
import { publicAgenda } from '../src/conferences/agenda.ts';
import { planSessions } from '../src/conferences/planning.ts';
import { activeSessionStatuses, listSessions } from '../src/conferences/session.repository.ts';
import { createTable, findTableByName } from '../src/conferences/table.repository.ts';
import type { Db } from '../src/db/client.ts';
import { rememberTeamsUserId } from '../src/members/member.repository.ts';
import { demoMembers, demoTable } from '../src/organisations/demo-partners.ts';
import { listOrganisations } from '../src/organisations/organisation.repository.ts';
import { time } from './timing.ts';

const small = 10;
const large = 1_000;
const targetMs = 200;

/**
 * A table whose agenda holds 1,000 cases. The table form refuses such a schedule (a meeting lasts at most
 * 8 hours, at least 5 minutes per case: 96 cases), so the row is written through the repository, which
 * does not validate: sessionMinutes 5000 / minutesPerCase 5 = capacity 1000. Both agendas, 10 and 1,000
 * items, are on this table, so only the number of items differs.
 */
async function benchTable(db: Db, clock: Clock) {
  const partners = (await listOrganisations(db)).filter((o) => o.kind === 'partner');
  const table =
    (await findTableByName(db, 'Bench 1000')) ??
    (await createTable(db, {
      name: 'Bench 1000',
      schedule: { ...demoTable.schedule, sessionMinutes: 5_000, minutesPerCase: 5 },
      agendaLeadHours: demoTable.agendaLeadHours,
      organisationIds: partners.map((p) => p.id),
    }));
  await planSessions(db, table, clock.now());
  const [first, second] = await listSessions(
    db,
    { tableIds: [table.id], from: clock.now(), statuses: activeSessionStatuses },
    2,
  );
  return { table, partners, smallSession: first!, largeSession: second! };
}

/**
 * 1,010 accepted cases on the table, as screening leaves them: a reference from this year's counter, the
 * form and structured copy of a real aanmelding (the template), one person, 2-4 involved partners, the
 * referrer's organisation responsible, and each on the agenda of its first session as a new case. Written
 * with createMany: 1,010 submitReferral calls plus screening would take minutes on PGlite.
 */
async function seedAgendas(db: Db, clock: Clock, referrers: Actor[], processManager: Actor) {
  const { table, partners, smallSession, largeSession } = await benchTable(db, clock);
  const template = await db.case.findFirstOrThrow({
    where: { status: { not: 'draft' }, reference: { not: null } },
    include: { persons: true },
  });
  const year = clock.now().getUTCFullYear();
  const count = small + large;
  const [counter] = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO reference_counter (year, last) VALUES (${year}, ${count})
    ON CONFLICT (year) DO UPDATE SET last = reference_counter.last + ${count} RETURNING last`;
  const firstNumber = counter!.last - count + 1;
  const now = clock.now();
  const cases = Array.from({ length: count }, (_, i) => {
    const referrer = referrers[i % referrers.length]!;
    return {
      id: randomUUID(),
      reference: formatReference(year, firstNumber + i),
      status: 'accepted' as const,
      referrerMemberId: referrer.memberId,
      referrerOrganisationId: referrer.organisationId,
      responsibleOrganisationId: referrer.organisationId,
      form: template.form as Prisma.InputJsonValue,
      urgency: template.urgency,
      lifeDomains: template.lifeDomains as Prisma.InputJsonValue,
      chains: template.chains,
      criteria: template.criteria as Prisma.InputJsonValue,
      informed: template.informed as Prisma.InputJsonValue,
      referrerContact: template.referrerContact as Prisma.InputJsonValue,
      submittedAt: now,
      decidedByMemberId: processManager.memberId,
      decidedAt: now,
      tableId: table.id,
      firstSessionId: i < small ? smallSession.id : largeSession.id,
    };
  });
  await db.case.createMany({ data: cases });
  const person = template.persons[0]!;
  await db.casePerson.createMany({
    data: cases.map((c, i) => ({
      caseId: c.id,
      position: 1,
      name: `Persoon B${i}`,
      birthDate: person.birthDate,
      address: person.address,
    })),
  });
  // 2, 3 or 4 partners; steps of 3 stay distinct among 14 partners.
  await db.caseOrganisation.createMany({
    data: cases.flatMap((c, i) =>
      Array.from({ length: 2 + (i % 3) }, (_, k) => ({
        caseId: c.id,
        organisationId: partners[(i + 3 * k) % partners.length]!.id,
      })),
    ),
  });
  await db.agendaItem.createMany({
    data: cases.map((c, i) => ({
      sessionId: i < small ? smallSession.id : largeSession.id,
      caseId: c.id,
      reason: 'newCase' as const,
      position: i < small ? i + 1 : i - small + 1,
    })),
  });
  // The Playground's Teams user ids, so the channel card carries its refresh list as in Teams.
  for (const m of demoMembers) await rememberTeamsUserId(db, m.aadObjectId, m.teamsUserId);
  return { smallSession, largeSession };
}

/** A second client on the same database that counts the queries Prisma sends. */
function countingClient(url: string, embedded: boolean) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: embedded ? 1 : 10 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let queries = 0;
  client.$on('query', () => {
    queries++;
  });
  return {
    db: client as unknown as Db,
    async count(work: (db: Db) => Promise<unknown>): Promise<number> {
      const before = queries;
      await work(client);
      return queries - before;
    },
  };
}

/** What the bot posts in the channel: the agenda composed, the card rendered and serialised. */
async function composeAndRender(db: Db, sessionId: string): Promise<string> {
  return JSON.stringify(await channelCardFor({ db }, sessionId));
}

const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} kB`;

export async function measureAgenda(
  db: Db,
  url: string,
  options: { embedded: boolean; clock: Clock; referrers: Actor[]; processManager: Actor },
) {
  process.stdout.write(`  agenda's vullen: ${small} en ${large} geaccepteerde casussen op tafel 'Bench 1000'`);
  const { smallSession, largeSession } = await seedAgendas(
    db,
    options.clock,
    options.referrers,
    options.processManager,
  );
  process.stdout.write('\n');
  const [a10, a1000] = [await publicAgenda(db, smallSession.id), await publicAgenda(db, largeSession.id)];
  if (a10.items.length !== small || a1000.items.length !== large)
    throw new Error(`agenda's hebben ${a10.items.length} en ${a1000.items.length} items`);

  const compose10 = await time(`agenda samenstellen, ${small} casussen (publicAgenda)`, 20, () =>
    publicAgenda(db, smallSession.id),
  );
  const compose1000 = await time(`agenda samenstellen, ${large} casussen (publicAgenda)`, 20, () =>
    publicAgenda(db, largeSession.id),
  );
  const render10 = await time(`samenstellen + kanaalkaart, ${small} casussen (channelCardFor)`, 20, () =>
    composeAndRender(db, smallSession.id),
  );
  const render1000 = await time(`samenstellen + kanaalkaart, ${large} casussen (channelCardFor)`, 20, () =>
    composeAndRender(db, largeSession.id),
  );
  console.log(
    `  kaartgrootte (JSON): ${small} casussen ${kb(await composeAndRender(db, smallSession.id))}, ${large} casussen ${kb(await composeAndRender(db, largeSession.id))}`,
  );
  console.log(
    `  verhouding ${large}/${small}: samenstellen ${(compose1000 / compose10).toFixed(1)}x, samenstellen + kaart ${(render1000 / render10).toFixed(1)}x`,
  );
  console.log(
    `  ${large} casussen samenstellen + kaart onder ${targetMs} ms: ${render1000 < targetMs ? 'ja' : 'nee'} (${render1000.toFixed(0)} ms)`,
  );

  const counter = countingClient(url, options.embedded);
  try {
    for (const [label, work] of [
      ['samenstellen', (c: Db, id: string) => publicAgenda(c, id)],
      ['samenstellen + kaart', (c: Db, id: string) => composeAndRender(c, id)],
    ] as const) {
      await counter.count((c) => work(c, smallSession.id)); // warm-up: the client connects
      const q10 = await counter.count((c) => work(c, smallSession.id));
      const q1000 = await counter.count((c) => work(c, largeSession.id));
      console.log(
        `  queries per ${label}: ${small} items → ${q10}, ${large} items → ${q1000} (${q10 === q1000 ? 'gelijk' : 'NIET gelijk: groeit met het aantal items'})`,
      );
    }
  } finally {
    await counter.db.$disconnect();
  }
  return { compose1000, render1000 };
}
