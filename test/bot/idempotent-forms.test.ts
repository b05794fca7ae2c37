import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { maxOpenDrafts } from '../../src/referrals/submit-referral.ts';
import {
  cardOf,
  createTestBot,
  police,
  processManager,
  textOf,
  youthCareContact,
  type TestUser,
} from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { decidedCase, seedPeople } from '../support/decided-case.ts';
import { validReferralData } from '../support/referral.ts';

// Every button is safe to click twice: a form sent again, one after the other or at the same moment, adds nothing
// and tells nobody again, and the repeat answers as the first did.
const db = useDatabase();
let orgs: Record<string, string>;
beforeEach(async () => {
  orgs = await seedPeople(db);
});

type Bot = ReturnType<typeof createTestBot>;
type Card = { body: { id?: string; text?: string }[]; actions?: { verb?: string; data?: Record<string, unknown> }[] };
const involved = () => [orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!];
const referenceIn = (body: { value: unknown }) => /ZVH-2026-\d{4}/.exec(textOf(body.value))?.[0];
const screeningCards = (bot: Bot) => bot.notifier.to(processManager.aadObjectId).length;

/** The data an action of the card sends (its own data, as Teams merges it with the inputs). */
function actionData(card: unknown, verb: string): Record<string, unknown> {
  const action = (card as Card).actions?.find((a) => a.verb === verb);
  if (!action?.data) throw new Error(`no ${verb} on the card`);
  return action.data;
}

describe('the intake form (aanmelden)', () => {
  it('carries one submission id from the moment it is shown, on every button that keeps or sends it', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'aanmelden');
    const card = cardOf(reply);
    const submit = actionData(card, Verb.referralSubmit).submissionId;
    expect(submit).toMatch(/^[0-9a-f-]{36}$/);
    expect(actionData(card, Verb.referralSaveDraft).submissionId).toBe(submit);
    const [again] = await bot.say(police, 'aanmelden');
    expect(actionData(cardOf(again), Verb.referralSubmit).submissionId).not.toBe(submit);
  });

  it('the same filled form sent twice, then 30 times at once: one case, one reference in every answer, the procesmanager told once', async () => {
    const bot = createTestBot(db);
    const form = { ...validReferralData(involved()), submissionId: randomUUID() };
    const first = await bot.click(police, Verb.referralSubmit, form);
    const reference = referenceIn(first.body);
    expect(reference).toBeDefined();
    expect(screeningCards(bot)).toBe(1);
    const second = await bot.click(police, Verb.referralSubmit, form);
    expect(second.body).toEqual(first.body);

    const other = { ...validReferralData(involved()), submissionId: randomUUID() };
    const answers = await bot.clickAtOnce(
      Array.from({ length: 30 }, () => ({ user: police, verb: Verb.referralSubmit, data: other })),
    );
    const references = new Set(answers.map(referenceIn));
    expect(references.size).toBe(1);
    expect(references.has(reference)).toBe(false);
    expect(references.has(undefined)).toBe(false);
    expect(await db.case.count()).toBe(2);
    expect(await db.casePerson.count()).toBe(4);
    expect(screeningCards(bot)).toBe(2);
  });

  it('a draft: saved again (also twice at once) stays one draft; its card submitted twice at once gives one reference', async () => {
    const bot = createTestBot(db);
    const form = { ...validReferralData(involved()), submissionId: randomUUID() };
    const saved = await bot.click(police, Verb.referralSaveDraft, form);
    expect(textOf(saved.body.value)).toContain('Concept opgeslagen');
    await bot.click(police, Verb.referralSaveDraft, form);
    await bot.clickAtOnce([1, 2].map(() => ({ user: police, verb: Verb.referralSaveDraft, data: form })));
    expect(await db.case.count({ where: { status: 'draft' } })).toBe(1);

    // A fresh form saved twice at once: the second save finds the first draft and updates it.
    const fresh = { p1_name: 'Nog een concept', submissionId: randomUUID() };
    await bot.clickAtOnce([1, 2].map(() => ({ user: police, verb: Verb.referralSaveDraft, data: fresh })));
    expect(await db.case.count({ where: { status: 'draft' } })).toBe(2);

    const fromDraft = actionData(saved.body.value, Verb.referralSubmit);
    expect(fromDraft.submissionId).toBe(form.submissionId);
    const answers = await bot.clickAtOnce(
      [1, 2].map(() => ({ user: police, verb: Verb.referralSubmit, data: { ...form, ...fromDraft } })),
    );
    expect(new Set(answers.map(referenceIn)).size).toBe(1);
    expect(referenceIn(answers[0]!)).toBeDefined();
    expect(await db.case.count()).toBe(2);
    expect(await db.case.count({ where: { status: 'submitted' } })).toBe(1);
    expect(screeningCards(bot)).toBe(1);
  });

  it('a draft holds no longer texts than a submission, with the same Dutch message at the field; nothing is stored', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(police, Verb.referralSaveDraft, {
      p1_name: 'x'.repeat(200_000),
      submissionId: randomUUID(),
    });
    const card = body.value as Card;
    const at = card.body.findIndex((e) => e.id === 'p1_name');
    expect(card.body[at + 1]?.text).toBe('Maximaal 100 tekens (nu 200000).');
    expect(await db.case.count()).toBe(0);
    const submitted = await bot.click(police, Verb.referralSubmit, {
      ...validReferralData(involved(), { p1_name: 'x'.repeat(101) }),
      submissionId: randomUUID(),
    });
    const submittedCard = submitted.body.value as Card;
    const there = submittedCard.body.findIndex((e) => e.id === 'p1_name');
    expect(submittedCard.body[there + 1]?.text).toBe('Maximaal 100 tekens (nu 101).');
  });

  it(`a member keeps at most ${maxOpenDrafts} drafts, also when the last ones are saved at once; a Dutch message says so`, async () => {
    const bot = createTestBot(db);
    for (let i = 0; i < maxOpenDrafts - 1; i++)
      await bot.click(police, Verb.referralSaveDraft, { p1_name: `Concept ${i}`, submissionId: randomUUID() });
    const answers = await bot.clickAtOnce(
      [1, 2, 3].map((i) => ({
        user: police,
        verb: Verb.referralSaveDraft,
        data: { p1_name: `Laatste ${i}`, submissionId: randomUUID() },
      })),
    );
    expect(await db.case.count({ where: { status: 'draft' } })).toBe(maxOpenDrafts);
    const refused = answers.filter((a) => textOf(a.value).includes(`Je hebt al ${maxOpenDrafts} concepten`));
    expect(refused).toHaveLength(2);
    // What was typed stays on the card, to be submitted at once.
    expect(JSON.stringify(refused[0]!.value)).toMatch(/Laatste \d/);
    // Another member is not held back by it.
    await bot.click(youthCareContact, Verb.referralSaveDraft, { p1_name: 'Eigen concept', submissionId: randomUUID() });
    expect(await db.case.count({ where: { status: 'draft' } })).toBe(maxOpenDrafts + 1);
  });
});

interface Repeatable {
  name: string;
  /** Who clicks which verb with what data; a fresh submission each call. */
  click: () => { user: TestUser; verb: string; data: Record<string, unknown> };
  /** The rows the verb adds, counted. */
  rows: () => Promise<number>;
  /** Registering a known person again updates them: the repeat adds nothing and says "bijgewerkt". */
  sameAnswer?: false;
}

/** Sent twice one after the other, and then (a fresh submission) twice at once: each time one row more, one answer. */
async function expectOnce(bot: Bot, verb: Repeatable) {
  const before = await verb.rows();
  const sent = bot.notifier.sent.length;
  const click = verb.click();
  const first = await bot.click(click.user, click.verb, click.data);
  expect(first.body.type, verb.name).toBe('application/vnd.microsoft.card.adaptive');
  const told = bot.notifier.sent.length - sent;
  const second = await bot.click(click.user, click.verb, click.data);
  if (verb.sameAnswer !== false) expect(textOf(second.body.value), verb.name).toBe(textOf(first.body.value));
  expect(await verb.rows(), verb.name).toBe(before + 1);
  expect(bot.notifier.sent.length - sent, `${verb.name}: told again`).toBe(told);

  const again = verb.click();
  const atOnce = await bot.clickAtOnce([again, again]);
  if (verb.sameAnswer !== false) expect(textOf(atOnce[1]!.value), verb.name).toBe(textOf(atOnce[0]!.value));
  expect(await verb.rows(), verb.name).toBe(before + 2);
  expect(bot.notifier.sent.length - sent, `${verb.name}: told twice at once`).toBe(2 * told);
}

describe('every other form that adds a row', () => {
  it('the procesmanager: a new table, an extra meeting, a member', async () => {
    const bot = createTestBot(db);
    const tableId = (await listTables(db))[0]!.id;
    let n = 0;
    const verbs: Repeatable[] = [
      {
        name: 'table.save (new)',
        click: () => ({
          user: processManager,
          verb: Verb.tableSave,
          data: {
            submissionId: randomUUID(),
            name: `Casusoverleg Rincon ${++n}`,
            organisationIds: `${orgs['Krusada']},${orgs['Forma']}`,
            chair: 'processManager',
            timeZone: 'Europe/Amsterdam',
            weekday: '1',
            startTime: '09:30',
            anchorDate: '2026-01-05',
            intervalWeeks: '2',
            sessionMinutes: '90',
            minutesPerCase: '30',
            agendaLeadHours: '48',
          },
        }),
        rows: () => db.conferenceTable.count(),
      },
      {
        name: 'session.add',
        click: () => ({
          user: processManager,
          verb: Verb.sessionAdd,
          data: { tableId, submissionId: randomUUID(), date: `2027-01-1${++n % 10}`, time: '14:00' },
        }),
        rows: () => db.conferenceSession.count({ where: { status: 'extra' } }),
      },
      {
        name: 'member.register',
        click: () => ({
          user: processManager,
          verb: Verb.memberRegister,
          data: {
            aadObjectId: randomUUID(),
            displayName: `Nieuw Lid ${++n}`,
            organisationId: orgs['Krusada']!,
            role: 'participant',
          },
        }),
        rows: () => db.member.count(),
        sameAnswer: false,
      },
    ];
    for (const verb of verbs) await expectOnce(bot, verb);
  });

  it('after the decision: a handover (the contributor asked once), a progress update, a contribution', async () => {
    const { bot, caseId } = await decidedCase(db, orgs);
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId } });
    const youthCare = orgs['Jeugdzorg CN']!;
    const informer = (await db.member.findFirstOrThrow({ where: { aadObjectId: youthCareContact.aadObjectId } })).id;
    // The police's contribution, to go along with the handover on its contributor's consent.
    await bot.click(police, Verb.discussionAddContribution, {
      agendaItemId: item.id,
      submissionId: randomUUID(),
      text: 'Drie meldingen dit jaar',
      lifeDomain: 'domesticViolence',
      sensitive: 'false',
    });
    const contribution = (await db.contribution.findFirstOrThrow()).id;
    const verbs: Repeatable[] = [
      {
        name: 'handover.start',
        click: () => ({
          user: youthCareContact,
          verb: Verb.handoverStart,
          data: {
            caseId,
            submissionId: randomUUID(),
            target: 'external',
            externalName: 'Veiligheidshuis Curaçao',
            necessity: 'Verhuisd naar Curaçao',
            purpose: 'Begeleiding voortzetten',
            registeringOrganisationId: youthCare,
            informerMemberId: informer,
            [`item_${contribution}`]: 'include',
          },
        }),
        rows: () => db.handover.count(),
      },
      {
        name: 'regie.progress',
        click: () => ({
          user: youthCareContact,
          verb: Verb.regieProgress,
          data: { caseId, submissionId: randomUUID(), text: 'Schuldhulp is gestart' },
        }),
        rows: () => db.regieUpdate.count(),
      },
      {
        name: 'discussion.addContribution',
        click: () => ({
          user: police,
          verb: Verb.discussionAddContribution,
          data: {
            agendaItemId: item.id,
            submissionId: randomUUID(),
            text: 'Lopend onderzoek',
            lifeDomain: 'justice',
            sensitive: 'false',
          },
        }),
        rows: () => db.contribution.count(),
      },
    ];
    for (const verb of verbs) await expectOnce(bot, verb);
    // The contributor was asked once per handover: two handovers (the sequential pair, the pair at once).
    expect(await db.handover.count()).toBe(2);
  });
});
