import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { fetchDownload } from '../../src/privacy/downloads.ts';
import { validateCard } from '../support/card-validator.ts';
import { cardOf, police, processManager, textOf, youthCareContact } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { colleague, decidedCase, krusada, seedPeople } from '../support/decided-case.ts';

const db = useDatabase();
let orgs: Record<string, string>;

beforeEach(async () => {
  orgs = await seedPeople(db);
});

const refusedEmployee =
  'Alleen de procesmanager kan het logboek van een medewerker inzien, en een contactpersoon dat van de medewerkers van de eigen organisatie.';

const memberIdOf = async (user: { aadObjectId: string }) =>
  (await db.member.findUniqueOrThrow({ where: { aadObjectId: user.aadObjectId } })).id;

/** What someone with the table owner's rights can do (the trigger stops the bot, not them). */
async function asDatabaseOwner(sql: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
  });
}

/** As the card shows a moment: in the network's timezone (Bonaire). */
const localDateTime = (at: Date) => {
  const zone = { timeZone: 'America/Kralendijk' };
  const date = new Intl.DateTimeFormat('nl-NL', { ...zone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat('nl-NL', { ...zone, hour: '2-digit', minute: '2-digit' }).format(at);
  return `${date} ${time}`;
};

/** The CSV behind the first link of a card, fetched once as the browser would. */
async function fetchCsv(bot: Awaited<ReturnType<typeof decidedCase>>['bot'], card: unknown) {
  const url = new URL(/"url":"([^"]+)"/.exec(JSON.stringify(card))![1]!);
  const fetched = await fetchDownload(
    { db, clock: bot.clock, linkSecret: bot.links.secret },
    url.pathname.split('/').pop()!,
    url.searchParams.get('exp')!,
    url.searchParams.get('sig')!,
  );
  if (!fetched.ok) throw new Error(`not fetched: ${fetched.reason}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(fetched.download.content);
  return {
    fileName: fetched.download.fileName,
    text,
    lines: text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n'),
  };
}

describe('the logbook of one employee', () => {
  it('the procesmanager names a member (typed or as a Teams mention) and reads per case what they did, in local time; reading it is logged', async () => {
    const { bot, reference } = await decidedCase(db, orgs);
    await bot.say(police, `casus ${reference}`);
    const typed = cardOf((await bot.say(processManager, 'logboek @Ruben Croes'))[0]);
    expect(validateCard(typed!)).toEqual([]);
    const text = textOf(typed);
    expect(text).toContain('Logboek van Ruben Croes (Korps Politie CN)');
    expect(text).toContain('De laatste 30 dagen');
    expect(text).toContain(`Casus ${reference}`);
    // 09:01 UTC on 20 November is 05:01 on Bonaire; never the UTC time or an ISO stamp.
    // Shown where the network is (Bonaire), never in UTC or as an ISO stamp.
    const viewed = (await listAuditEvents(db)).find(
      (e) => e.action === 'case.viewed' && e.actorAadObjectId === police.aadObjectId,
    )!;
    expect(text).toContain(`**casus bekeken** · Regie · 1× · ${localDateTime(viewed.at)}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC/);
    expect(text).not.toMatch(/Huisuitzetting|Jan Fictief/);

    const mentioned = await bot.say(processManager, 'logboek <at>Ruben</at>', {
      entities: [{ type: 'mention', mentioned: { id: police.teamsUserId, name: 'Ruben' }, text: '<at>Ruben</at>' }],
    });
    expect(textOf(cardOf(mentioned[0]))).toContain('Logboek van Ruben Croes (Korps Politie CN)');

    const views = (await listAuditEvents(db, { recordType: 'member' })).filter(
      (e) => e.action === 'logbook.employeeViewed',
    );
    expect(views.map((e) => [e.actorAadObjectId, e.recordId, e.purpose])).toEqual([
      [processManager.aadObjectId, await memberIdOf(police), 'logboek'],
      [processManager.aadObjectId, await memberIdOf(police), 'logboek'],
    ]);
  });

  it('"logboek medewerker" offers the choice and a period; a name nobody has gets the choice too', async () => {
    const { bot } = await decidedCase(db, orgs);
    const picker = textOf(cardOf((await bot.say(processManager, 'logboek medewerker'))[0]));
    expect(picker).toContain('Logboek van een medewerker');
    expect(picker).toContain('Deelnemer Krusada');
    const unknown = textOf(cardOf((await bot.say(processManager, 'logboek @Niemand Bekend'))[0]));
    expect(unknown).toContain('Ik vind geen lid met die naam');
    const { body } = await bot.click(processManager, Verb.logbookEmployee, {
      memberId: await memberIdOf(youthCareContact),
      days: '7',
    });
    expect(textOf(body.value)).toContain('De laatste 7 dagen');
    expect(textOf(body.value)).toContain('Marco Rosaria');
  });

  it("a contactpersoon reads their own organisation's staff only; another organisation's member and an ordinary member asking are refused, and logged", async () => {
    const { bot } = await decidedCase(db, orgs);
    // Marco Rosaria is Jeugdzorg CN's contactpersoon: the choice holds Jeugdzorg's staff only.
    const picker = textOf(cardOf((await bot.say(youthCareContact, 'logboek medewerker'))[0]));
    expect(picker).toContain('Marco Rosaria');
    expect(picker).not.toMatch(/Ruben Croes|Krusada|Ingrid Martina/);
    expect(textOf(cardOf((await bot.say(youthCareContact, 'logboek @Marco Rosaria'))[0]))).toContain(
      'Logboek van Marco Rosaria',
    );

    // Another organisation's member: by name, and by a crafted click with their id.
    expect(textOf((await bot.say(youthCareContact, 'logboek @Ruben Croes'))[0])).toBe(refusedEmployee);
    const crafted = await bot.click(youthCareContact, Verb.logbookEmployee, { memberId: await memberIdOf(police) });
    expect(textOf(crafted.body.value)).toBe(refusedEmployee);
    const exported = await bot.click(youthCareContact, Verb.logbookExport, {
      kind: 'employee',
      memberId: await memberIdOf(police),
    });
    expect(textOf(exported.body.value)).toBe(refusedEmployee);

    // An ordinary member may not at all: not another's, not a colleague's, not the choice.
    for (const [user, typed] of [
      [police, 'logboek @Collega Politie'],
      [colleague, 'logboek @Ruben Croes'],
      [krusada, 'logboek medewerker'],
    ] as const)
      expect(textOf((await bot.say(user, typed))[0]), typed).toBe(refusedEmployee);
    expect(
      textOf((await bot.click(police, Verb.logbookEmployee, { memberId: await memberIdOf(colleague) })).body.value),
    ).toBe(refusedEmployee);

    const refused = (await listAuditEvents(db)).filter((e) => e.outcome === 'refused');
    expect(refused.filter((e) => e.actorAadObjectId === youthCareContact.aadObjectId).map((e) => e.action)).toEqual([
      'refused:logboek @naam',
      `refused:${Verb.logbookEmployee}`,
      `refused:${Verb.logbookExport}`,
    ]);
    expect(refused.filter((e) => e.actorAadObjectId !== youthCareContact.aadObjectId)).toHaveLength(4);
    expect(refused.every((e) => e.purpose === 'toegangscontrole')).toBe(true);
    const views = (await listAuditEvents(db)).filter((e) => e.action === 'logbook.employeeViewed');
    expect(views).toHaveLength(1);
  });

  it("exports a person's and a case's logbook as CSV behind a one-time link: Dutch headers, local times, no ISO; export and fetch are logged", async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    await bot.say(police, `casus ${reference}`);
    const { body } = await bot.click(processManager, Verb.logbookExport, {
      kind: 'employee',
      memberId: await memberIdOf(police),
      days: '30',
    });
    expect(validateCard(body.value as object)).toEqual([]);
    expect(textOf(body.value)).toContain('Ruben Croes (Korps Politie CN), laatste 30 dagen');
    const person = await fetchCsv(bot, body.value);
    expect(person.fileName).toBe('logboek-medewerker-30-dagen.csv');
    expect(person.text.startsWith('\uFEFF')).toBe(true);
    expect(person.lines[0]).toBe('Datum;Tijd;Casus;Medewerker;Organisatie;Handeling;Verwerkingsactiviteit;Uitkomst');
    const viewed = (await listAuditEvents(db)).find(
      (e) => e.action === 'case.viewed' && e.actorAadObjectId === police.aadObjectId,
    )!;
    const zone = { timeZone: 'America/Kralendijk' };
    const day = new Intl.DateTimeFormat('nl-NL', { ...zone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
      viewed.at,
    );
    const time = new Intl.DateTimeFormat('nl-NL', {
      ...zone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(viewed.at);
    expect(person.lines).toContain(
      `${day};${time};${reference};Ruben Croes;Korps Politie CN;casus bekeken;Regie;toegestaan`,
    );
    expect(person.text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|Z;|UTC/);
    expect(person.lines.slice(1).every((l) => l.split(';')[3] === 'Ruben Croes')).toBe(true);
    // Once: a second fetch finds nothing.
    await expect(fetchCsv(bot, body.value)).rejects.toThrow('not fetched: gone');

    const caseExport = await bot.click(processManager, Verb.logbookExport, { kind: 'case', reference });
    const whole = await fetchCsv(bot, caseExport.body.value);
    expect(whole.fileName).toBe(`logboek-${reference}.csv`);
    expect(whole.lines.slice(1).every((l) => l.split(';')[2] === reference)).toBe(true);
    expect(whole.lines.some((l) => l.includes(';Ingrid Martina;') && l.includes(';besluit vastgelegd;'))).toBe(true);
    expect(whole.text).not.toMatch(/Huisuitzetting|Jan Fictief|\d{4}-\d{2}-\d{2}/);
    // Only the procesmanager exports a case's logbook.
    expect(
      textOf((await bot.click(youthCareContact, Verb.logbookExport, { kind: 'case', reference })).body.value),
    ).toBe('Alleen de procesmanager kan het logboek inzien.');

    const logged = (await listAuditEvents(db)).filter((e) => e.action.startsWith('logbook.'));
    expect(logged.map((e) => [e.action, e.recordType, e.purpose])).toEqual([
      ['logbook.exported', 'member', 'logboek'],
      ['logbook.fetched', 'download', 'logboek'],
      ['logbook.exported', 'case', 'logboek'],
      ['logbook.fetched', 'download', 'logboek'],
    ]);
    expect(logged[2]!.caseId).toBe(caseId);
  });
});

describe('logboek controleren', () => {
  it('seals what is due and says the chain is intact with its counts; a row changed or deleted with SQL is named by number and time', async () => {
    const { bot } = await decidedCase(db, orgs);
    const fresh = textOf(cardOf((await bot.say(processManager, 'logboek controleren'))[0]));
    // Everything is younger than the safety margin: checked nothing yet, all waiting.
    expect(fresh).toContain('Logboek gecontroleerd: intact');
    expect(fresh).toMatch(/0 verzegelde regels gecontroleerd/);
    expect(fresh).toMatch(/\d+ regels zijn nog niet verzegeld/);

    await asDatabaseOwner(`UPDATE audit_event SET at = at - interval '10 minutes'`);
    const rows = await db.auditEvent.count();
    const intact = textOf(cardOf((await bot.say(processManager, 'logboek controleren'))[0]));
    expect(intact).toContain('Logboek gecontroleerd: intact');
    expect(intact).toContain(`${rows} verzegelde regels gecontroleerd`);

    const target = (await db.auditEvent.findMany({ orderBy: { id: 'asc' }, skip: 5, take: 1 }))[0]!;
    await asDatabaseOwner(`UPDATE audit_event SET purpose = 'anders' WHERE id = ${target.id}`);
    const changed = cardOf((await bot.say(processManager, 'logboek controleren'))[0]);
    expect(validateCard(changed!)).toEqual([]);
    const local = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'America/Kralendijk',
      hour: '2-digit',
      minute: '2-digit',
    }).format(target.at);
    expect(textOf(changed)).toContain('Logboek gecontroleerd: niet intact');
    expect(textOf(changed)).toContain(`De keten breekt bij regel ${target.id} (`);
    expect(textOf(changed)).toContain(local);
    expect(textOf(changed)).toContain('de inhoud van deze regel is gewijzigd');
    expect(textOf(changed)).not.toContain('anders');

    await asDatabaseOwner(`UPDATE audit_event SET purpose = '${target.purpose}' WHERE id = ${target.id}`);
    await asDatabaseOwner(`DELETE FROM audit_event WHERE id = ${target.id}`);
    const deleted = textOf(cardOf((await bot.say(processManager, 'logboek controleren'))[0]));
    expect(deleted).toContain(`De keten breekt bij regel ${target.id + 1n} (`);
    expect(deleted).toContain('de regel ervoor ontbreekt');

    for (const user of [police, youthCareContact])
      expect(textOf((await bot.say(user, 'logboek controleren'))[0])).toBe(
        'Alleen de procesmanager kan het logboek inzien.',
      );
    const checks = (await listAuditEvents(db)).filter((e) => e.action === 'logbook.verified');
    expect(checks.map((e) => e.recordId)).toEqual([
      'intact',
      'intact',
      `changed:${target.id}`,
      `link:${target.id + 1n}`,
    ]);
  });
});
