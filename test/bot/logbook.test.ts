import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { isProcessingActivity } from '../../src/audit/processing-activities.ts';
import { setClosed } from '../../src/lifecycle/case-state.repository.ts';
import { deleteDueCases } from '../../src/retention/delete-due.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import { cardOf, police, processManager, textOf, youthCareContact } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { capturingLogger } from '../support/logs.ts';
import { decidedCase, krusada, notFound, seedPeople } from '../support/decided-case.ts';

const db = useDatabase();
let orgs: Record<string, string>;

beforeEach(async () => {
  orgs = await seedPeople(db);
});

describe('the logbook', () => {
  it('every read and change of the walk is one event with its processing activity, and the events of one turn share a trace', async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    const before = (await listAuditEvents(db, { caseId })).length;
    await bot.say(police, `casus ${reference}`);
    await bot.say(youthCareContact, `casus ${reference}`);
    const { body } = await bot.click(youthCareContact, Verb.regieProgress, { caseId, text: 'Schuldhulp is gestart' });
    expect(textOf(body.value)).toContain('Je voortgang is opgeslagen');
    const events = await listAuditEvents(db, { caseId });
    const walk = events.slice(before);
    expect(walk.map((e) => e.action)).toEqual(['case.viewed', 'case.viewed', 'regie.progress', 'case.viewed']);
    for (const e of events) {
      expect(isProcessingActivity(e.purpose), e.action).toBe(true);
      expect(e.traceId, e.action).toMatch(/^[0-9a-f]{32}$/);
    }
    // The progress and the card shown after it are one click: one trace. The two looks before were turns of their own.
    expect(walk[2]!.traceId).toBe(walk[3]!.traceId);
    expect(new Set(walk.slice(0, 3).map((e) => e.traceId)).size).toBe(3);
    expect(walk.map((e) => e.purpose)).toEqual(['regie', 'regie', 'regie', 'regie']);
  });

  it('the procesmanager reads who did what with a case; refused attempts are in it and stand out in the summary; nobody else may read it', async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    await bot.say(police, `casus ${reference}`);
    for (let i = 0; i < 3; i++)
      expect(textOf((await bot.click(krusada, Verb.caseOverview, { caseId })).body.value)).toBe(notFound);
    const refused = (await listAuditEvents(db, { caseId })).filter((e) => e.outcome === 'refused');
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({
      action: `refused:${Verb.caseOverview}`,
      purpose: 'toegangscontrole',
      actorAadObjectId: krusada.aadObjectId,
    });

    const logbook = textOf(cardOf((await bot.say(processManager, `logboek ${reference.toLowerCase()}`))[0]));
    expect(logbook).toContain(`Logboek ${reference}`);
    expect(logbook).toMatch(/\*\*casus bekeken\*\* · Ruben Croes \(Korps Politie CN\) · Regie/);
    expect(logbook).toMatch(/\*\*geweigerd \(casus\)\*\* · Deelnemer Krusada \(Krusada\) · Toegangscontrole/);
    expect(logbook).not.toContain('case.overview');
    expect(logbook).toMatch(/\*\*besluit vastgelegd\*\* · Ingrid Martina/);
    expect(logbook).not.toMatch(/Jan Fictief|Huisuitzetting/);

    const summary = textOf(cardOf((await bot.say(processManager, 'logboek'))[0]));
    expect(summary).toMatch(/\*\*Deelnemer Krusada\*\* \(Krusada\) · 0 casussen · 3 keer geweigerd/);
    expect(summary).not.toContain('Ruben Croes');

    for (const user of [police, youthCareContact, krusada]) {
      expect(textOf((await bot.say(user, `logboek ${reference}`))[0])).toBe(
        'Alleen de procesmanager kan het logboek inzien.',
      );
    }
    const views = (await listAuditEvents(db, { caseId })).filter((e) => e.action === 'logbook.viewed');
    expect(views).toHaveLength(1);
  });

  it("an outsider's refused consent answer, withdrawal, handover answer and completion, take-home and informing are filed under the case they aimed at; the outsider hears nothing more", async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    const policeMember = await db.member.findFirstOrThrow({ where: { aadObjectId: police.aadObjectId } });
    const contribution = await db.contribution.create({
      data: { caseId, organisationId: policeMember.organisationId, authorMemberId: policeMember.id, text: 'Inbreng' },
    });
    const consent = await db.contributionConsent.create({
      data: {
        contributionId: contribution.id,
        organisationId: orgs['Jeugdzorg CN']!,
        requestedByMemberId: policeMember.id,
      },
    });
    const handover = await db.handover.create({
      data: {
        caseId,
        targetName: 'Andere tafel',
        necessity: 'n',
        purpose: 'p',
        registeringOrganisationId: policeMember.organisationId,
        createdByMemberId: policeMember.id,
      },
    });
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    const before = (await listAuditEvents(db, { caseId })).length;
    const attempts: [string, Record<string, unknown>][] = [
      [Verb.consentAnswer, { consentId: consent.id, answer: 'yes' }],
      [Verb.consentWithdraw, { consentId: consent.id }],
      [Verb.handoverAnswer, { handoverId: handover.id, contributionId: contribution.id, granted: true }],
      [Verb.handoverComplete, { handoverId: handover.id }],
      [Verb.actionTakeHome, { actionId, takeHome: contribution.id }],
      [Verb.informingRecord, { caseId, informedOn: '20-11-2026' }],
    ];
    for (const [verb, data] of attempts)
      expect(textOf((await bot.click(krusada, verb, data)).body.value), verb).toBe(notFound);
    const filed = (await listAuditEvents(db, { caseId })).slice(before);
    expect(filed.map((e) => [e.action, e.outcome, e.actorAadObjectId])).toEqual(
      attempts.map(([verb]) => [`refused:${verb}`, 'refused', krusada.aadObjectId]),
    );
    // An id that names nothing is still logged, under no case.
    await bot.click(krusada, Verb.consentAnswer, { consentId: '00000000-0000-4000-8000-000000000000', answer: 'yes' });
    expect((await listAuditEvents(db, { caseId })).slice(before)).toHaveLength(attempts.length);
    expect(await listAuditEvents(db, { recordType: 'attempt' })).toHaveLength(1);

    const logbook = textOf(cardOf((await bot.say(processManager, `logboek ${reference}`))[0]));
    for (const area of ['toestemming', 'overdracht', 'actie', 'informeren'])
      expect(logbook).toMatch(new RegExp(`\\*\\*geweigerd \\(${area}\\)\\*\\* · Deelnemer Krusada \\(Krusada\\)`));
  });

  it("forty refused clicks do not push the history out of view: the procesmanager pages back through every event and filters by organisation, person and activity, in the table's time", async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    await bot.say(police, `casus ${reference}`);
    // The action's reminders (the day before and after its due date) are the system's own events.
    bot.clock.set(new Date('2026-12-03T12:00:00Z'));
    await bot.runDueJobs();
    for (let i = 0; i < 45; i++) await bot.click(krusada, Verb.caseOverview, { caseId });
    const all = await listAuditEvents(db, { caseId });
    expect(all.length).toBeGreaterThan(50);

    const lines = (c: unknown) =>
      textOf(c)
        .split('\n')
        .filter((l) => / · \*\*/.test(l));
    const first = cardOf((await bot.say(processManager, `logboek ${reference}`))[0])!;
    expect(lines(first)).toHaveLength(40);
    expect(textOf(first)).not.toContain('besluit vastgelegd');
    expect(textOf(first)).not.toContain('UTC');
    // Times in the table's timezone (Bonaire, UTC-4).
    const newest = (await listAuditEvents(db, { caseId }, { newestFirst: true, take: 1 }))[0]!;
    const local = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'America/Kralendijk',
      hour: '2-digit',
      minute: '2-digit',
    }).format(newest.at);
    expect(lines(first)[0]).toContain(` ${local} · **logboek bekeken**`);

    // Back through everything, page by page, until nothing is older: every event is seen once.
    const seen: string[] = [...lines(first)];
    let page = first;
    for (let i = 0; i < 5; i++) {
      const older = JSON.stringify(page).match(/"title":"Oudere","verb":"logbook.page","data":(\{[^}]*\})/);
      if (!older) break;
      const data = JSON.parse(older[1]!) as Record<string, unknown>;
      page = (await bot.click(processManager, Verb.logbookPage, data)).body.value as Record<string, unknown>;
      seen.push(...lines(page));
    }
    expect(seen.join('\n')).toMatch(/\*\*besluit vastgelegd\*\* · Ingrid Martina/);
    expect(seen.join('\n')).toMatch(/\*\*aangemeld\*\* · Ruben Croes/);
    // Every event up to the first look (the later looks at the logbook are events of their own, on top).
    expect(seen.length).toBeGreaterThanOrEqual(all.length);
    expect(JSON.stringify(page)).toContain('"title":"Nieuwere"');

    // Filters: one organisation, one person, one activity.
    const filtered = async (data: Record<string, unknown>) =>
      lines((await bot.click(processManager, Verb.logbookPage, { reference, ...data })).body.value);
    const ofPolice = await filtered({ organisationId: orgs['Korps Politie CN']! });
    expect(ofPolice.length).toBeGreaterThan(0);
    expect(ofPolice.every((l) => l.includes('(Korps Politie CN)'))).toBe(true);
    const tried = await filtered({ actorAadObjectId: krusada.aadObjectId });
    expect(tried).toHaveLength(40);
    expect(tried.every((l) => l.includes('**geweigerd (casus)** · Deelnemer Krusada'))).toBe(true);
    const decided = await filtered({ purpose: 'casusoverleg' });
    expect(decided.join('\n')).toMatch(/besluit vastgelegd/);
    expect(decided.some((l) => l.includes('Toegangscontrole'))).toBe(false);
    expect(await filtered({ actorAadObjectId: 'system' })).toEqual([
      expect.stringMatching(/\*\*herinnering actie verstuurd\*\* · Casusbot \(systeem\) · Regie/),
      expect.stringMatching(/\*\*herinnering actie verstuurd\*\* · Casusbot \(systeem\) · Regie/),
      // At the aanmelding: whether it is a herhaalde aanmelding, for the figures.
      expect.stringMatching(/\*\*herhaalcontrole voor de cijfers\*\* · Casusbot \(systeem\) · Herhaalcontrole/),
    ]);
  });

  it('after the personal data are deleted the logbook of the reference stays readable, with the deletion in it', async () => {
    const { bot, reference, caseId } = await decidedCase(db, orgs);
    await setClosed(db, caseId, { at: new Date('2026-12-01T12:00:00Z'), outcome: 'goalReached' });
    bot.clock.set(new Date('2027-12-02T12:00:00Z'));
    expect((await deleteDueCases({ db, clock: bot.clock, log: capturingLogger().log }, defaultRetention)).case).toBe(1);
    expect(textOf(cardOf((await bot.say(police, `casus ${reference}`))[0]))).toContain('Verwijderd op 2 december 2027');
    const logbook = textOf(cardOf((await bot.say(processManager, `logboek ${reference}`))[0]));
    expect(logbook).toMatch(/De persoonsgegevens zijn verwijderd op 2 december 2027/);
    expect(logbook).toMatch(/\*\*persoonsgegevens verwijderd\*\* · Casusbot \(systeem\) · Verwijdering/);
    expect(logbook).toMatch(/\*\*casus bekeken\*\*|\*\*besluit vastgelegd\*\*/);
  });
});
