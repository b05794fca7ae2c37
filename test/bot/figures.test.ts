import type { Activity } from '../../bot/teams/testing.ts';
import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { seedDemoHistory } from '../../src/demo/history.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { fetchDownload } from '../../src/privacy/downloads.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import { cardOf, createTestBot, police, processManager, tenantId, textOf } from '../support/bot.ts';
import { validateCard } from '../support/card-validator.ts';
import { useDatabase } from '../support/database.ts';
import { capturingLogger } from '../support/logs.ts';
import { organisationIds } from '../support/referral.ts';

const db = useDatabase();
const now = new Date('2026-11-25T12:00:00Z');
const manager = {
  aadObjectId: 'aad-manager-ol',
  teamsUserId: 'user-manager-ol',
  displayName: 'Stuurgroeplid Openbaar Lichaam',
};
const secret = 'x'.repeat(40);
const channelId = '19:stuurgroep@thread.tacv2';
const inChannel = (): Partial<Activity> => ({
  conversation: {
    id: `${channelId};messageid=1`,
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  } as Activity['conversation'],
  channelData: { tenant: { id: tenantId }, team: { id: 'team-stuurgroep' }, channel: { id: channelId } },
});
const chartTypes = (card: unknown) =>
  [...JSON.stringify(card).matchAll(/"type":"(Chart\.[A-Za-z.]+)"/g)].map((m) => m[1]);

beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  const orgs = await organisationIds(db);
  await upsertMember(db, {
    aadObjectId: manager.aadObjectId,
    displayName: manager.displayName,
    organisationId: orgs['Openbaar Lichaam Bonaire']!,
    role: 'steeringGroupMember',
  });
  await seedDemoHistory({ db, log: capturingLogger().log, retention: defaultRetention }, now);
});

describe('cijfers', () => {
  it('a stuurgroeplid reads last quarter beside the one before: valid 1.5 card with charts, the numbers in text, small counts as <5, under 24 KB', async () => {
    const bot = createTestBot(db, { now });
    const replies = await bot.say(manager, 'cijfers');
    const [reply] = replies;
    const card = cardOf(reply)!;
    const answered = replies.map((r) => ({ type: r.type, text: r.text, attachments: r.attachments?.length }));
    expect(card, `the answer was: ${JSON.stringify(answered)}; logged: ${bot.logs.text().slice(-1500)}`).toBeDefined();
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(24 * 1024);
    const text = textOf(card);
    expect(text).toContain('Kengetallen 3e kwartaal 2026');
    expect(text).toContain('naast 2e kwartaal 2026');
    expect(text).toContain('Aanmeldingen per aanmeldende partner');
    expect(text).toContain('Lopende casussen');
    expect(text).toContain('Herhaalde aanmeldingen');
    // (No bar per partner: in the demo every partner is small in some quarter, so they fold into "Overige organisaties".)
    expect(chartTypes(card)).toEqual(expect.arrayContaining(['Chart.HorizontalBar']));
    // No chart with a numeric axis (Teams divides its ticks into decimals, "5.75 / 11.5"): bars without an axis or
    // donuts, whole numbers only, and every chart under its title.
    const elements = (card as { body: Record<string, unknown>[] }).body;
    elements.forEach((element, i) => {
      if (!String(element.type).startsWith('Chart.')) return;
      expect(['Chart.HorizontalBar', 'Chart.Donut']).toContain(element.type);
      if (element.type === 'Chart.HorizontalBar') expect(element.displayMode).toBe('AbsoluteNoAxis');
      expect(element.title).toBeTruthy();
      expect(elements[i - 1]).toMatchObject({ type: 'TextBlock', text: element.title });
      const ys = JSON.stringify(element.data).match(/"(y|value)":[^,}]+/g) ?? [];
      expect(ys.filter((y) => !/^"(y|value)":\d+$/.test(y))).toEqual([]);
    });
    // The trend goes on to the running quarter, marked as running.
    expect(JSON.stringify(card)).toMatch(/"x":"K4 2026 \(lopend\)","y":\d+/);
    // The total of aanmeldingen is shown (published), and "Stand van" is Bonaire time (12:00 UTC is 08:00 there).
    expect(text).toMatch(/Aanmeldingen per aanmeldende partner[\s\S]*?Totaal\n\d+ → \d+/);
    expect(text).toContain('Stand van 25 november 2026 08:00.');
    expect(text).not.toMatch(/\d%/);
    expect(text).toContain('Overige organisaties');
    // Beside each chart the same numbers in text: "previous → current" for every line.
    expect(text).toMatch(/Aangenomen\n\d+ → \d+/);
    expect(text).toContain('<5');
    // No person, no reference.
    const names = (await db.casePerson.findMany({ select: { name: true } })).map((p) => p.name);
    expect(names.filter((n) => JSON.stringify(card).includes(n))).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/ZVH-\d{4}-\d+/);
    expect(
      await db.auditEvent.count({
        where: {
          action: 'figures.viewed',
          actorAadObjectId: manager.aadObjectId,
          recordId: '2026-Q3',
          purpose: 'kengetallen',
        },
      }),
    ).toBe(1);

    // Another period from the card: the year.
    const { body } = await bot.click(manager, Verb.figuresShow, { period: '2025' });
    expect(textOf(body.value)).toContain('Kengetallen 2025');
    expect(textOf(body.value)).toContain('naast 2024');
    // A period that is not offered (the future) falls back to the last quarter.
    expect(textOf((await bot.click(manager, Verb.figuresShow, { period: '2031-Q1' })).body.value)).toContain(
      'Kengetallen 3e kwartaal 2026',
    );
  });

  it('the public export: CSV and a one-page PDF, rounded to fives with 0-7 hidden, each link working once', async () => {
    const bot = createTestBot(db, { now, links: { publicUrl: 'https://casusbot.example', secret } });
    const { body } = await bot.click(manager, Verb.figuresExport, { period: '2026-Q3' });
    const card = body.value as object;
    expect(validateCard(card)).toEqual([]);
    const urls = [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => new URL(m[1]!));
    expect(urls.map((u) => u.pathname.startsWith('/downloads/'))).toEqual([true, true]);
    const fetchOnce = (u: URL) =>
      fetchDownload(
        { db, clock: bot.clock, linkSecret: secret },
        u.pathname.split('/').pop()!,
        u.searchParams.get('exp')!,
        u.searchParams.get('sig')!,
      );
    const [csv, pdf] = await Promise.all(urls.map(fetchOnce));
    if (!csv?.ok || !pdf?.ok) throw new Error('not fetched');
    expect(csv.download.fileName).toBe('kengetallen-2026-Q3.csv');
    const lines = new TextDecoder()
      .decode(csv.download.content)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(lines[0]).toEqual(['Onderdeel', 'Regel', '2e kwartaal 2026', '3e kwartaal 2026']);
    // Every count shown is a multiple of five of at least 10, or hidden; meetings are no persons and stay exact.
    const counts = lines
      .slice(1)
      .filter(
        (l) =>
          l[0] !== 'Overleggen gehouden' &&
          l[0] !== 'Toelichting' &&
          !/Mediaan|gemiddeld|Aandeel herhaalde|Op tijd klaar$|Binnen 5|Op tijd geïnformeerd$|Op tijd verwijderd|Aanwezig:/.test(
            l[1]!,
          ),
      );
    const values = counts
      .flatMap((l) => [l[2]!, l[3]!])
      .flatMap((v) => v.replace(/ \(\d+ %\)$/, '').split(' van '))
      .filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(40);
    expect(values.filter((v) => v !== '*' && !(/^\d+$/.test(v) && Number(v) % 5 === 0 && Number(v) >= 10))).toEqual([]);
    expect(values).toContain('*');
    const doc = await PDFDocument.load(pdf.download.content);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain('openbaar');
    // Once only.
    expect(await fetchOnce(urls[0]!)).toEqual({ ok: false, reason: 'gone' });
    expect(await db.auditEvent.count({ where: { action: 'figures.fetched', purpose: 'kengetallen' } })).toBe(2);
  });

  it('a participant is refused; stuurgroep koppelen is for the procesmanager, in the channel', async () => {
    const bot = createTestBot(db, { now });
    const [refused] = await bot.say(police, 'cijfers');
    expect(refused!.text).toBe(
      'Alleen de procesmanager en de stuurgroep zien de kengetallen. Wil je ze inzien, vraag het dan aan de procesmanager.',
    );
    expect((await bot.say(processManager, 'stuurgroep koppelen'))[0]!.text).toContain(
      'in het kanaal van de stuurgroep',
    );
    const [byManager] = await bot.say(manager, 'stuurgroep koppelen', inChannel());
    expect(byManager!.text).toContain('Als stuurgroeplid zie je de kengetallen');
    const [linked] = await bot.say(processManager, 'stuurgroep koppelen', inChannel());
    expect(textOf(cardOf(linked))).toContain('Stuurgroep gekoppeld');
    expect((await db.steeringGroupChannel.findUniqueOrThrow({ where: { id: 'network' } })).conversationId).toBe(
      channelId,
    );
    expect(
      await db.scheduledJob.findFirst({
        where: { kind: 'figures.quarterly', subjectId: '2026-Q4' },
        select: { dueAt: true },
      }),
    ).toEqual({ dueAt: new Date('2027-01-04T13:00:00.000Z') }); // 09:00 on Bonaire (FIGURES_TIME_ZONE's default)
  });

  it('the help card of a stuurgroeplid offers the figures and nothing of cases', async () => {
    const bot = createTestBot(db, { now });
    const [help] = await bot.say(manager, 'hulp');
    const text = textOf(cardOf(help));
    expect(text).toContain('cijfers');
    expect(text).toContain('casussen zie je niet');
    for (const command of ['aanmelden', 'mijn acties', 'casus ZVH-…', 'agenda'])
      expect(text).not.toContain(`\n${command}\n`);
    expect(JSON.stringify(cardOf(help))).toContain(Verb.figuresShow);
    expect(JSON.stringify(cardOf(help))).not.toContain(Verb.referralNew);
  });
});
