import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import {
  cardOf,
  createTestBot,
  mentalHealth,
  municipality,
  police,
  processManager,
  textOf,
  youthCareContact,
} from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { organisationIds, validReferralData } from '../support/referral.ts';

const db = useDatabase();
const secondPm = { aadObjectId: 'aad-pm-2', teamsUserId: 'user-pm-2', displayName: 'Tweede Procesmanager' };
const krusada = { aadObjectId: 'aad-krusada', teamsUserId: 'user-krusada', displayName: 'Deelnemer Krusada' };
let orgs: Record<string, string>;
type Card = { body: Record<string, unknown>[] };
/** Every element of a card, also those inside containers and action sets, in reading order. */
const elementsOf = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  const e = node as Record<string, unknown>;
  return [e, ...elementsOf(e.items), ...elementsOf(e.columns), ...elementsOf(e.actions)];
};
const field = (card: Card, id: string) => elementsOf(card.body).find((e) => e.id === id);
const errorUnder = (card: Card, id: string) => {
  const all = elementsOf(card.body);
  return all[all.findIndex((e) => e.id === id) + 1];
};

beforeEach(async () => {
  await seedDemoData(db, [...demoMembers]);
  orgs = await organisationIds(db);
  await upsertMember(db, {
    aadObjectId: secondPm.aadObjectId,
    displayName: secondPm.displayName,
    organisationId: orgs['Zorg- en Veiligheidshuis (procesmanagement)']!,
    role: 'processManager',
  });
  await upsertMember(db, {
    aadObjectId: krusada.aadObjectId,
    displayName: krusada.displayName,
    organisationId: orgs['Krusada']!,
    role: 'participant',
  });
});

const involved = () => [orgs['Korps Politie CN']!, orgs['Openbaar Lichaam Bonaire']!];

async function submitValid(bot: ReturnType<typeof createTestBot>) {
  const { body } = await bot.click(police, Verb.referralSubmit, validReferralData(involved()));
  const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))?.[0];
  if (!reference) throw new Error(`not submitted: ${textOf(body.value)}`);
  const caseId = (await db.case.findUniqueOrThrow({ where: { reference } })).id;
  return { reference, caseId };
}

describe('aanmelden', () => {
  it('when a partner professional types "aanmelden", then the intake form opens with the partners to choose from', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'aanmelden');
    const card = cardOf(reply) as unknown as Card;
    expect(textOf(card)).toContain('Aanmelding casusoverleg');
    expect(field(card, 'organisations')).toMatchObject({ isMultiSelect: true });
    expect(textOf(field(card, 'organisations'))).toContain('Krusada');
    expect(field(card, 'p1_birthDate')).toMatchObject({ type: 'Input.Text', placeholder: 'dd-mm-jjjj' });
    expect(field(card, 'externalName')).toBeUndefined();
  });

  it('when the form is incomplete, then the same card returns with the values kept and a Dutch message at each wrong field; nothing is stored', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(
      police,
      Verb.referralSubmit,
      validReferralData(involved(), { p1_bsn: '123456789', urgency: undefined, p1_address: '' }),
    );
    const card = body.value as Card;
    expect(errorUnder(card, 'p1_bsn')).toMatchObject({ text: expect.stringContaining('elfproef'), color: 'Attention' });
    expect(errorUnder(card, 'urgency')).toMatchObject({ text: 'Kies de urgentie.' });
    expect(errorUnder(card, 'p1_address')).toMatchObject({ text: 'Vul het adres van de betrokkene in.' });
    expect(field(card, 'p1_name')).toMatchObject({ value: 'Jan Fictief' });
    expect(field(card, 'p2_relation')).toMatchObject({ value: 'dochter' });
    expect(textOf(card)).toContain('3 velden zijn niet goed ingevuld');
    expect(await db.case.count()).toBe(0);
  });

  it('when the form opens, the leefgebieden and the "Zo ja/Zo nee" parts are folded behind buttons that open them, and phone or e-mail says one of the two is needed', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'aanmelden');
    const card = cardOf(reply) as unknown as Card;
    const toggles = elementsOf(card.body).filter((e) => e.type === 'Action.ToggleVisibility');
    for (const id of ['domain_housing', 'domain_daytimeActivities', 'informedBy', 'notInformedReason']) {
      expect(field(card, id)).toMatchObject({ isVisible: false });
      expect(toggles.some((t) => JSON.stringify(t.targetElements).includes(`"${id}"`))).toBe(true);
    }
    expect(toggles.map((t) => t.title)).toEqual(
      expect.arrayContaining(['Wonen', 'Dagbesteding', 'Ja', 'Nee, nog niet']),
    );
    expect(toggles).toHaveLength(12);
    expect(field(card, 'informed')).toBeUndefined();
    expect(field(card, 'contactPhone')).toMatchObject({ label: 'Telefoon' });
    expect(field(card, 'contactEmail')).toMatchObject({ label: 'E-mail' });
    expect(textOf(card)).toContain('Telefoon of e-mail: vul er minstens één in.');
  });

  it("when the form opens, the author's own phone and e-mail come from their member record; a draft keeps what was typed", async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(police, 'aanmelden');
    const card = cardOf(reply) as unknown as Card;
    expect(field(card, 'contactPhone')).toMatchObject({ value: '+599 717 8000' });
    expect(field(card, 'contactEmail')).toMatchObject({ value: 'ruben.croes@politie-cn.example' });
    await bot.click(police, Verb.referralSaveDraft, { p1_name: 'Jan Fictief', contactEmail: 'balie@politie.example' });
    const [resumed] = await bot.say(police, 'aanmelden');
    const draft = cardOf(resumed) as unknown as Card;
    expect(field(draft, 'contactEmail')).toMatchObject({ value: 'balie@politie.example' });
    expect(field(draft, 'contactPhone')).not.toHaveProperty('value');
  });

  it('when a submit fails, the summary just above the submit button names the fields; a field with text or a message stays open', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(
      police,
      Verb.referralSubmit,
      validReferralData(involved(), { urgency: undefined, p2_address: '', informed: undefined, informedBy: '' }),
    );
    const card = body.value as Card & { actions: { title: string }[] };
    expect(card.body.at(-1)).toMatchObject({
      color: 'Attention',
      text: 'Nog niet goed ingevuld: Adres (gezinslid 1); De betrokkene informeren; Urgentie. Zie de melding bij elk veld.',
    });
    expect(card.actions[0]).toMatchObject({ title: 'Aanmelding indienen' });
    expect(field(card, 'domain_housing')).not.toHaveProperty('isVisible');
    expect(field(card, 'domain_health')).toMatchObject({ isVisible: false });
    // The open field needs no button; the closed ones keep theirs.
    const titles = elementsOf(card.body).map((e) => e.title);
    expect(titles).not.toContain('Wonen');
    expect(titles).toContain('Lichamelijke gezondheid');
    expect(await db.case.count()).toBe(0);
  });

  it('when no leefgebied is described, the message stands under the heading of the leefgebieden, not in a folded field', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(
      police,
      Verb.referralSubmit,
      validReferralData(involved(), { domain_housing: '', domain_finances: '', domain_domesticViolence: '' }),
    );
    const card = body.value as Card;
    expect(textOf(card)).toContain('Beschrijf de problemen op ten minste één leefgebied.');
    expect(card.body.at(-1)).toMatchObject({ text: expect.stringContaining('Problemen per leefgebied') });
    expect(field(card, 'domain_housing')).toMatchObject({ isVisible: false });
  });

  it('"Gezinslid toevoegen" adds a row and keeps what was typed', async () => {
    const bot = createTestBot(db);
    // The button on a form with two rows carries personCount 3.
    const { body } = await bot.click(police, Verb.referralAddPerson, {
      personCount: '3',
      p1_name: 'Jan',
      p2_name: 'Mira',
    });
    const card = body.value as Card;
    expect(field(card, 'p3_name')).toBeDefined();
    expect(field(card, 'p1_name')).toMatchObject({ value: 'Jan' });
    expect(field(card, 'p2_name')).toMatchObject({ value: 'Mira' });
    expect(await db.case.count()).toBe(0);
  });

  it('a draft is saved and resumed by "aanmelden"', async () => {
    const bot = createTestBot(db);
    const { body } = await bot.click(police, Verb.referralSaveDraft, {
      p1_name: 'Jan Fictief',
      domain_housing: 'Huurachterstand',
    });
    expect(textOf(body.value)).toContain('Concept opgeslagen');
    const [reply] = await bot.say(police, 'aanmelden');
    const card = cardOf(reply) as unknown as Card;
    expect(textOf(card)).toContain('Je gaat verder met je concept');
    expect(field(card, 'domain_housing')).toMatchObject({ value: 'Huurachterstand' });
    const [mine] = await bot.say(police, 'mijn aanmeldingen');
    expect(textOf(cardOf(mine))).toContain('Concept');
  });
});

describe('screening', () => {
  it("on submit, each procesmanager gets a screening card with the three criteria and the referrer's reasons", async () => {
    const bot = createTestBot(db);
    const { reference } = await submitValid(bot);
    expect(reference).toBe('ZVH-2026-0001');
    for (const pm of [processManager, secondPm]) {
      const [message] = bot.notifier.to(pm.aadObjectId);
      // Pushed: the reference and what it is, nothing of the aanmelding; opened: the screening card.
      expect(textOf(message?.card)).toContain(`Nieuwe aanmelding: ${reference}`);
      expect(textOf(message?.card)).not.toContain('Wonen, financiën');
      const text = textOf((await bot.open(pm, message)).value);
      expect(text).toContain(`Screening ${reference}`);
      expect(text).toContain('Er zijn problemen op meerdere leefgebieden');
      expect(text).toContain('Wonen, financiën en huiselijk geweld spelen tegelijk.');
      expect(text).toContain('Ruben Croes (Korps Politie CN)');
      expect(text).toContain('Op gezag van');
      expect(text).toContain('+599 717 0000, aanmelder@politie.example');
      expect(text).toContain('Casusoverleg Bonaire: di 24 nov, 10:00');
    }
  });

  it('accept: the first free date is set at once, shown to the procesmanager and told to the referrer', async () => {
    const bot = createTestBot(db);
    const { reference, caseId } = await submitValid(bot);
    const tableId = (await listTables(db))[0]!.id;
    const { body } = await bot.click(processManager, Verb.screeningAccept, { caseId, tableId });
    expect(textOf(body.value)).toContain('Geaccepteerd door Ingrid Martina');
    expect(textOf(body.value)).toContain('dinsdag 24 november 2026 om 10:00');
    const [told] = bot.notifier.to(police.aadObjectId);
    expect(textOf(told?.card)).toContain(`Aanmelding geaccepteerd: ${reference}`);
    const opened = textOf((await bot.open(police, told)).value);
    expect(opened).toContain(`Aanmelding ${reference} geaccepteerd`);
    expect(opened).toContain('dinsdag 24 november 2026 om 10:00 aan tafel Casusoverleg Bonaire');
    expect(opened).not.toContain('Jan Fictief');
    // Someone else who sees the referrer's card (a forwarded one, a colleague) reads nothing of it.
    expect(textOf((await bot.open(secondPm, told)).value)).toContain('Niet meer beschikbaar');
  });

  it('a second procesmanager who decides later sees who decided, and their decision is not recorded', async () => {
    const bot = createTestBot(db);
    const { caseId } = await submitValid(bot);
    await bot.click(processManager, Verb.screeningReject, { caseId, reason: 'Eén leefgebied' });
    const { body } = await bot.click(secondPm, Verb.screeningAccept, {
      caseId,
      tableId: (await listTables(db))[0]!.id,
    });
    expect(textOf(body.value)).toContain('Iemand anders heeft deze aanmelding al beoordeeld');
    expect(textOf(body.value)).toContain('Afgewezen door Ingrid Martina');
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('rejected');
    expect(bot.notifier.to(police.aadObjectId)).toHaveLength(1);
  });

  it("in Teams the screening card refreshes itself for the procesmanagers, so a decision by one shows on the other's card", async () => {
    const bot = createTestBot(db);
    for (const pm of [processManager, secondPm]) await bot.say(pm, 'hulp'); // Teams user ids are learned from messages
    const { caseId } = await submitValid(bot);
    const [sent] = bot.notifier.to(secondPm.aadObjectId);
    const refresh = (sent?.card as { refresh?: { action: { verb: string } } }).refresh;
    expect(refresh?.action.verb).toBe(Verb.screeningShow);
    const opened = (await bot.open(secondPm, sent)).value as { refresh?: { userIds: string[] } };
    expect(opened.refresh?.userIds.sort()).toEqual([processManager.teamsUserId, secondPm.teamsUserId].sort());

    await bot.click(processManager, Verb.screeningReject, { caseId, reason: 'Eén leefgebied' });
    const card = (await bot.open(secondPm, sent)).value as { actions: { title: string }[] };
    expect(textOf(card)).toContain('Afgewezen door Ingrid Martina');
    expect(card.actions.map((a) => a.title)).toEqual(['Vernieuwen']);
  });

  it('reject without a reason: the card says so under the reason field', async () => {
    const bot = createTestBot(db);
    const { caseId } = await submitValid(bot);
    const { body } = await bot.click(processManager, Verb.screeningReject, { caseId, reason: '' });
    expect(textOf(body.value)).toContain('Geef de reden van afwijzing');
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('submitted');
  });

  it('a question goes to the referrer, who completes the form; the procesmanagers get it back', async () => {
    const bot = createTestBot(db);
    const { caseId, reference } = await submitValid(bot);
    await bot.click(processManager, Verb.screeningAskInfo, { caseId, question: 'Is de school al betrokken?' });
    const [question] = bot.notifier.to(police.aadObjectId);
    expect(textOf(question?.card)).not.toContain('Is de school al betrokken?');
    expect(textOf((await bot.open(police, question)).value)).toContain('Is de school al betrokken?');

    const { body: form } = await bot.click(police, Verb.referralEdit, { caseId });
    expect(textOf(form.value)).toContain('Vraag van de procesmanager: Is de school al betrokken?');
    expect(field(form.value as Card, 'p1_name')).toMatchObject({ value: 'Jan Fictief' });

    const before = bot.notifier.to(processManager.aadObjectId).length;
    const { body } = await bot.click(police, Verb.referralSubmit, {
      caseId,
      ...validReferralData([...involved(), orgs['Scholengemeenschap Bonaire']!]),
    });
    expect(textOf(body.value)).toContain('Aanvulling ontvangen');
    expect(textOf(body.value)).toContain(reference);
    expect(bot.notifier.to(processManager.aadObjectId)).toHaveLength(before + 1);
  });

  it('a forged or unknown case id on a button is "not found", not an error', async () => {
    const bot = createTestBot(db);
    for (const caseId of ['', 'not-a-uuid', '00000000-0000-4000-8000-00000000beef']) {
      const { body } = await bot.click(police, Verb.referralEdit, { caseId });
      expect(body.value).toBe('Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.');
      const screening = await bot.click(processManager, Verb.screeningShow, { caseId });
      expect(screening.body.value).toBe(
        'Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.',
      );
    }
    const { caseId } = await submitValid(bot);
    const { body } = await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: 'forged' });
    expect(textOf(body.value)).toContain('Kies een overlegtafel uit de lijst.');
    expect(bot.logs.lines().filter((l) => l.msg === 'turn failed')).toEqual([]);
  });

  it.each([police, youthCareContact])('$displayName cannot open or decide a screening', async (who) => {
    const bot = createTestBot(db);
    const { caseId } = await submitValid(bot);
    for (const verb of [Verb.screeningShow, Verb.screeningAccept]) {
      const { body } = await bot.click(who, verb, { caseId, tableId: (await listTables(db))[0]!.id });
      expect(body.value).toBe('Alleen de procesmanager beoordeelt aanmeldingen.');
    }
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('submitted');
  });

  it('someone who works for no partner (here: a ZVH secretary) cannot register a case themselves', async () => {
    const secretary = { aadObjectId: 'aad-secretary', teamsUserId: 'user-secretary', displayName: 'Secretariaat ZVH' };
    await upsertMember(db, {
      aadObjectId: secretary.aadObjectId,
      displayName: secretary.displayName,
      organisationId: orgs['Zorg- en Veiligheidshuis (procesmanagement)']!,
      role: 'participant',
    });
    const bot = createTestBot(db);
    const [reply] = await bot.say(secretary, 'aanmelden');
    expect(reply?.text).toBe('Alleen de procesmanager kan aanmelden namens een niet-aangesloten organisatie.');
    const { body } = await bot.click(secretary, Verb.referralSubmit, validReferralData(involved()));
    expect(body.value).toBe('Alleen de procesmanager kan aanmelden namens een niet-aangesloten organisatie.');
    expect(await db.case.count()).toBe(0);
  });

  it('the procesmanager registers for a professional of a non-partner organisation', async () => {
    const bot = createTestBot(db);
    const [reply] = await bot.say(processManager, 'aanmelden');
    expect(field(cardOf(reply) as unknown as Card, 'externalName')).toBeDefined();
    const { body } = await bot.click(
      processManager,
      Verb.referralSubmit,
      validReferralData([orgs['Forma']!], {
        externalName: 'Els Extern',
        externalOrganisation: 'Huisartsenpraktijk',
        externalPhone: '+599 700 1234',
        responsibleOrganisationId: orgs['Jeugdzorg CN'],
      }),
    );
    expect(textOf(body.value)).toContain('Aanmelding ontvangen');
    const stored = await db.case.findFirstOrThrow({ include: { responsibleOrganisation: true } });
    expect(stored.externalReferrer).toEqual({
      name: 'Els Extern',
      organisation: 'Huisartsenpraktijk',
      phone: '+599 700 1234',
    });
    expect(stored.responsibleOrganisation?.name).toBe('Jeugdzorg CN');

    // The huisarts is not in Teams: the procesmanager is told that she informs them, and how to reach them.
    const tableId = (await listTables(db))[0]!.id;
    const accepted = await bot.click(processManager, Verb.screeningAccept, { caseId: stored.id, tableId });
    const text = textOf(accepted.body.value);
    expect(text).toContain(
      'De aanmelder, Els Extern (Huisartsenpraktijk), zit niet in Teams en heeft nog niets gehoord. Laat jij het weten: +599 700 1234.',
    );
    expect(text).not.toContain('op de hoogte gebracht');
  });

  it('when a partner professional referred, the screening answer says they heard it in Teams', async () => {
    const bot = createTestBot(db);
    const { caseId } = await submitValid(bot);
    const { body } = await bot.click(processManager, Verb.screeningReject, { caseId, reason: 'Geen drie ketens.' });
    expect(textOf(body.value)).toContain('De aanmelder heeft bericht gekregen in Teams.');
  });
});

describe('mijn aanmeldingen and casussen', () => {
  it('the referrer follows the status; an involved partner sees the accepted case; an uninvolved partner sees nothing', async () => {
    const bot = createTestBot(db);
    const { reference, caseId } = await submitValid(bot);
    const [before] = await bot.say(municipality, 'casussen');
    expect(textOf(cardOf(before))).toContain('Er zijn geen lopende casussen');

    await bot.click(processManager, Verb.screeningAccept, { caseId, tableId: (await listTables(db))[0]!.id });
    const [mine] = await bot.say(police, 'mijn aanmeldingen');
    expect(textOf(cardOf(mine))).toContain(`**${reference}** · Jan Fictief · Geaccepteerd`);

    const [involvedView] = await bot.say(municipality, 'casussen');
    expect(textOf(cardOf(involvedView))).toContain(reference);
    for (const outsider of [krusada, mentalHealth]) {
      const [view] = await bot.say(outsider, 'casussen');
      expect(textOf(cardOf(view))).toContain('Er zijn geen lopende casussen waarbij jouw organisatie betrokken is.');
      expect(textOf(cardOf(view))).not.toContain(reference);
      expect(textOf(cardOf(view))).not.toContain('Jan Fictief');
    }
  });

  it('"casussen" lists the newest aanmelding first, 15 to a page with "Meer", each with "Openen"; a search finds one by its reference, closed ones too', async () => {
    const bot = createTestBot(db);
    const references: string[] = [];
    for (let i = 0; i < 17; i++) {
      bot.clock.set(new Date(Date.UTC(2026, 10, 2 + i, 9)));
      references.push((await submitValid(bot)).reference);
    }
    const closed = await db.case.findUniqueOrThrow({ where: { reference: references[3]! } });
    await db.case.update({ where: { id: closed.id }, data: { status: 'closed' } });
    type ListCard = { body: unknown[]; actions: { title: string; data: Record<string, unknown> }[] };
    const first = cardOf((await bot.say(processManager, 'casussen'))[0]) as unknown as ListCard;
    // Only the cases of this test: earlier tests in this file registered others on the same database.
    const shown = (c: unknown) =>
      [...textOf(c).matchAll(/ZVH-2026-\d{4}/g)].map((m) => m[0]).filter((r) => references.includes(r));
    // Newest first: the one registered last is on top; the closed one is not among the active.
    expect(shown(first.body).slice(0, 15)).toEqual(
      references
        .filter((r) => r !== references[3])
        .reverse()
        .slice(0, 15),
    );
    expect(JSON.stringify(first.body).match(/"title":"Openen"/g)).toHaveLength(15);
    const more = first.actions.find((a) => a.title === 'Meer')!;
    const { body: second } = await bot.click(processManager, Verb.caseList, more.data);
    expect(shown((second.value as ListCard).body)).toEqual([references[0]]);
    expect((second.value as ListCard).actions.map((a) => a.title)).not.toContain('Meer');
    const { body: found } = await bot.click(processManager, Verb.caseList, { search: references[3]!.slice(-4) });
    expect(textOf(found.value)).toContain(`${references[3]}`);
    expect(textOf(found.value)).toContain('Afgesloten');
    const { body: outsiderSearch } = await bot.click(krusada, Verb.caseList, { search: references[3]! });
    // The outsider's search only echoes what they typed: no line, no button to open.
    expect(textOf(outsiderSearch.value)).toContain(`Geen casus met "${references[3]}" in het kenmerk`);
    expect(JSON.stringify(outsiderSearch.value)).not.toContain('"title":"Openen"');
    expect(textOf(outsiderSearch.value)).not.toContain('Afgesloten');
  });

  it('logs never carry what was typed into the form', async () => {
    const bot = createTestBot(db);
    const { caseId } = await submitValid(bot);
    await bot.click(processManager, Verb.screeningAskInfo, { caseId, question: 'Waar woont Mira nu?' });
    const logs = bot.logs.text();
    expect(logs).toContain(caseId);
    for (const personal of ['Jan Fictief', 'Mira', 'Kaya Fictief', '111222333', 'Dreigende huisuitzetting'])
      expect(logs).not.toContain(personal);
  });
});
