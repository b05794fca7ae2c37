import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { cardOf, createTestBot, police, processManager, stranger, textOf } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds, validReferralData } from '../support/referral.ts';

const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

type Card = {
  body: Record<string, unknown>[];
  actions?: { title: string; verb: string; data: Record<string, unknown> }[];
};
/** The card among a turn's replies (a typing indicator may come first). */
const cardIn = (replies: NonNullable<Parameters<typeof cardOf>[0]>[]) =>
  cardOf(replies.find((r) => r.attachments?.length));
const refusedLine = 'Je ziet de inhoud van casussen pas als je de geheimhoudingsverklaring hebt aanvaard';

describe('geheimhouding, through the bot', () => {
  it('an incidentele deelnemer is shown the statement instead of the case, accepts it, then sees the case; a new version asks again', async () => {
    const bot = createTestBot(db);
    const orgs = await organisationIds(db);
    // The procesmanager registers Kevin as an incidentele deelnemer of the police.
    const { body: registered } = await bot.click(processManager, Verb.memberRegister, {
      person: stranger.aadObjectId,
      rosterNames: { [stranger.aadObjectId]: stranger.displayName },
      organisationId: orgs['Korps Politie CN']!,
      role: 'participant',
      occasional: 'true',
    });
    expect(textOf(registered.value)).toContain('Incidentele deelnemer');
    // A case of the police, accepted at a table.
    const { body: submitted } = await bot.click(
      police,
      Verb.referralSubmit,
      validReferralData([orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!]),
    );
    const reference = /ZVH-2026-\d{4}/.exec(textOf(submitted.value))![0];
    const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
    await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: (await listTables(db))[0]!.id });

    // No statement yet: the case is not shown, and there is nothing to accept.
    const none = cardIn(await bot.say(stranger, `casus ${reference}`));
    const noneText = textOf(none);
    expect(noneText).toContain(refusedLine);
    expect(noneText).toContain('nog geen geheimhoudingsverklaring vastgesteld');
    expect(noneText).not.toContain('Huisuitzetting');
    expect((none as unknown as Card).actions ?? []).toEqual([]);
    // References only: the list names the case.
    const list = cardIn(await bot.say(stranger, 'casussen'));
    expect(textOf(list)).toContain(reference);

    // The procesmanager sets the text.
    const editor = cardIn(await bot.say(processManager, 'geheimhouding'));
    expect(textOf(editor)).toContain('Opslaan als nieuwe versie');
    const { body: saved } = await bot.click(processManager, Verb.statementSave, {
      text: 'Ik houd geheim wat ik in het casusoverleg hoor.',
    });
    expect(textOf(saved.value)).toContain('Versie 1 is opgeslagen');

    // Opening the case again: the statement, with Ik ga akkoord for version 1.
    const asked = cardIn(await bot.say(stranger, `casus ${reference}`));
    const askedCard = asked as unknown as Card;
    expect(textOf(askedCard)).toContain('Ik houd geheim wat ik in het casusoverleg hoor.');
    const accept = askedCard.actions!.find((a) => a.title === 'Ik ga akkoord')!;
    expect(accept.verb).toBe(Verb.statementAccept);
    const { body: accepted } = await bot.click(stranger, accept.verb, accept.data);
    expect(textOf(accepted.value)).toContain('Je hebt versie 1 van de geheimhoudingsverklaring aanvaard');

    // Now the case card.
    const shown = cardIn(await bot.say(stranger, `casus ${reference}`));
    expect(textOf(shown)).toContain(reference);
    expect(textOf(shown)).not.toContain('Geheimhoudingsverklaring');

    // A new version: asked again, on a button too (the answer replaces the card).
    await bot.click(processManager, Verb.statementSave, { text: 'Ik houd geheim wat ik hoor, ook na afloop.' });
    const { body: again } = await bot.click(stranger, Verb.caseOverview, { caseId });
    expect(textOf(again.value)).toContain(refusedLine);
    expect(textOf(again.value)).toContain('Versie 2');
    // The old card's button accepts nothing: the new text comes first.
    const { body: stale } = await bot.click(stranger, accept.verb, accept.data);
    expect(textOf(stale.value)).toContain('De verklaring is intussen gewijzigd');
    expect(textOf(stale.value)).toContain('ook na afloop');

    // Who accepted which version, when, in the logbook.
    const member = await db.member.findUniqueOrThrow({ where: { aadObjectId: stranger.aadObjectId } });
    const acceptances = await db.confidentialityAcceptance.findMany({
      where: { memberId: member.id },
      include: { statement: true },
    });
    expect(acceptances.map((x) => x.statement.version)).toEqual([1]);
    const events = await db.auditEvent.findMany({
      where: { purpose: 'geheimhouding', actorAadObjectId: stranger.aadObjectId },
    });
    expect(events.map((e) => e.action)).toEqual(['confidentiality.accepted']);
  });

  it('a regular member sees the statement without a button, and may not change it', async () => {
    const bot = createTestBot(db);
    await bot.click(processManager, Verb.statementSave, { text: 'Een verklaring.' });
    const shown = cardIn(await bot.say(police, 'geheimhouding'));
    const card = shown as unknown as Card;
    expect(textOf(card)).toContain('Een verklaring.');
    expect(card.actions ?? []).toEqual([]);
    const { body } = await bot.click(police, Verb.statementSave, { text: 'Mijn eigen tekst.' });
    expect(textOf(body.value)).toContain('Alleen de procesmanager kan de geheimhoudingsverklaring wijzigen.');
    expect(await db.confidentialityStatement.count()).toBe(1);
  });
});
