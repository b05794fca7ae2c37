import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { setClosed } from '../../src/lifecycle/case-state.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import {
  cardOf,
  createTestBot,
  mentalHealth,
  police,
  processManager,
  textOf,
  youthCareContact,
  type TestUser,
} from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds, validReferralData } from '../support/referral.ts';

const db = useDatabase();
let orgs: Record<string, string>;
beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  orgs = await organisationIds(db);
});

const involved = () => [orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!];

async function submitAs(bot: ReturnType<typeof createTestBot>, who: TestUser) {
  const { body } = await bot.click(who, Verb.referralSubmit, validReferralData(involved()));
  const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))?.[0];
  if (!reference) throw new Error(`not submitted: ${textOf(body.value)}`);
  const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
  return { reference, caseId, answer: textOf(body.value) };
}

/**
 * Jan and Mira Fictief's earlier case (referred by mental health care), accepted in January and closed late on
 * 10 March in Bonaire, which is already 11 March in UTC.
 */
async function earlierClosedCase(bot: ReturnType<typeof createTestBot>) {
  bot.clock.set(new Date('2026-01-05T13:00:00Z'));
  const earlier = await submitAs(bot, mentalHealth);
  const tableId = (await listTables(db))[0]!.id;
  await bot.click(processManager, Verb.screeningAccept, { caseId: earlier.caseId, tableId });
  expect(await setClosed(db, earlier.caseId, { at: new Date('2026-03-11T02:30:00Z'), outcome: 'goalReached' })).toBe(
    true,
  );
  bot.clock.set(new Date('2026-11-23T09:00:00Z'));
  return earlier;
}

/** Whatever of the repeat check could leak: the earlier reference, or the words of the card's section. */
function expectNothingOfTheRepeat(text: string, earlierReference: string) {
  expect(text).not.toContain(earlierReference);
  expect(text).not.toMatch(/herhaal|al bekend|op BSN|op naam en geboortedatum|maart 2026/i);
}

describe('the repeat check at screening', () => {
  it("the procesmanager's screening card says who is known in which earlier case: its status, table, closure day in the table's timezone and outcome", async () => {
    const bot = createTestBot(db);
    const earlier = await earlierClosedCase(bot);
    const now = await submitAs(bot, police);
    const [message] = bot.notifier.to(processManager.aadObjectId).slice(-1);
    expect(textOf(message?.card)).toContain(`Nieuwe aanmelding: ${now.reference}`);
    // Pushed: the reference only; the check is on the card when it is opened.
    expectNothingOfTheRepeat(textOf(message?.card), earlier.reference);
    const text = textOf((await bot.open(processManager, message)).value);
    expect(text).toContain('Herhaalde aanmelding');
    expect(text).toContain(
      `**${earlier.reference}** (Casusoverleg Bonaire): afgesloten op 10 maart 2026, doel bereikt. Bekend: Jan Fictief (op BSN), Mira Fictief (op naam en geboortedatum).`,
    );
    // After a decision the card still shows it, to the procesmanager.
    await bot.click(processManager, Verb.screeningReject, { caseId: now.caseId, reason: 'Loopt al.' });
    const again = await bot.click(processManager, Verb.screeningShow, { caseId: now.caseId });
    expect(textOf(again.body.value)).toContain(earlier.reference);
  });

  it('an aanmelding for nobody known has no such section', async () => {
    const bot = createTestBot(db);
    const now = await submitAs(bot, police);
    const opened = await bot.click(processManager, Verb.screeningShow, { caseId: now.caseId });
    expect(textOf(opened.body.value)).toContain(`Screening ${now.reference}`);
    expect(textOf(opened.body.value)).not.toContain('Herhaalde aanmelding');
  });

  it('nobody else sees it: not the referrer (answer, own list, outcome, case card), not an involved partner, not the earlier referrer', async () => {
    const bot = createTestBot(db);
    const earlier = await earlierClosedCase(bot);
    const toEarlierReferrer = bot.notifier.to(mentalHealth.aadObjectId).length;
    const now = await submitAs(bot, police);
    expectNothingOfTheRepeat(now.answer, earlier.reference);
    const [mine] = await bot.say(police, 'mijn aanmeldingen');
    expectNothingOfTheRepeat(textOf(cardOf(mine)), earlier.reference);
    // The screening card is the procesmanager's alone: the referrer is refused, and learns nothing from the refusal.
    const refused = await bot.click(police, Verb.screeningShow, { caseId: now.caseId });
    expect(refused.body.value).toBe('Alleen de procesmanager beoordeelt aanmeldingen.');

    const tableId = (await listTables(db))[0]!.id;
    await bot.click(processManager, Verb.screeningAccept, { caseId: now.caseId, tableId });
    const [told] = bot.notifier.to(police.aadObjectId).slice(-1);
    expectNothingOfTheRepeat(textOf(told?.card), earlier.reference);
    expectNothingOfTheRepeat(textOf((await bot.open(police, told)).value), earlier.reference);
    for (const who of [police, youthCareContact]) {
      const overview = await bot.click(who, Verb.caseOverview, { caseId: now.caseId });
      expect(textOf(overview.body.value)).toContain(now.reference);
      expectNothingOfTheRepeat(textOf(overview.body.value), earlier.reference);
    }
    // The earlier case's referrer is told nothing, and its case card says nothing of the new aanmelding.
    expect(bot.notifier.to(mentalHealth.aadObjectId)).toHaveLength(toEarlierReferrer);
    const theirs = await bot.click(mentalHealth, Verb.caseOverview, { caseId: earlier.caseId });
    expect(textOf(theirs.body.value)).not.toContain(now.reference);
    expect(textOf(theirs.body.value)).not.toMatch(/herhaal/i);
  });
});
