import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Verb } from '../../cards/verbs.ts';
import { cardOf, police, processManager, textOf, youthCareContact } from '../support/bot.ts';
import { useDatabase } from '../support/database.ts';
import { colleague, decidedCase, krusada, notFound, seedPeople } from '../support/decided-case.ts';

const db = useDatabase();
let orgs: Record<string, string>;

beforeEach(async () => {
  orgs = await seedPeople(db);
});

const decided = () => decidedCase(db, orgs);

describe('regie in Teams', () => {
  it('the regisseur finds the case under "mijn casussen"; others see it without regie buttons, or not at all', async () => {
    const { bot, reference, caseId } = await decided();
    const appointed = bot.notifier.to(youthCareContact.aadObjectId).at(-1);
    expect(textOf(appointed?.card)).toMatch(
      new RegExp(`Casusregisseur: ${reference}[\\s\\S]*Je bent nu casusregisseur`),
    );
    expect(textOf(appointed?.card)).not.toContain('Huisuitzetting voorkomen');
    expect(textOf((await bot.open(youthCareContact, appointed)).value)).toMatch(
      new RegExp(
        `Je bent nu casusregisseur van deze casus\\.[\\s\\S]*Casus ${reference}[\\s\\S]*Huisuitzetting voorkomen`,
      ),
    );
    const mine = textOf(cardOf((await bot.say(youthCareContact, 'mijn casussen'))[0]));
    expect(mine).toMatch(
      new RegExp(
        `${reference}\\*\\* · Onder regie · Casusoverleg Bonaire[\\s\\S]*Doel: Huisuitzetting voorkomen[\\s\\S]*1 open actie`,
      ),
    );
    const asRegisseur = JSON.stringify(
      cardOf((await bot.say(youthCareContact, `casus ${reference.toLowerCase()}`))[0]),
    );
    expect(asRegisseur).toContain('Voortgang melden');
    expect(textOf(JSON.parse(asRegisseur))).toMatch(/Stand[\s\S]{0,40}Onder regie/);
    const listed = textOf(cardOf((await bot.say(police, 'casussen'))[0]));
    expect(listed).toContain(`**${reference}**`);
    expect(listed).toMatch(new RegExp(`${reference}\\*\\*[^\\n]*Onder regie`));
    const asPolice = JSON.stringify(cardOf((await bot.say(police, `casus ${reference}`))[0]));
    expect(asPolice).toContain('Huisuitzetting voorkomen');
    expect(asPolice).not.toMatch(/Voortgang melden|Terug op de agenda|Schaduwlijst of afsluiten|Regisseur wijzigen/);
    expect(textOf((await bot.say(krusada, `casus ${reference}`))[0])).toBe(notFound);
    const { body: forged } = await bot.click(krusada, Verb.regieProgress, { caseId, text: 'ik kijk even mee' });
    expect(forged.value).toBe(notFound);
    const { body: notRegisseur } = await bot.click(police, Verb.regieProgress, {
      caseId,
      text: 'ik ben geen regisseur',
    });
    expect(notRegisseur.value).toBe('Alleen de casusregisseur van deze casus (of de procesmanager) kan dit doen.');
    const { body: empty } = await bot.click(youthCareContact, Verb.regieProgress, { caseId, text: ' ' });
    expect(textOf(empty.value)).toContain('Schrijf kort hoe het gaat.');
    const { body: saved } = await bot.click(youthCareContact, Verb.regieProgress, {
      caseId,
      text: 'Schuldhulp is gestart',
    });
    expect(textOf(saved.value)).toMatch(
      /Je voortgang is opgeslagen[\s\S]*\*\*Voortgang\*\* · Marco Rosaria \(Jeugdzorg CN\): Schuldhulp is gestart/,
    );
    expect(
      textOf(
        (
          await bot.say(youthCareContact, 'schaduwlijst', {
            conversation: { id: 'groupchat-1', conversationType: 'groupChat', isGroup: true } as never,
          })
        )[0],
      ),
    ).toContain('persoonlijke chat');
  });

  it("closure on the regisseur's proposal, approved by the procesmanager; evaluations come in per organisation, one reminder", async () => {
    const { bot, reference, caseId } = await decided();
    const { body: proposed } = await bot.click(youthCareContact, Verb.regiePropose, {
      caseId,
      kind: 'closure',
      outcome: 'goalReached',
      note: 'Doel bereikt',
    });
    expect(textOf(proposed.value)).toContain('Je voorstel ligt bij de procesmanager');
    const pushed = bot.notifier.to(processManager.aadObjectId).at(-1);
    expect(textOf(pushed?.card)).not.toContain('Marco Rosaria');
    const proposalCard = (await bot.open(processManager, pushed)).value;
    expect(textOf(proposalCard)).toMatch(
      new RegExp(`Voorstel voor ${reference}[\\s\\S]*Marco Rosaria stelt voor: afsluiten, uitkomst: doel bereikt`),
    );
    const proposalId = /"proposalId":"([^"]+)"/.exec(JSON.stringify(proposalCard))![1]!;
    const { body: refused } = await bot.click(police, Verb.proposalDecide, { proposalId, approve: true });
    expect(refused.value).toBe('Alleen de procesmanager beslist over voorstellen voor de schaduwlijst of afsluiten.');
    const { body: approved } = await bot.click(processManager, Verb.proposalDecide, { proposalId, approve: true });
    expect(textOf(approved.value)).toContain('Goedgekeurd door Ingrid Martina');
    const { body: again } = await bot.click(processManager, Verb.proposalDecide, { proposalId, approve: false });
    expect(textOf(again.value)).toContain('Over dit voorstel is al beslist.');
    const decidedNotice = bot.notifier
      .to(youthCareContact.aadObjectId)
      .find((m) => textOf(m.card).includes('Besluit over je voorstel'));
    expect(textOf((await bot.open(youthCareContact, decidedNotice)).value)).toContain('Goedgekeurd');

    // The police has no contactpersoon: its members are asked; youth care's contact is asked for youth care. Krusada is not.
    const asked = (user: { aadObjectId: string }) =>
      bot.notifier
        .to(user.aadObjectId)
        .filter((m) => textOf(m.card).includes(`: ${reference}`) && /evaluatie/i.test(textOf(m.card)));
    expect(asked(police)).toHaveLength(1);
    expect(asked(colleague)).toHaveLength(1);
    expect(asked(youthCareContact)).toHaveLength(1);
    expect(asked(krusada)).toHaveLength(0);
    expect(textOf((await bot.open(police, asked(police)[0])).value)).toContain('Schrijf geen namen');

    const { body: bad } = await bot.click(police, Verb.evaluationSubmit, { caseId, cooperation: '4' });
    expect(textOf(bad.value)).toContain('Is het doel bereikt? Kies een antwoord.');
    expect(textOf(bad.value)).toContain('4'); // the typed values are kept
    const { body: thanks } = await bot.click(police, Verb.evaluationSubmit, {
      caseId,
      goalReached: 'yes',
      cooperation: '4',
      wentWell: 'Korte lijnen',
    });
    expect(textOf(thanks.value)).toContain('de evaluatie van jouw organisatie is opgeslagen');
    const { body: second } = await bot.click(colleague, Verb.evaluationSubmit, {
      caseId,
      goalReached: 'no',
      cooperation: '1',
    });
    expect(textOf(second.value)).toContain('Ruben Croes heeft al geëvalueerd namens jouw organisatie.');
    const { body: outsider } = await bot.click(krusada, Verb.evaluationSubmit, {
      caseId,
      goalReached: 'no',
      cooperation: '1',
    });
    expect(outsider.value).toBe(notFound);

    const youthView = JSON.stringify(cardOf((await bot.say(youthCareContact, `casus ${reference}`))[0]));
    expect(youthView).not.toContain('Korte lijnen');
    const pmView = textOf(cardOf((await bot.say(processManager, `casus ${reference}`))[0]));
    expect(pmView).toMatch(
      /Korps Politie CN\*\* \(Ruben Croes\): doel bereikt: Ja · samenwerking 4\/5 · goed: Korte lijnen[\s\S]*Nog geen evaluatie van: Jeugdzorg CN/,
    );
    const { body: reminded } = await bot.click(processManager, Verb.evaluationRemind, { caseId });
    expect(textOf(reminded.value)).toContain('De herinnering is verstuurd.');
    expect(textOf(asked(youthCareContact).at(-1)!.card)).toContain('Herinnering');
    expect(asked(police)).toHaveLength(1);
    const { body: twice } = await bot.click(processManager, Verb.evaluationRemind, { caseId });
    expect(textOf(twice.value)).toContain('er gaat er maar één');
  });
});

describe('mee naar huis', () => {
  it('when someone who is not the chair, the regisseur or the procesmanager marks what an action takes home, then the refusal names "mee naar huis", not reassigning', async () => {
    const { bot, caseId } = await decided();
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    const { body } = await bot.click(police, Verb.actionTakeHome, { actionId, takeHome: randomUUID() });
    expect(body.value).toBe(
      'Alleen de voorzitter, de casusregisseur of de procesmanager kiest wat een organisatie mee naar huis krijgt.',
    );
  });
});
