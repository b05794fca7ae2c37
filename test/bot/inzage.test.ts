import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application, TurnState } from '../../bot/teams/testing.ts';
import type { CasusbotAdapter } from '../../bot/teams/adapter.ts';
import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../bot/teams/server.ts';
import { inzageDocument } from '../../cards/inzage.document.ts';
import { Verb } from '../../cards/verbs.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { produceInzage } from '../../src/privacy/inzage.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { createTestBot, police, processManager, textOf } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
let a: Actors;

const annie = {
  p1_name: 'Annie Wawoe',
  p1_bsn: '123456782',
  p1_birthDate: '14-02-1979',
  p1_address: 'Kaya Annie 3, Rincon',
};
const bram = {
  p1_name: 'Bram Obersi',
  p1_bsn: '111222333',
  p1_birthDate: '01-01-1980',
  p1_address: 'Kaya Bram 9, Kralendijk',
  domain_housing: 'Bram raakt zijn woning kwijt',
};

async function caseOf(person: Record<string, string>) {
  const submitted = await submitReferral({ db, clock }, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!], {
      ...person,
      p2_name: '',
      p2_relation: '',
      p2_birthDate: '',
      p2_address: '',
    }),
  });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  await decideScreening({ db, clock, informWithinDays: 14 }, a.pm, submitted.caseId, {
    decision: 'accept',
    tableId: (await listTables(db))[0]!.id,
  });
  return submitted;
}

beforeEach(async () => {
  a = await seedActors(db);
});

describe('inzage', () => {
  it("by BSN or by name and birth date: all of one person's cases with who saw them, nothing of another person; only the procesmanager", async () => {
    const first = await caseOf(annie);
    const second = await caseOf(annie);
    const other = await caseOf(bram);
    // Held once without her BSN: found all the same, by name and birth date.
    const withoutBsn = await caseOf({ ...annie, p1_bsn: '' });
    await expect(produceInzage({ db, clock }, a.police, { bsn: annie.p1_bsn })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'inzage.produce' },
    });
    expect(await produceInzage({ db, clock }, a.pm, { bsn: '123456789' })).toEqual({
      ok: false,
      errors: { bsn: 'Dit is geen geldig BSN (de elfproef klopt niet).' },
    });
    expect(await produceInzage({ db, clock }, a.pm, { name: 'Annie Wawoe' })).toEqual({
      ok: false,
      errors: { birthDate: 'Schrijf de geboortedatum als dd-mm-jjjj.' },
    });

    const byBsn = await produceInzage({ db, clock }, a.pm, { bsn: annie.p1_bsn });
    if (!byBsn.ok) throw new Error('refused');
    expect(byBsn.document.cases.map((c) => c.case.reference).sort()).toEqual(
      [first.reference, second.reference, withoutBsn.reference].sort(),
    );
    const json = JSON.stringify(byBsn.document);
    expect(json).toContain('Kaya Annie 3');
    expect(json).not.toMatch(/Bram|Obersi|111222333|Kaya Bram/);
    expect(byBsn.document.cases[0]!.logbook.map((e) => e.action)).toContain('screening.accepted');

    const byName = await produceInzage({ db, clock }, a.pm, { name: 'annie wawoe', birthDate: '14-02-1979' });
    if (!byName.ok) throw new Error('refused');
    expect(byName.document.cases).toHaveLength(3);
    expect(
      (await listAuditEvents(db, { caseId: first.caseId })).filter((e) => e.action === 'inzage.produced'),
    ).toHaveLength(2);
    expect(
      (await listAuditEvents(db, { caseId: other.caseId })).filter((e) => e.action === 'inzage.produced'),
    ).toHaveLength(0);

    const nobody = await produceInzage({ db, clock }, a.pm, { name: 'Niemand Bekend', birthDate: '01-01-2000' });
    expect(nobody.ok && nobody.document.cases).toEqual([]);
  });

  it('the PDF reaches the procesmanager through a signed link that works once and for ten minutes; both steps are logged', async () => {
    await caseOf(annie);
    const bot = createTestBot(db, { now: new Date('2026-11-21T10:00:00Z') });
    expect(textOf((await bot.say(police, 'inzage'))[0])).toBe('Alleen de procesmanager maakt een inzagedocument.');
    await bot.say(processManager, 'inzage');
    const { body } = await bot.click(processManager, Verb.inzageProduce, { bsn: annie.p1_bsn });
    expect(textOf(body.value)).toContain('De persoon komt voor in één casus.');
    const url = new URL(/"url":"([^"]+)"/.exec(JSON.stringify(body.value))![1]!);
    const server = createHttpApp({
      adapter: {} as CasusbotAdapter,
      authenticated: false,
      app: {} as Application<TurnState>,
      db,
      log: capturingLogger().log,
      clock: bot.clock,
      linkSecret: bot.links.secret,
      schedulerTickedAt: () => undefined,
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const tampered = await fetch(
        `${base}${url.pathname}?exp=${Number(url.searchParams.get('exp')) + 60_000}&sig=${url.searchParams.get('sig')}`,
      );
      expect(tampered.status).toBe(403);
      // A link preview or scanner (HEAD) does not use up the one fetch.
      expect((await fetch(`${base}${url.pathname}${url.search}`, { method: 'HEAD' })).status).toBe(405);
      const first = await fetch(`${base}${url.pathname}${url.search}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/pdf');
      expect(first.headers.get('cache-control')).toBe('no-store');
      const pdf = await PDFDocument.load(new Uint8Array(await first.arrayBuffer()));
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(pdf.getTitle()).toBe('Inzage persoonsgegevens');
      const again = await fetch(`${base}${url.pathname}${url.search}`);
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('verlopen of al gebruikt');
      expect(await db.download.count()).toBe(0);

      const { body: later } = await bot.click(processManager, Verb.inzageProduce, {
        name: 'Annie Wawoe',
        birthDate: '14-02-1979',
      });
      const lateUrl = new URL(/"url":"([^"]+)"/.exec(JSON.stringify(later.value))![1]!);
      bot.clock.set(new Date(bot.clock.now().getTime() + 10 * 60_000 + 1));
      expect((await fetch(`${base}${lateUrl.pathname}${lateUrl.search}`)).status).toBe(410);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const actions = (await listAuditEvents(db)).map((e) => e.action);
    expect(actions.filter((x) => x === 'inzage.produced')).toHaveLength(2);
    expect(actions.filter((x) => x === 'inzage.fetched')).toHaveLength(1);
  });

  it('a person with no data gets a document that says so', async () => {
    const bot = createTestBot(db);
    await bot.say(processManager, 'hulp');
    const { body } = await bot.click(processManager, Verb.inzageProduce, { bsn: annie.p1_bsn });
    expect(textOf(body.value)).toContain('Over deze persoon is niets vastgelegd; het document zegt dat.');
  });

  it('in real Teams the same one-time document is also offered as a file: accepted, it is put in the OneDrive upload URL once', async () => {
    await caseOf(annie);
    const bot = createTestBot(db, {
      now: new Date('2026-11-21T10:00:00Z'),
      links: { publicUrl: 'https://casusbot.example', secret: 'x'.repeat(32), fileConsent: true },
    });
    await bot.say(processManager, 'hulp');
    const { others } = await bot.click(processManager, Verb.inzageProduce, { bsn: annie.p1_bsn });
    const consentCard = others
      .flatMap((a) => a.attachments ?? [])
      .find((x) => x.contentType === 'application/vnd.microsoft.teams.card.file.consent')!;
    expect(consentCard).toMatchObject({
      name: 'inzage.pdf',
      content: { description: 'Inzagedocument (eenmalig, tien minuten)' },
    });
    const uploads: { range?: string; body: Buffer }[] = [];
    const upload = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ range: req.headers['content-range'], body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => upload.once('listening', r));
    const uploadUrl = `http://127.0.0.1:${(upload.address() as AddressInfo).port}/upload`;
    const accept = (context: unknown) =>
      bot.deliver({
        ...bot.personal(processManager),
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context,
          uploadInfo: {
            uploadUrl,
            contentUrl: 'https://onedrive.example/inzage.pdf',
            name: 'inzage.pdf',
            uniqueId: 'u1',
            fileType: 'pdf',
          },
        },
      });
    try {
      const first = await accept((consentCard.content as { acceptContext: unknown }).acceptContext);
      expect(first.find((a) => a.type === 'invokeResponse')?.value).toEqual({ status: 200 });
      expect(uploads).toHaveLength(1);
      expect(uploads[0]!.body.subarray(0, 4).toString()).toBe('%PDF');
      expect(uploads[0]!.range).toBe(`bytes 0-${uploads[0]!.body.length - 1}/${uploads[0]!.body.length}`);
      expect(first.flatMap((a) => a.attachments ?? []).map((x) => x.contentType)).toContain(
        'application/vnd.microsoft.teams.card.file.info',
      );
      const second = await accept((consentCard.content as { acceptContext: unknown }).acceptContext);
      expect(textOf(second.filter((a) => a.type === 'message'))).toContain('verlopen of al opgehaald');
      expect(uploads).toHaveLength(1);
      const forged = await accept({
        ...(consentCard.content as { acceptContext: Record<string, string> }).acceptContext,
        sig: 'AAAA',
      });
      expect(textOf(forged.filter((a) => a.type === 'message'))).toContain('verlopen of al opgehaald');
    } finally {
      await new Promise<void>((r) => upload.close(() => r()));
    }
    expect((await listAuditEvents(db)).filter((e) => e.action === 'inzage.fetched')).toHaveLength(1);
  });
});

describe('the inzage document in words the person reads (issue 19, part 6)', () => {
  it("is Dutch only and gives every time in the network's timezone", async () => {
    const { caseId } = await caseOf(annie);
    const action = await db.caseAction.create({
      data: {
        caseId,
        decisionId: (
          await db.decision.create({
            data: {
              caseId,
              goal: 'Rust in huis',
              plan: 'Huisbezoek',
              nextStep: 'backOnAgenda',
              decidedByMemberId: a.pm.memberId,
              directorMemberId: a.police.memberId,
            },
          })
        ).id,
        organisationId: a.orgs['Korps Politie CN']!,
        description: 'Huisbezoek afleggen',
        dueDate: new Date('2026-12-01T00:00:00Z'),
        state: 'claimed',
        claimedByMemberId: a.police.memberId,
        claimedAt: new Date('2026-11-24T15:00:00Z'),
      },
    });
    expect(action.state).toBe('claimed');
    clock.set(new Date('2026-11-25T02:30:00Z')); // 22:30 on the 24th in Bonaire
    const produced = await produceInzage({ db, clock }, a.pm, { bsn: annie.p1_bsn });
    if (!produced.ok) throw new Error('no document');
    const { text } = await inzageDocument(produced.document, 'America/Kralendijk');
    const all = text.join('\n');
    expect(all).toContain('opgepakt');
    expect(all).not.toMatch(/\b(claimed|done|open,|cancelled|UTC)\b/);
    expect(all).toContain('Opgesteld op 24 november 2026');
    // The logbook's times in Bonaire's time (UTC-4), not in UTC.
    const submitted = (await listAuditEvents(db, { caseId })).find((e) => e.action === 'referral.submitted')!;
    const local = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'America/Kralendijk',
      hour: '2-digit',
      minute: '2-digit',
    }).format(submitted.at);
    expect(all).toContain(`${local} · aangemeld`);
  });
});

describe('the inzage document names who registered the aanmelding (issue 19, part 6)', () => {
  it('the professional the procesmanager registered it for, with their organisation, not the ZVH', async () => {
    const submitted = await submitReferral({ db, clock }, a.pm, {
      data: validReferralData([a.orgs['Korps Politie CN']!], {
        ...annie,
        p2_name: '',
        p2_relation: '',
        p2_birthDate: '',
        p2_address: '',
        externalName: 'Dokter Kroon',
        externalOrganisation: 'Huisartsenpraktijk Rincon',
        externalPhone: '+599 7171234',
        responsibleOrganisationId: a.orgs['Korps Politie CN']!,
      }),
    });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const produced = await produceInzage({ db, clock }, a.pm, { bsn: annie.p1_bsn });
    if (!produced.ok) throw new Error('no document');
    const { text } = await inzageDocument(produced.document, 'America/Kralendijk');
    expect(text.join('\n')).toContain(
      'Aangemeld door: Dokter Kroon (Huisartsenpraktijk Rincon), via het Zorg- en Veiligheidshuis',
    );
  });
});
