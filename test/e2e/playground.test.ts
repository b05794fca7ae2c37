import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardShot, cardWith, outputDir, say, startStage } from './harness.ts';

const meetingId = 'MCMxOTptZWV0aW5nX2UyZQ';
const tenantId = '00000000-0000-4000-8000-000000000001';
/** The demo table's meeting the test moves the bot's clock to: a Teams meeting opens only the session of its day. */
const meetingStartsAt = '2026-12-08T14:00:00.000Z';
const meetingDay = new Date('2026-12-08T13:58:00Z');

let stage: Awaited<ReturnType<typeof startStage>>;
let db: pg.Client;
beforeAll(async () => {
  // The procesmanager, and Kevin Janga (not registered: she registers him as stuurgroeplid); with the demo history.
  stage = await startStage(['user-id-0', 'user-id-5'], { history: true });
  db = new pg.Client({ connectionString: stage.bot.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await stage?.stop();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const demoSession = async () =>
  (
    await db.query<{ id: string; openedAt: Date | null }>(
      `SELECT s.id, s."openedAt" FROM conference_session s JOIN conference_table t ON t.id = s."tableId"
      WHERE t.name = 'Casusoverleg Bonaire' AND s."startsAt" = $1`,
      [meetingStartsAt],
    )
  ).rows[0];

/**
 * A Teams meeting event as Teams sends it to the bot, from the meeting's chat. The Playground has no meetings:
 * its group chat "Casusoverleg ZVH" stands in for the meeting chat, so the bot's answer shows there.
 */
function meetingEvent(page: Page, kind: 'meetingStart' | 'meetingEnd') {
  return {
    type: 'event',
    name: `application/vnd.microsoft.${kind}`,
    channelId: 'msteams',
    serviceUrl: `${new URL(page.url()).origin}/_connector`,
    from: { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000020' },
    recipient: { id: '00000000-0000-4000-8000-000000000011', name: 'Casusbot' },
    conversation: { id: 'group-chat-zvh', conversationType: 'groupChat', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, meeting: { id: meetingId } },
    value: {
      Id: meetingId,
      MeetingType: 'Scheduled',
      Title: 'Casusoverleg Bonaire',
      ...(kind === 'meetingStart' ? { StartTime: meetingStartsAt } : { EndTime: '2026-12-08T16:00:00.000Z' }),
    },
  };
}

/** "Mock an Activity" → "Custom activity": the JSON replaces the template in the editor and goes to the bot. */
async function sendCustomActivity(page: Page, activity: object): Promise<void> {
  await page.getByRole('button', { name: 'Mock an Activity' }).click();
  await page.getByRole('menuitem', { name: 'Custom activity' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Custom activity' });
  await dialog.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One line: the editor indents after every newline it is given.
  await page.keyboard.insertText(JSON.stringify(activity));
  await dialog.getByRole('button', { name: 'Send activity' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The procesmanager fills `lid toevoegen` for Kevin Janga (user-id-5) at Openbaar Lichaam Bonaire; the same form edits him later. */
async function registerKevin(pm: Page, role: string, options: { occasional?: boolean } = {}): Promise<void> {
  await say(pm, 'lid toevoegen');
  const form = cardWith(pm, 'Koppel een Teams-gebruiker');
  await form.waitFor({ timeout: 30_000 });
  await form.getByRole('textbox', { name: /^Naam/ }).fill('Kevin Janga');
  await form.getByRole('textbox', { name: /^Azure AD object-id/ }).fill('00000000-0000-4000-8000-000000000025');
  await form.getByRole('combobox', { name: /^Organisatie/ }).click();
  await pm.getByRole('option', { name: 'Openbaar Lichaam Bonaire' }).click();
  await form.getByRole('radio', { name: role }).check();
  if (options.occasional) await form.getByRole('checkbox', { name: /Incidentele deelnemer|Deelname/ }).check();
  await form.getByRole('button', { name: 'Registreren' }).click();
}

describe('in the Agents Playground, like a person', () => {
  it('the procesmanager types "hulp", sees the help card and opens the member list from it', async () => {
    const page = await stage.open('user-id-0');
    await say(page, 'hulp');
    const help = page.getByText('Casusbot: wat kan ik?');
    await help.waitFor({ timeout: 30_000 });
    await expect(page.getByText('Je bent geregistreerd als procesmanager').first().isVisible()).resolves.toBe(true);
    await cardShot(page, '01-hulp');

    await page.getByRole('button', { name: 'Leden' }).last().click();
    await page.getByText('5 geregistreerde leden.').waitFor({ timeout: 30_000 });
    await expect(page.getByText('Ruben Croes').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(outputDir, 'e2e-leden.png') });

    // The running cases, one "Openen" each, and "Meer" for the next page (the demo history has more than a page).
    await say(page, 'casussen');
    const cases = cardWith(page, 'De lopende casussen waarbij jouw organisatie betrokken is');
    await cases.getByRole('button', { name: 'Meer' }).waitFor({ timeout: 30_000 });
    expect(await cases.getByRole('button', { name: 'Openen' }).count()).toBeGreaterThan(1);
    await expect(cases.innerText()).resolves.toMatch(/ZVH-\d{4}-\d{4}/);
    await cardShot(page, '02-casussen', cases.getByText('Casussen', { exact: true }));

    // No dead end: a word that is not a command gets the closest one as a question, with its button.
    await say(page, 'acties');
    const unknown = cardWith(page, 'Bedoel je mijn acties?');
    await unknown.getByRole('button', { name: 'Mijn acties' }).waitFor({ timeout: 30_000 });
    await cardShot(page, '14-bedoel-je', unknown);
    await unknown.getByRole('button', { name: 'Mijn acties' }).click();
    await cardWith(page, /Niets te doen|Door jou opgepakt|Nog niet opgepakt door|Over tijd in casussen/).waitFor({
      timeout: 30_000,
    });
  });

  it('meetingStart opens the table session of today; meetingEnd offers the chair to close it', async () => {
    // Test setup: in Teams the procesmanager links the table to its meeting with "tafel koppelen" in the meeting
    // chat; the Playground has no meeting chat, so the link is written straight into the database.
    await db.query(`UPDATE conference_table SET "teamsMeetingId" = $1 WHERE name = 'Casusoverleg Bonaire'`, [
      meetingId,
    ]);
    const session = await waitFor('the planned sessions of the demo table', demoSession);
    expect(session.openedAt).toBeNull();

    const pm = await stage.open('user-id-0');
    await pm.getByText('Welkom bij Casusbot').first().waitFor({ timeout: 30_000 });
    await pm.getByRole('treeitem', { name: /Casusoverleg ZVH/ }).click();
    await cardWith(pm, 'Aanmelden en je casussen bekijken doe je in een persoonlijke chat').waitFor({
      timeout: 30_000,
    });

    stage.clock.set(meetingDay);
    await sendCustomActivity(pm, meetingEvent(pm, 'meetingStart'));
    const opened = await waitFor('the session to be opened', async () => (await demoSession())?.openedAt ?? undefined);
    expect(opened.toISOString()).toBe(meetingDay.toISOString());
    // The log panel shows the event the bot received (HTTP 200).
    await pm.getByText('event 200').last().click();
    await pm.getByText('"application/vnd.microsoft.meetingStart"').waitFor();
    await pm.screenshot({ path: join(outputDir, 'e2e-meeting-start.png') });

    await sendCustomActivity(pm, meetingEvent(pm, 'meetingEnd'));
    const ended = cardWith(pm, 'Het Teams-overleg is afgelopen');
    await ended.waitFor({ timeout: 30_000 });
    await expect(ended.innerText()).resolves.toContain('Casusoverleg Bonaire');
    await ended.getByRole('button', { name: 'Overleg sluiten' }).waitFor({ timeout: 30_000 }); // actions render a moment after the text
    await pm.screenshot({ path: join(outputDir, 'e2e-meeting-end.png') });
  });

  it('the procesmanager searches Casusbot in the compose box and unfurls a link to a case: reference, stage, table and next meeting, no person', async () => {
    const pm = await stage.open('user-id-0');
    await say(pm, 'casussen');
    const list = cardWith(pm, 'De lopende casussen waarbij jouw organisatie betrokken is');
    await list.getByRole('button', { name: 'Openen' }).first().waitFor({ timeout: 30_000 });
    // A case on the demo table, which meets again on 8 December.
    const reference = /(ZVH-\d{4}-\d{4}) · [^\n]*\(Casusoverleg Bonaire\)/.exec(await list.innerText())![1]!;
    const { rows: persons } = await db.query<{ name: string; bsn: string | null; address: string }>(
      `SELECT p.name, p.bsn, p.address FROM case_person p JOIN case_record c ON c.id = p."caseId" WHERE c.reference = $1`,
      [reference],
    );
    expect(persons.length).toBeGreaterThan(0);
    const expectCaseCard = async (text: string) => {
      expect(text).toContain(reference);
      expect(text).toMatch(/Stand[\s\S]*Tafel[\s\S]*Volgend overleg/);
      expect(text).toContain('Casusoverleg Bonaire');
      expect(text).toMatch(/Volgend overleg\s+\S+dag \d{1,2} [a-z]+ \d{4}/);
      for (const p of persons) {
        for (const part of p.name.split(/\s+/).filter((w) => w.length > 3)) expect(text).not.toContain(part);
        expect(text).not.toContain(p.address);
        if (p.bsn) expect(text).not.toContain(p.bsn);
      }
      expect(text).not.toMatch(/\b\d{9}\b/); // no BSN-like number
    };

    // Search: the Playground reads no manifest, so the person types the command id and parameter name once.
    await pm.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await pm.getByRole('menuitem', { name: 'Search Command' }).click();
    const search = pm.getByRole('group').filter({ hasText: 'Search-Based Message Extension' });
    await search.getByRole('button', { name: 'Specify Command ID or Parameter' }).click();
    await search.getByRole('textbox', { name: 'Command ID' }).fill('casusZoeken');
    await search.getByRole('textbox', { name: 'Parameter name' }).fill('kenmerk');
    await search.getByRole('textbox', { name: 'Enter a search term' }).fill(reference.slice(-4));
    const result = search.getByText(new RegExp(`^${reference} · \\S`)).first();
    await result.waitFor({ timeout: 30_000 });
    await expect(search.innerText()).resolves.not.toContain(persons[0]!.name);
    await cardShot(pm, '16-casus-zoeken');

    // Link unfurling: the link to the case turns into the same card, which the person posts in the chat.
    await search.getByRole('button', { name: 'Close' }).click();
    await pm.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await pm.getByRole('menuitem', { name: 'Link Unfurling' }).click();
    await pm
      .getByRole('textbox', { name: 'Enter an URL' })
      .fill(`http://localhost:${stage.bot.port}/casus/${reference}`);
    // The dialog shows the card the bot answers composeExtension/queryLink with.
    const preview = pm.locator('.ac-adaptiveCard').filter({ hasText: `Typ "casus ${reference}"` });
    await preview.waitFor({ timeout: 30_000 });
    await expectCaseCard(await preview.innerText());
    await cardShot(pm, '16b-casus-link', preview);
    const send = pm.getByRole('button', { name: 'Send to Conversation' });
    await send.click();
    await send.waitFor({ state: 'hidden' });
    const posted = cardWith(pm, new RegExp(`${reference}[\\s\\S]*Volgend overleg`));
    await posted.waitFor({ timeout: 30_000 });
    await expectCaseCard(await posted.innerText());
  });

  it('the procesmanager registers Kevin Janga as stuurgroeplid; he types "cijfers" and reads last quarter with its charts, and nothing of a case', async () => {
    // Before he is registered, Kevin Janga is a stranger: the bot says so and lets him ask for registration.
    const kevin = await stage.open('user-id-5');
    await say(kevin, 'hulp');
    const stranger = cardWith(kevin, 'Nog niet geregistreerd');
    await stranger.getByRole('button', { name: 'Registratie aanvragen' }).waitFor({ timeout: 30_000 });
    await expect(stranger.innerText()).resolves.toContain(
      'Je bent nog niet geregistreerd als lid van het casusoverleg',
    );
    await cardShot(kevin, '13-onbekende', stranger);

    const pm = await stage.open('user-id-0');
    await registerKevin(pm, 'Stuurgroeplid');
    await cardWith(pm, 'Kevin Janga is stuurgroeplid bij Openbaar Lichaam Bonaire').waitFor({ timeout: 30_000 });

    await say(kevin, 'cijfers');
    const figures = cardWith(kevin, 'Kengetallen 3e kwartaal 2026');
    await figures.waitFor({ timeout: 60_000 });
    await expect(figures.innerText()).resolves.toContain('Aanmeldingen per aanmeldende partner');
    // Each chart under its title (bars across for the trend and the running cases), the numbers beside it in text.
    await figures.getByText('Aanmeldingen per kwartaal', { exact: true }).waitFor({ timeout: 30_000 });
    await figures.getByText('Lopende casussen, 3e kwartaal 2026', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(figures.innerText()).resolves.toMatch(/Aangenomen\s+\d+ → \d+/);
    await figures.getByText('Kengetallen 3e kwartaal 2026').scrollIntoViewIfNeeded();
    await cardShot(kevin, '12-cijfers');
    await figures.getByText('Lopende casussen, 3e kwartaal 2026', { exact: true }).scrollIntoViewIfNeeded();
    await kevin.screenshot({ path: join(outputDir, 'e2e-cijfers-charts.png') });

    // A case command gets the stuurgroeplid's refusal.
    await say(kevin, 'casussen');
    await kevin.getByText('Als stuurgroeplid zie je de kengetallen').last().waitFor({ timeout: 30_000 });
  });

  it('the procesmanager makes Kevin Janga an incidentele deelnemer; he sees references only until he accepts the geheimhoudingsverklaring', async () => {
    const pm = await stage.open('user-id-0');
    await say(pm, 'geheimhouding');
    const editor = cardWith(pm, 'Tekst van de verklaring');
    await editor.waitFor({ timeout: 30_000 });
    await editor
      .getByRole('textbox', { name: /^Tekst van de verklaring/ })
      .fill('Ik houd geheim wat ik in het casusoverleg lees en hoor, ook na afloop.');
    await editor.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await pm
      .getByText(/Versie 1, vastgesteld op/)
      .first()
      .waitFor({ timeout: 30_000 });

    // The same form edits the member he is: now a participant of his organisation, marked incidenteel.
    await registerKevin(pm, 'Deelnemer casusoverleg', { occasional: true });
    await cardWith(pm, 'Kevin Janga is deelnemer casusoverleg bij Openbaar Lichaam Bonaire').waitFor({
      timeout: 30_000,
    });

    const kevin = await stage.open('user-id-5');
    await say(kevin, 'casussen');
    const list = cardWith(kevin, 'Casussen');
    await list.getByRole('button', { name: 'Openen' }).first().waitFor({ timeout: 30_000 });
    const reference = /ZVH-\d{4}-\d{4}/.exec(await list.innerText())?.[0];
    expect(reference).toBeDefined();
    await list.getByRole('button', { name: 'Openen' }).first().click();
    const statement = cardWith(
      kevin,
      'Je ziet de inhoud van casussen pas als je de geheimhoudingsverklaring hebt aanvaard',
    );
    await statement.getByRole('button', { name: 'Ik ga akkoord' }).waitFor({ timeout: 30_000 });
    await expect(statement.innerText()).resolves.toContain('Ik houd geheim wat ik in het casusoverleg lees');
    await cardShot(kevin, '15-geheimhouding', statement);
    await statement.getByRole('button', { name: 'Ik ga akkoord' }).click();
    await kevin
      .getByText(/Je hebt versie 1 van de geheimhoudingsverklaring aanvaard/)
      .first()
      .waitFor({ timeout: 30_000 });

    // Now the case card itself: its heading names the person, and Acties follow.
    await say(kevin, `casus ${reference}`);
    await cardWith(kevin, new RegExp(`Casus ${reference} · [\\s\\S]*Acties \\(`)).waitFor({ timeout: 30_000 });
    // The acceptance is in the logbook with who and which version.
    const accepted = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_event WHERE action = 'confidentiality.accepted' AND "actorAadObjectId" = $1`,
      ['00000000-0000-4000-8000-000000000025'],
    );
    expect(accepted.rows[0]?.n).toBe('1');
  });
});
