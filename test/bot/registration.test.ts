import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { deleteStaleRegistrationRequests } from '../../src/retention/delete-due.ts';
import { capturingLogger } from '../support/logs.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { cardOf, createTestBot, police, processManager, stranger, textOf } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

describe('registratie aanvragen (issue 20, part 9)', () => {
  it('a stranger asks once however often they click; the procesmanager gets a card without the name and opens the filled-in form', async () => {
    const bot = createTestBot(db);
    const [first, second] = await bot.clickAtOnce([
      { user: stranger, verb: Verb.memberRequest },
      { user: stranger, verb: Verb.memberRequest },
    ]);
    for (const answer of [first!, second!]) expect(textOf(answer)).toContain('Je aanvraag is doorgestuurd');
    await bot.click(stranger, Verb.memberRequest);
    expect(await db.registrationRequest.count()).toBe(1);

    const pushed = bot.notifier.to(processManager.aadObjectId);
    expect(pushed).toHaveLength(1);
    expect(textOf(pushed[0]!.card)).toContain('Iemand vraagt registratie aan.');
    expect(JSON.stringify(pushed[0]!.card)).not.toContain(stranger.displayName);
    expect(JSON.stringify(pushed[0]!.card)).not.toContain(stranger.aadObjectId);
    expect(bot.notifier.to(police.aadObjectId)).toHaveLength(0);
    expect((await listAuditEvents(db, { recordType: 'registrationRequest' })).map((e) => e.action)).toEqual([
      'registration.requested',
    ]);

    const form = await bot.open(processManager, pushed[0]);
    expect(JSON.stringify(form.value)).toContain(stranger.displayName);
    expect(JSON.stringify(form.value)).toContain(stranger.aadObjectId);
    expect(textOf(form.value)).toContain('Lid toevoegen');

    // A member who may not register people does not get the request.
    const refused = await bot.open(police, pushed[0]);
    expect(JSON.stringify(refused)).not.toContain(stranger.displayName);

    // Registered, the request is handled: a new click from the (now) member is an ordinary unknown button.
    const organisationId = (await db.organisation.findFirstOrThrow()).id;
    await bot.click(processManager, Verb.memberRegister, {
      aadObjectId: stranger.aadObjectId,
      displayName: stranger.displayName,
      organisationId,
      role: 'participant',
    });
    expect((await db.registrationRequest.findFirstOrThrow()).handledAt).not.toBeNull();
    expect(cardOf((await bot.say(stranger, 'hulp'))[0])).toBeDefined();
  });

  it('a request is kept 30 days, handled or not: then the Teams name is gone and the logbook keeps the id', async () => {
    const bot = createTestBot(db);
    await bot.click(stranger, Verb.memberRequest);
    const { id } = await db.registrationRequest.findFirstOrThrow();
    const deps = { db, clock: bot.clock, log: capturingLogger().log };
    bot.clock.set(new Date(bot.clock.now().getTime() + 29 * 86_400_000));
    expect(await deleteStaleRegistrationRequests(deps)).toBe(0);
    bot.clock.set(new Date(bot.clock.now().getTime() + 1 * 86_400_000));
    expect(await deleteStaleRegistrationRequests(deps)).toBe(1);
    expect(await db.registrationRequest.count()).toBe(0);
    const events = await listAuditEvents(db, { recordType: 'registrationRequest' });
    expect(events.map((e) => [e.action, e.recordId])).toEqual([
      ['registration.requested', id],
      ['registration.deleted', id],
    ]);
    expect(JSON.stringify(events)).not.toContain(stranger.displayName);
  });
});
