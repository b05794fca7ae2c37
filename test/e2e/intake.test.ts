import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../cards/labels.ts';
import { demoTable } from '../../src/organisations/demo-partners.ts';
import {
  cardShot,
  cardWith,
  openChannel,
  openPersonalChat,
  outputDir,
  postMentioningBot,
  say,
  startStage,
} from './harness.ts';

let stage: Awaited<ReturnType<typeof startStage>>;
beforeAll(async () => {
  // The procesmanager, a police officer (referrer, invited), a mental-health participant (not invited) and a
  // youth-care contact person (invited).
  stage = await startStage(['user-id-0', 'user-id-1', 'user-id-2', 'user-id-3']);
});
afterAll(async () => {
  await stage?.stop();
});

/** The newest card in the chat: the one the person is working in. */
const lastCard = (page: Page) => page.locator('.ac-adaptiveCard').last();

async function fillIntakeForm(page: Page, person = 'Jan Fictief'): Promise<void> {
  const form = lastCard(page);
  const text = (name: RegExp) => form.getByRole('textbox', { name }).first();
  await text(/^Naam/).fill(person);
  await text(/^Geboortedatum/).fill('12-04-1990');
  await text(/^Adres/).fill('Kaya Fictief 1, Kralendijk');
  // The leefgebieden are folded: a click on one opens its field.
  await form.getByRole('button', { name: 'Wonen', exact: true }).click();
  await text(/^Wonen/).fill('Dreigende huisuitzetting');
  await form.getByRole('button', { name: 'Financiën', exact: true }).click();
  await text(/^Financiën/).fill('Schulden bij meerdere instanties');
  await form.getByRole('combobox', { name: /Organisaties die al betrokken/ }).click();
  for (const organisation of ['Korps Politie CN', 'Jeugdzorg CN', 'Openbaar Lichaam Bonaire']) {
    await page.getByRole('menuitemcheckbox', { name: organisation }).click();
  }
  await page.keyboard.press('Escape');
  await form.getByRole('checkbox', { name: 'Zorg' }).check();
  await form.getByRole('checkbox', { name: 'Straf (justitie)' }).check();
  await text(/^Er zijn problemen op meerdere leefgebieden/).fill(
    'Wonen en financiën lopen vast, met overlast in de buurt.',
  );
  await text(/^Meerdere ketens/).fill('Politie, jeugdzorg en de gemeente zijn betrokken.');
  await text(/^De problemen hebben gevolgen/).fill('De kinderen groeien op in onzekerheid.');
  await form.getByRole('button', { name: 'Ja', exact: true }).click();
  await text(/^Door wie en wanneer/).fill('De aanmelder, op 20 november');
  await form.getByRole('radio', { name: 'Hoog' }).check();
  // His own phone and e-mail come from his member record.
  await expect(text(/^Telefoon/).inputValue()).resolves.toBe('+599 717 8000');
}

let reference: string | undefined;
/** The second case on the same agenda, moved on at the meeting. */
let second: string | undefined;
const pages: Partial<Record<'pm' | 'officer' | 'youthCare', Page>> = {};

describe('intake, screening and the agenda in the Agents Playground, like people', () => {
  it('a police officer registers a case; the procesmanager gets it in personal chat and accepts it; the officer hears the date', async () => {
    const pm = (pages.pm = await stage.open('user-id-0'));
    await pm.getByText('Welkom bij Casusbot').first().waitFor({ timeout: 30_000 });
    const officer = (pages.officer = await stage.open('user-id-1'));

    await say(officer, 'aanmelden');
    await officer.getByText('Aanmelding casusoverleg').first().waitFor({ timeout: 30_000 });
    // The leefgebieden are folded: a button each, no field until it is clicked.
    const folded = lastCard(officer).getByRole('button', { name: 'Wonen', exact: true });
    await folded.waitFor();
    await expect(
      lastCard(officer)
        .getByRole('textbox', { name: /^Wonen/ })
        .count(),
    ).resolves.toBe(0);
    await cardShot(officer, '03-aanmelding-formulier', folded);
    // First without a birth date: the form comes back with the message at the field and the rest kept.
    await fillIntakeForm(officer);
    await lastCard(officer)
      .getByRole('textbox', { name: /^Geboortedatum/ })
      .first()
      .fill('31-02-1990');
    await lastCard(officer).getByRole('button', { name: 'Aanmelding indienen' }).click();
    await officer.getByText('Geen geldige datum. Schrijf hem als dd-mm-jjjj').first().waitFor({ timeout: 30_000 });
    // Beside the button, the summary names the field.
    await officer.getByText('Nog niet goed ingevuld: Geboortedatum (betrokkene)').first().waitFor({ timeout: 30_000 });
    await expect(lastCard(officer).getByRole('textbox', { name: /^Naam/ }).first().inputValue()).resolves.toBe(
      'Jan Fictief',
    );
    await officer.screenshot({ path: join(outputDir, 'e2e-intake-error.png') });

    await lastCard(officer)
      .getByRole('textbox', { name: /^Geboortedatum/ })
      .first()
      .fill('12-04-1990');
    await lastCard(officer).getByRole('button', { name: 'Aanmelding indienen' }).click();
    await officer.getByText('Aanmelding ontvangen').first().waitFor({ timeout: 30_000 });
    reference = /ZVH-\d{4}-\d{4}/.exec(await lastCard(officer).innerText())?.[0];
    expect(reference).toMatch(/^ZVH-2\d{3}-0001$/);
    await officer.screenshot({ path: join(outputDir, 'e2e-intake-submitted.png') });

    // Pushed unasked, the card names the reference, not the person; the content comes when she opens it.
    const notice = cardWith(pm, `Nieuwe aanmelding: ${reference}`);
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.innerText()).resolves.not.toMatch(/Jan Fictief|Wonen en financiën/);
    await notice.getByRole('button', { name: 'Screening openen' }).click();
    await pm.getByText(`Screening ${reference}`).first().waitFor({ timeout: 30_000 });
    const screening = cardWith(pm, `Screening ${reference}`);
    await expect(screening.innerText()).resolves.toContain('Wonen en financiën lopen vast');
    await screening.getByRole('button', { name: 'Accepteren', exact: true }).waitFor();
    await cardShot(pm, '04-screening', screening.getByText(`Screening ${reference}`));
    await screening.getByRole('button', { name: 'Accepteren', exact: true }).click();
    await screening.getByRole('button', { name: 'Accepteren en datum plannen' }).click();
    await pm.getByText('Geaccepteerd door Ingrid Martina').first().waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-screening-accepted.png') });

    await cardWith(officer, `Aanmelding geaccepteerd: ${reference}`)
      .getByRole('button', { name: 'Aanmelding openen' })
      .click();
    await officer.getByText(`Aanmelding ${reference} geaccepteerd`).first().waitFor({ timeout: 30_000 });
    await expect(cardWith(officer, `Aanmelding ${reference} geaccepteerd`).innerText()).resolves.toMatch(
      /besproken op dinsdag \d+ \w+ \d{4} om 10:00 aan tafel Casusoverleg Bonaire/,
    );
    await officer.screenshot({ path: join(outputDir, 'e2e-referrer-told.png') });

    // A second case for the same meeting, for the same person (a repeat): the chair will move it on without a decision.
    await say(officer, 'aanmelden');
    await cardWith(officer, 'Aanmelding casusoverleg').getByRole('button', { name: 'Wonen', exact: true }).waitFor();
    await fillIntakeForm(officer);
    await lastCard(officer).getByRole('button', { name: 'Aanmelding indienen' }).click();
    await cardWith(officer, /Aanmelding ontvangen[\s\S]*ZVH-\d{4}-0002/).waitFor({ timeout: 30_000 });
    second = /ZVH-\d{4}-0002/.exec(await lastCard(officer).innerText())?.[0];
    await cardWith(pm, `Nieuwe aanmelding: ${second}`).getByRole('button', { name: 'Screening openen' }).click();
    const secondScreening = cardWith(pm, `Screening ${second}`);
    // The procesmanager reads that this person is already held in the first case; the officer reads nothing of it.
    await secondScreening.getByText('Herhaalde aanmelding').waitFor({ timeout: 30_000 });
    await expect(secondScreening.innerText()).resolves.toMatch(
      new RegExp(
        `Al bekend in een andere casus[\\s\\S]*${reference}[\\s\\S]*Jan Fictief \\(op naam en geboortedatum\\)`,
      ),
    );
    await cardShot(pm, '04b-screening-herhaald', secondScreening.getByText('Herhaalde aanmelding'));
    await expect(lastCard(officer).innerText()).resolves.not.toMatch(/Herhaald|Al bekend/);
    await secondScreening.getByRole('button', { name: 'Accepteren', exact: true }).click();
    await secondScreening.getByRole('button', { name: 'Accepteren en datum plannen' }).click();
    await secondScreening.getByText(/Geaccepteerd door Ingrid Martina.*8 december 2026/).waitFor({ timeout: 30_000 });
  });

  it('the procesmanager links the channel and publishes the agenda; the invited officer reads his case under "Mijn deel", an uninvited participant does not', async () => {
    const pm = pages.pm!;
    const officer = pages.officer!;
    expect(reference).toBeDefined();

    await openChannel(pm);
    await postMentioningBot(pm, 'tafel koppelen');
    await cardWith(pm, 'Tafel koppelen').getByRole('button', { name: 'Koppelen' }).click();
    await cardWith(pm, 'Kanaal gekoppeld').waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-channel-linked.png') });

    // Each Playground has its own mocked connector: the channel post reaches the one last active in the channel.
    await openChannel(officer);
    await cardWith(officer, 'Welkom bij Casusbot').waitFor({ timeout: 30_000 });

    await openPersonalChat(pm);
    await say(pm, 'agenda');
    await cardWith(pm, reference!).getByRole('button', { name: 'Agenda bewerken' }).first().click(); // the next meeting, the one with the case
    const draft = cardWith(pm, 'Concept: nog niet gepubliceerd');
    await expect(draft.innerText()).resolves.toMatch(/10:00.10:15 · ZVH-\d{4}-0001 · Nieuwe casus/);
    await draft.getByRole('button', { name: 'Nu publiceren' }).click();
    // The answer comes at once, the post follows in the background.
    const publishing = cardWith(pm, 'Bezig met publiceren');
    await publishing.waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-agenda-publishing.png') });
    await publishing.getByRole('button', { name: 'Vernieuwen' }).click();
    await pm
      .getByText(/Gepubliceerd op \d+ \w+ \d{4}\./)
      .first()
      .waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-agenda-published.png') });

    const posted = cardWith(officer, 'Agenda Casusoverleg Bonaire');
    await posted.waitFor({ timeout: 30_000 });
    const channelText = await posted.innerText();
    expect(channelText).toContain(reference!);
    expect(channelText).toMatch(/Uitgenodigd: .*Korps Politie CN/);
    expect(channelText).not.toMatch(/Jan Fictief|Kaya Fictief|1990|huisuitzetting/i);
    await posted.getByRole('button', { name: 'Mijn deel' }).click();
    const mine = cardWith(officer, 'Mijn deel: agenda Casusoverleg Bonaire');
    await mine.waitFor({ timeout: 30_000 });
    await expect(mine.innerText()).resolves.toContain('Jan Fictief');
    await officer.screenshot({ path: join(outputDir, 'e2e-agenda-mijn-deel-invited.png') });

    const uninvited = await stage.open('user-id-2');
    await openChannel(uninvited);
    await postMentioningBot(uninvited, 'agenda');
    const reply = cardWith(uninvited, 'Agenda Casusoverleg Bonaire');
    await reply.waitFor({ timeout: 30_000 });
    await reply.getByRole('button', { name: 'Mijn deel' }).click();
    const refused = cardWith(uninvited, 'Mijn deel: agenda Casusoverleg Bonaire');
    await refused.waitFor({ timeout: 30_000 });
    const refusedText = await refused.innerText();
    expect(refusedText).toContain('Jouw organisatie is voor geen van deze casussen uitgenodigd.');
    expect(refusedText).toContain(reference!);
    expect(refusedText).not.toMatch(/Jan Fictief|Wonen|Financiën/);
    await uninvited.screenshot({ path: join(outputDir, 'e2e-agenda-mijn-deel-uninvited.png') });
  });

  it('in the meeting the chair opens it, youth care adds what it knows, the chair decides an action for the police, the officer takes it on, and both see who has it', async () => {
    const pm = pages.pm!;
    const officer = pages.officer!;
    const youthCare = (pages.youthCare = await stage.open('user-id-3'));
    await cardWith(youthCare, 'Welkom bij Casusbot').waitFor({ timeout: 30_000 });

    stage.clock.set(new Date('2026-12-08T13:55:00Z')); // the day of the meeting, five minutes before it starts
    // The chair asks for the agenda in the channel: "Overleg starten" is on it, and on her own "Mijn deel" too.
    await openChannel(pm);
    await postMentioningBot(pm, 'agenda');
    const pointer = cardWith(pm, 'Agenda Casusoverleg Bonaire');
    await pointer.getByRole('button', { name: 'Overleg starten' }).waitFor({ timeout: 30_000 });
    await expect(pointer.innerText()).resolves.toContain('Kies "Mijn deel"');
    await cardShot(pm, '05-agenda-voorzitter', pointer);
    await pointer.getByRole('button', { name: 'Mijn deel' }).click();
    const chairsPart = cardWith(pm, 'Mijn deel: agenda Casusoverleg Bonaire');
    await chairsPart.getByRole('button', { name: 'Overleg starten' }).waitFor({ timeout: 30_000 });
    await expect(chairsPart.innerText()).resolves.toMatch(new RegExp(`${reference}[\\s\\S]*${second}`));
    await cardShot(pm, '06-agenda-mijn-deel-voorzitter', chairsPart);
    await chairsPart.getByRole('button', { name: 'Overleg starten' }).click();

    const started = cardWith(youthCare, `Nu in bespreking: ${reference}`);
    await started.waitFor({ timeout: 30_000 });
    await expect(started.innerText()).resolves.not.toContain('Jan Fictief');
    await started.getByRole('button', { name: 'Casus openen' }).click();
    const caseCard = cardWith(youthCare, 'Beeldvorming');
    await caseCard.waitFor({ timeout: 30_000 });
    await expect(caseCard.innerText()).resolves.toMatch(/Deze casus wordt nu besproken\.[\s\S]*Jan Fictief/);
    await caseCard.getByRole('button', { name: 'Inbreng toevoegen' }).click();
    await caseCard
      .getByRole('textbox', { name: /Wat weet jouw organisatie/ })
      .fill('Gezin is bekend bij jeugdzorg; de dochter heeft een hulpverlener.');
    await caseCard.getByRole('button', { name: 'Inbreng opslaan' }).click();
    await youthCare.getByText('Je inbreng is opgeslagen.').first().waitFor({ timeout: 30_000 });
    await youthCare.screenshot({ path: join(outputDir, 'e2e-meeting-contribution.png') });

    await openPersonalChat(pm);
    const chairCard = cardWith(pm, `Nu in bespreking: ${reference}`);
    await chairCard.waitFor({ timeout: 30_000 });
    await chairCard.getByRole('button', { name: 'Casus openen' }).click();
    await cardWith(pm, 'Gezin is bekend bij jeugdzorg').getByRole('button', { name: 'Besluit vastleggen' }).click();
    const form = cardWith(pm, 'Besluit vastleggen:');
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('textbox', { name: /^Doel/ }).fill('Huisuitzetting voorkomen en rust in het gezin');
    await form
      .getByRole('textbox', { name: /^Plan van aanpak/ })
      .fill('Schuldhulp via de gemeente, gezinscoach via jeugdzorg');
    await form.getByRole('combobox', { name: /^Casusregisseur/ }).click();
    await pm.getByRole('option', { name: /Marco Rosaria/ }).click();
    await form.getByRole('radio', { name: 'Vervolg door de casusregisseur' }).check();
    await form.getByRole('textbox', { name: /^Actie 1 \(optioneel\)/ }).fill('Huisbezoek afleggen');
    await form.getByRole('combobox', { name: /^Actie 1: organisatie/ }).click();
    await pm.getByRole('option', { name: 'Korps Politie CN' }).click();
    await form.getByRole('textbox', { name: /^Actie 1: uiterlijk/ }).fill('15-12-2026');
    // Attendance starts with every organisation invited to the case, not only the one that contributed.
    const attendance = form.getByRole('combobox', { name: /^Aanwezige organisaties/ });
    const present = (await attendance.innerText()) || (await attendance.inputValue().catch(() => ''));
    expect(present).toContain('Korps Politie CN');
    expect(present).toContain('Jeugdzorg CN');
    await cardShot(pm, '07-besluit-formulier', attendance);
    await form.getByRole('button', { name: 'Besluit opslaan' }).click();
    await pm.getByText('Het besluit is vastgelegd.').first().waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-meeting-decision.png') });

    await openPersonalChat(officer);
    const offered = cardWith(officer, `Nieuwe actie: ${reference}`);
    await offered.waitFor({ timeout: 30_000 });
    await expect(offered.innerText()).resolves.not.toContain('Huisbezoek afleggen');
    await offered.getByRole('button', { name: 'Actie openen' }).click();
    const action = cardWith(officer, 'Huisbezoek afleggen');
    await action.waitFor({ timeout: 30_000 });
    await expect(action.innerText()).resolves.toContain('Er is een actie voor jouw organisatie afgesproken.');
    await action.getByRole('button', { name: 'Ik pak dit op' }).click();
    await officer.getByText('Je hebt deze actie opgepakt.').first().waitFor({ timeout: 30_000 });
    // The action card: whom it is about, whom to call, and "Klaar melden" right on it.
    const claimed = cardWith(officer, 'Je hebt deze actie opgepakt.');
    const claimedText = await claimed.innerText();
    expect(claimedText).toContain('Opgepakt door Ruben Croes');
    expect(claimedText).toMatch(/Om wie het gaat\s+Jan Fictief/);
    expect(claimedText).toMatch(/Casusregisseur\s+Marco Rosaria, Jeugdzorg CN/);
    await claimed.getByRole('textbox', { name: /^Wat is er gedaan/ }).waitFor();
    await claimed.getByRole('button', { name: 'Klaar melden' }).waitFor();
    await claimed.getByRole('button', { name: 'Open casus' }).waitFor();
    await cardShot(officer, '08-actie', claimed.getByText('Om wie het gaat'));

    await say(officer, 'mijn acties');
    const myActions = cardWith(officer, 'Door jou opgepakt');
    await myActions.waitFor({ timeout: 30_000 });
    await expect(myActions.innerText()).resolves.toMatch(/Mijn acties[\s\S]*Huisbezoek afleggen/);
    await cardShot(officer, '09-mijn-acties', myActions);

    await cardWith(pm, 'Het besluit is vastgelegd.').getByRole('button', { name: 'Vernieuwen' }).click();
    await pm
      .getByText(/Huisbezoek afleggen · Korps Politie CN · uiterlijk 15 december 2026 · Opgepakt door Ruben Croes/)
      .first()
      .waitFor({ timeout: 30_000 });
    await pm.screenshot({ path: join(outputDir, 'e2e-meeting-chair-sees-claim.png') });

    // On to the second case; "Overleg sluiten" asks first and says how many cases move on, and to which meeting.
    const firstCase = cardWith(pm, 'Opgepakt door Ruben Croes');
    await firstCase.getByRole('button', { name: 'Volgende casus' }).click();
    await cardWith(pm, `Nu in bespreking: ${second}`).getByRole('button', { name: 'Casus openen' }).click();
    const secondCase = cardWith(pm, `${second}: bezig`);
    await secondCase.getByRole('button', { name: 'Overleg sluiten' }).click();
    const asking = cardWith(pm, 'Overleg sluiten: Casusoverleg Bonaire?');
    await asking.waitFor({ timeout: 30_000 });
    await expect(asking.innerText()).resolves.toMatch(
      /1 casus besproken\. 1 casus zonder besluit gaat naar het overleg van \w+ \d+ \w+ \d{4} om \d\d:\d\d\./,
    );
    await asking.getByRole('button', { name: 'Ja, overleg sluiten' }).waitFor();
    await cardShot(pm, '10-overleg-sluiten-vragen', asking);
    // Back to the meeting's card, where the chair moves the case on to the next meeting herself.
    await asking.getByRole('button', { name: 'Terug naar het overleg' }).click();
    const live = cardWith(pm, `${second} · bezig`);
    await live.getByRole('button', { name: 'Doorschuiven' }).waitFor({ timeout: 30_000 });
    await expect(live.innerText()).resolves.toContain(`${reference} · besloten`);
    await cardShot(pm, '11-doorschuiven', live);
    await live.getByRole('button', { name: 'Doorschuiven' }).click();
    await pm.getByText('De casus is doorgeschoven naar het volgende overleg.').first().waitFor({ timeout: 30_000 });

    // The chair closes the meeting; each invited participant reads their verslag in their own chat.
    await firstCase.getByRole('button', { name: 'Overleg sluiten' }).click();
    const confirm = cardWith(pm, 'Overleg sluiten: Casusoverleg Bonaire?');
    await confirm.waitFor({ timeout: 30_000 });
    await expect(confirm.innerText()).resolves.toContain('1 casus besproken. Alle casussen hebben een besluit');
    await pm.screenshot({ path: join(outputDir, 'e2e-meeting-close-confirm.png') });
    await confirm.getByRole('button', { name: 'Ja, overleg sluiten' }).click();
    await pm.getByText('Het overleg is gesloten.').first().waitFor({ timeout: 30_000 });
    const minutesNotice = cardWith(officer, 'Het overleg is gesloten; je verslag staat klaar.');
    await minutesNotice.waitFor({ timeout: 30_000 });
    await expect(minutesNotice.innerText()).resolves.not.toContain('Huisbezoek afleggen');
    await minutesNotice.getByRole('button', { name: 'Verslag openen' }).click();
    const minutes = cardWith(officer, 'Verslag Casusoverleg Bonaire');
    await minutes.waitFor({ timeout: 30_000 });
    const minutesText = await minutes.innerText();
    expect(minutesText).toContain('Het overleg is afgerond.');
    expect(minutesText).toMatch(/ZVH-\d{4}-0001: besloten/);
    // Attendance started with every invited organisation, not only the one that contributed.
    expect(minutesText).toMatch(/Aanwezig: (Jeugdzorg CN, Korps Politie CN|Korps Politie CN, Jeugdzorg CN)/);
    expect(minutesText).toContain('Huisbezoek afleggen');
    await officer.screenshot({ path: join(outputDir, 'e2e-meeting-verslag.png') });
  });

  it('after the meeting the officer sees that youth care has information but not what it is, asks for consent, youth care says yes, and the officer reads it', async () => {
    const officer = pages.officer!;
    const youthCare = pages.youthCare!; // Marco Rosaria (Jeugdzorg CN), who added the contribution
    const contribution = 'Gezin is bekend bij jeugdzorg';
    expect(reference).toBeDefined();

    // The case from the verslag: the case card replaces the verslag for the officer.
    await openPersonalChat(officer);
    const minutes = cardWith(officer, 'Verslag Casusoverleg Bonaire');
    // The verslag lists both cases of the meeting, each with "Open casus": the first is the one decided.
    await minutes.getByRole('button', { name: 'Open casus' }).first().click();
    await minutes.waitFor({ state: 'detached', timeout: 30_000 });
    const hidden = cardWith(officer, 'Jeugdzorg CN heeft informatie ingebracht.');
    await hidden.waitFor({ timeout: 30_000 });
    const hiddenText = await hidden.innerText();
    expect(hiddenText).toContain('Beeldvorming');
    expect(hiddenText).not.toContain(contribution);
    await hidden.scrollIntoViewIfNeeded();
    await officer.screenshot({ path: join(outputDir, 'e2e-consent-hidden.png') });
    await hidden.getByRole('button', { name: 'Toestemming vragen' }).click();
    await officer.getByText('Je vraag is verstuurd').first().waitFor({ timeout: 30_000 });
    await expect(cardWith(officer, 'Je vraag is verstuurd').innerText()).resolves.not.toContain(contribution);
    await officer.screenshot({ path: join(outputDir, 'e2e-consent-requested.png') });

    // Youth care answers in personal chat.
    await openPersonalChat(youthCare);
    const request = cardWith(youthCare, `Toestemming gevraagd: ${reference}`);
    await request.waitFor({ timeout: 30_000 });
    // Pushed unasked, the card names the request, not the content; opening it shows it.
    await expect(request.innerText()).resolves.not.toContain(contribution);
    await request.getByRole('button', { name: 'Vraag openen' }).click();
    const readable = youthCare
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Toestemming voor inbreng' })
      .filter({ hasText: contribution })
      .last();
    await readable.waitFor({ timeout: 30_000 });
    await readable.getByRole('button', { name: 'Ja', exact: true }).click();
    await youthCare.getByText('Je antwoord is vastgelegd.').first().waitFor({ timeout: 30_000 });
    await expect(cardWith(youthCare, 'Je antwoord is vastgelegd.').innerText()).resolves.toContain(
      'Toestemming gegeven',
    );
    await youthCare.screenshot({ path: join(outputDir, 'e2e-consent-granted.png') });

    // The officer hears it, with the content, and now reads it on the case card too.
    const answered = cardWith(officer, `Antwoord op je vraag om toestemming: ${reference}`);
    await answered.waitFor({ timeout: 30_000 });
    await expect(answered.innerText()).resolves.not.toContain(contribution);
    await answered.getByRole('button', { name: 'Openen', exact: true }).click();
    await officer
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Toestemming voor inbreng' })
      .filter({ hasText: contribution })
      .last()
      .waitFor({ timeout: 30_000 });
    await officer.screenshot({ path: join(outputDir, 'e2e-consent-answered.png') });

    // The message he got when the meeting opened: opened now, the case card shows it as it is now.
    await cardWith(officer, `Nu in bespreking: ${reference}`).getByRole('button', { name: 'Casus openen' }).click();
    const visible = officer
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Beeldvorming' })
      .filter({ hasText: contribution })
      .last();
    await visible.waitFor({ timeout: 30_000 });
    const visibleText = await visible.innerText();
    expect(visibleText).toContain('Jeugdzorg CN (Marco Rosaria)');
    expect(visibleText).not.toContain('heeft informatie ingebracht');
    await visible.scrollIntoViewIfNeeded();
    await officer.screenshot({ path: join(outputDir, 'e2e-consent-case-card.png') });
  });

  it('the casusregisseur (youth care) proposes the schaduwlijst from "mijn casussen"; the procesmanager approves it in personal chat and finds the case on the schaduwlijst', async () => {
    const pm = pages.pm!;
    const director = pages.youthCare!; // Marco Rosaria (Jeugdzorg CN), appointed casusregisseur in the meeting
    expect(reference).toBeDefined();

    await openPersonalChat(director);
    await say(director, 'mijn casussen');
    const mine = cardWith(director, 'De casussen waarvan jij casusregisseur bent.');
    await mine.getByRole('button', { name: 'Openen' }).click();
    // The case card replaces the list; until then the newest "Casus …" card is the one that told him he became
    // casusregisseur (it has the same buttons), so wait for the list to go before using the case card.
    await mine.waitFor({ state: 'detached', timeout: 30_000 });
    const overview = cardWith(director, `Casus ${reference}`);
    await overview.getByRole('button', { name: 'Schaduwlijst of afsluiten' }).click();
    await overview.getByRole('radio', { name: /^Naar de schaduwlijst/ }).check();
    await overview.getByRole('textbox', { name: /^Toelichting/ }).fill('Het gezin is stabiel; de schuldhulp loopt.');
    await overview.getByRole('button', { name: 'Voorstellen' }).click();
    await overview.getByText('Je voorstel ligt bij de procesmanager.').waitFor({ timeout: 30_000 });
    await expect(overview.innerText()).resolves.toContain(
      'Voorstel van Marco Rosaria: naar de schaduwlijst. De procesmanager beslist.',
    );
    await director.screenshot({ path: join(outputDir, 'e2e-regie-proposed.png') });

    await openPersonalChat(pm);
    await cardWith(pm, `Voorstel om te beslissen: ${reference}`)
      .getByRole('button', { name: 'Voorstel openen' })
      .click();
    const proposal = cardWith(pm, `Voorstel voor ${reference}`);
    await proposal.waitFor({ timeout: 30_000 });
    await expect(proposal.innerText()).resolves.toContain('Marco Rosaria stelt voor: naar de schaduwlijst.');
    await proposal.getByRole('button', { name: 'Goedkeuren' }).click();
    await cardWith(pm, 'Goedgekeurd door Ingrid Martina').waitFor({ timeout: 30_000 });
    // The proposer hears it, and reads how when he opens the message.
    await cardWith(director, `Besluit over je voorstel: ${reference}`)
      .getByRole('button', { name: 'Voorstel openen' })
      .click();
    await cardWith(director, 'Goedgekeurd door Ingrid Martina').waitFor({ timeout: 30_000 });

    // Six months after the day it went on the list, in the table's timezone.
    const returnDate = formatIsoDate(
      DateTime.fromJSDate(stage.clock.now(), { zone: demoTable.schedule.timeZone }).plus({ months: 6 }).toISODate()!,
    );
    await say(pm, 'schaduwlijst');
    const shadowList = cardWith(pm, 'Alle casussen op de schaduwlijst.');
    await shadowList.waitFor({ timeout: 30_000 });
    const listText = await shadowList.innerText();
    expect(listText).toContain(reference!);
    expect(listText).toContain(`terug op de agenda vanaf ${returnDate}`);
    await pm.screenshot({ path: join(outputDir, 'e2e-regie-shadow-list.png') });
  });
});
