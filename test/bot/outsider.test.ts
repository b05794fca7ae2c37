import { randomUUID } from 'node:crypto';
import type { Activity } from '../../bot/teams/testing.ts';
import { describe, expect, it } from 'vitest';
import { botCommands } from '../../cards/commands.ts';
import { moveInputIds } from '../../cards/tables.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { demoPartnerNames, demoTable } from '../../src/organisations/demo-partners.ts';
import { cardOf, createTestBot, police, processManager, tenantId, textOf, youthCareContact } from '../support/bot.ts';
import { publishAgenda } from '../support/agenda.ts';
import { useDatabase } from '../support/database.ts';
import { colleague, krusada, seedPeople } from '../support/decided-case.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import type { TestUser } from '../support/bot.ts';
import { validReferralData } from '../support/referral.ts';

/**
 * Issue 10, item 1: every card verb and typed command, tried by a participant of Krusada (a partner that sits at
 * the demo table but is not involved in the cases), against real cases. Nothing of the cases may come back, in the
 * answer, in what the bot sends Krusada afterwards, or in a channel card it edits; and nothing may change.
 * Sitting at the table legitimately shows references, times and organisation names on the agenda: those are not
 * secrets here. Personal data and what was said, decided and done are.
 */

const db = useDatabase();
const channelId = '19:casusoverleg@thread.tacv2';
const inChannel = (): Partial<Activity> => ({
  conversation: {
    id: `${channelId};messageid=1`,
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  } as Activity['conversation'],
  channelData: { tenant: { id: tenantId }, team: { id: 'team-zvh' }, channel: { id: channelId } },
  replyToId: 'agenda-post',
});

/** Distinctive words that only the cases hold. Any of them in anything Krusada gets is a leak. */
const secret = {
  a: {
    name: 'Zorbaldo',
    surname: 'Quaxelaar',
    child: 'Yvonnika',
    bsn: '123456782',
    birthDate: '17-03-1961',
    birthDateIso: '1961-03-17',
    address: 'Geheimweg',
    phone: '9876543',
    email: 'melder.quux',
    informedBy: 'Wijkagent Pluvius',
    housing: 'Woonbron Grizzel',
    finances: 'Incassobureau Frobnik',
    violence: 'Kelderruzie',
    criterion: 'Criteriumtekst Vandelmoor',
    contribution: 'Inbreng Tarantelweg',
    sensitive: 'Gevoelig Moerasvlinder',
    intervention: 'Interventie Kwakzalverij',
    goal: 'Doel Brakwatermeer',
    plan: 'Plan Windhoos',
    action: 'Actie Zeekraal',
    progress: 'Voortgang Morgenster',
    backReason: 'Terugreden Lavendel',
    proposal: 'Voorstel Dwaallicht',
    condition: 'Voorwaarde Parelduiker',
  },
  b: {
    name: 'Wilmarein',
    surname: 'Brixtonia',
    child: 'Tjardina',
    bsn: '999999990',
    birthDate: '02-08-1957',
    birthDateIso: '1957-08-02',
    address: 'Verborgenlaan',
    phone: '5551234',
    email: 'melder.brix',
    notInformed: 'Nietgeinformeerd Kolibrie',
    housing: 'Daklozenopvang Perenboom',
    finances: 'Beslaglegging Okkernoot',
    violence: 'Trappenhuisgeweld',
    criterion: 'Criteriumtekst Zandloper',
    contribution: 'Inbreng Sterrenkers',
    intervention: 'Interventie Koraalduik',
    goal: 'Doel Palmstrand',
    plan: 'Plan Flamingo',
    action: 'Actie Schelpdier',
    closeNote: 'Afsluitnotitie Tamarinde',
    wentWell: 'Evaluatie Goedgegaan Mangrove',
    couldBeBetter: 'Evaluatie Beterkan Leguaan',
  },
};
const secrets = [...Object.values(secret.a), ...Object.values(secret.b)];

function leaksIn(thing: unknown): string[] {
  const json = JSON.stringify(thing ?? '').toLowerCase();
  return secrets.filter((s) => json.includes(s.toLowerCase()));
}

/** A fingerprint of every table but the logbook (a refusal is logged there) and the bot's conversation bookkeeping. */
let fingerprintSql: string | undefined;
async function snapshot(database: Db): Promise<Record<string, string>> {
  if (!fingerprintSql) {
    const tables = (
      await database.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'audit_event', 'conversation_ref', 'bot_state') ORDER BY tablename`
    ).map((t) => t.tablename);
    fingerprintSql = tables
      .map((t) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
      .join(' UNION ALL ');
  }
  const rows = await database.$queryRawUnsafe<{ t: string; h: string }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The rows an outsider must not be able to change, readable for a failure message. */
async function caseRows(database: Db) {
  const [
    cases,
    decisions,
    actions,
    regie,
    proposals,
    evaluations,
    agendaItems,
    contributions,
    interventions,
    sessions,
    tables,
    members,
  ] = await Promise.all([
    database.case.findMany({ orderBy: { id: 'asc' } }),
    database.decision.findMany({ orderBy: { id: 'asc' } }),
    database.caseAction.findMany({ orderBy: { id: 'asc' } }),
    database.regieUpdate.findMany({ orderBy: { id: 'asc' } }),
    database.caseProposal.findMany({ orderBy: { id: 'asc' } }),
    database.evaluation.findMany({ orderBy: [{ caseId: 'asc' }, { organisationId: 'asc' }] }),
    database.agendaItem.findMany({ orderBy: { id: 'asc' } }),
    database.contribution.findMany({ orderBy: { id: 'asc' } }),
    database.intervention.findMany({ orderBy: { id: 'asc' } }),
    database.conferenceSession.findMany({ orderBy: { id: 'asc' } }),
    database.conferenceTable.findMany({ orderBy: { id: 'asc' } }),
    database.member.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return {
    cases,
    decisions,
    actions,
    regie,
    proposals,
    evaluations,
    agendaItems,
    contributions,
    interventions,
    sessions,
    tables,
    members,
  };
}

interface Attempt {
  what: string;
  answer: string;
  full: string;
  leaks: string[];
  changed: string[];
  notifiedOthers: number;
  showsReference: boolean;
}

/** A manager of the police in the stuurgroep: their organisation is involved in both cases, yet they see none. */
const policeManager: TestUser = {
  aadObjectId: 'aad-police-manager',
  teamsUserId: 'user-police-manager',
  displayName: 'Stuurgroeplid Politie',
};

/** What a refusal answers: not found, not allowed, or the stuurgroeplid's own. */
const refusals = ['Dat kan ik niet vinden', 'Dat mag je', 'Alleen ', 'Als stuurgroeplid'];
/**
 * Tables an attempt may change: the public figures' export stores its two documents (behind one-time links), each
 * with the job that removes it at its expiry.
 */
const allowedChanges: Record<string, string[]> = { [Verb.figuresExport]: ['download', 'scheduled_job'] };

const outsiders = [
  {
    who: 'a participant of an uninvolved organisation',
    outsider: krusada,
    role: 'participant' as const,
    organisation: 'Krusada',
  },
  {
    who: 'a stuurgroeplid of an organisation involved in both cases',
    outsider: policeManager,
    role: 'steeringGroupMember' as const,
    organisation: 'Korps Politie CN',
  },
];

describe.each(outsiders)('$who', ({ outsider, role, organisation }) => {
  it('gets nothing of a case through any verb or command, and changes nothing', async () => {
    await runSweep(outsider, role, organisation);
  }, 180_000);
});

async function runSweep(outsider: TestUser, role: 'participant' | 'steeringGroupMember', organisation: string) {
  const started = Date.now();
  // Krusada is a partner at the demo table (every partner sits at it), so the published agenda is theirs to see.
  expect(demoPartnerNames).toContain('Krusada');
  const orgs = await seedPeople(db);
  await upsertMember(db, {
    aadObjectId: outsider.aadObjectId,
    displayName: outsider.displayName,
    organisationId: orgs[organisation]!,
    role,
  });
  const table = (await listTables(db))[0]!;
  expect(table.name).toBe(demoTable.name);
  expect(table.organisationIds).toContain(orgs['Krusada']!);

  // ---- Two real cases of the police and youth care, through the bot.
  const bot = createTestBot(db, { now: new Date('2026-11-20T09:00:00Z') });
  for (const user of [processManager, police, youthCareContact, outsider, colleague]) await bot.say(user, 'hulp');
  const involved = [orgs['Korps Politie CN']!, orgs['Jeugdzorg CN']!];
  const s = secret;
  const refer = async (form: Record<string, string | undefined>) => {
    const { body } = await bot.click(police, Verb.referralSubmit, validReferralData(involved, form));
    const reference = /ZVH-2026-\d{4}/.exec(textOf(body.value))?.[0];
    if (!reference) throw new Error(`referral refused: ${textOf(body.value)}`);
    return { reference, caseId: (await db.case.findUniqueOrThrow({ where: { reference } })).id };
  };
  const A = await refer({
    p1_name: `${s.a.name} ${s.a.surname}`,
    p1_bsn: s.a.bsn,
    p1_birthDate: s.a.birthDate,
    p1_address: `${s.a.address} 913, Rincon`,
    p2_name: `${s.a.child} ${s.a.surname}`,
    p2_address: `${s.a.address} 913, Rincon`,
    domain_housing: s.a.housing,
    domain_finances: s.a.finances,
    domain_domesticViolence: s.a.violence,
    criterionDomains: s.a.criterion,
    informedBy: s.a.informedBy,
    contactPhone: `+599 ${s.a.phone}`,
    contactEmail: `${s.a.email}@politie.example`,
  });
  const B = await refer({
    p1_name: `${s.b.name} ${s.b.surname}`,
    p1_bsn: s.b.bsn,
    p1_birthDate: s.b.birthDate,
    p1_address: `${s.b.address} 4, Kralendijk`,
    p2_name: `${s.b.child} ${s.b.surname}`,
    p2_address: `${s.b.address} 4, Kralendijk`,
    domain_housing: s.b.housing,
    domain_finances: s.b.finances,
    domain_domesticViolence: s.b.violence,
    criterionDomains: s.b.criterion,
    informed: 'no',
    informedBy: undefined,
    notInformedReason: s.b.notInformed,
    contactPhone: `+599 ${s.b.phone}`,
    contactEmail: `${s.b.email}@politie.example`,
  });
  for (const c of [A, B])
    await bot.click(processManager, Verb.screeningAccept, { caseId: c.caseId, tableId: table.id });
  await bot.say(processManager, 'tafel koppelen', inChannel());
  await bot.click(processManager, Verb.tableLink, { tableId: table.id }, inChannel());
  const itemA = await db.agendaItem.findFirstOrThrow({ where: { caseId: A.caseId }, include: { session: true } });
  const itemB = await db.agendaItem.findFirstOrThrow({ where: { caseId: B.caseId } });
  const sessionId = itemA.sessionId;
  await publishAgenda(bot, sessionId);
  bot.clock.set(new Date(itemA.session.startsAt.getTime() + 60_000));
  const { body: opened } = await bot.click(processManager, Verb.sessionOpen, { sessionId }, inChannel());
  expect(textOf(opened.value)).toContain('Het overleg is geopend');

  // What is said and decided.
  await bot.click(police, Verb.discussionAddContribution, {
    agendaItemId: itemA.id,
    submissionId: randomUUID(),
    text: s.a.contribution,
    lifeDomain: 'housing',
    sensitive: 'false',
  });
  await bot.click(police, Verb.discussionAddContribution, {
    agendaItemId: itemA.id,
    submissionId: randomUUID(),
    text: s.a.sensitive,
    sensitive: 'true',
  });
  await bot.click(police, Verb.discussionAddContribution, {
    agendaItemId: itemB.id,
    submissionId: randomUUID(),
    text: s.b.contribution,
    sensitive: 'false',
  });
  await bot.click(youthCareContact, Verb.discussionAddIntervention, {
    agendaItemId: itemA.id,
    submissionId: randomUUID(),
    description: s.a.intervention,
    organisationId: orgs['Jeugdzorg CN']!,
  });
  await bot.click(youthCareContact, Verb.discussionAddIntervention, {
    agendaItemId: itemB.id,
    submissionId: randomUUID(),
    description: s.b.intervention,
    organisationId: orgs['Jeugdzorg CN']!,
  });
  const director = (await db.member.findFirstOrThrow({ where: { aadObjectId: youthCareContact.aadObjectId } })).id;
  for (const [item, x] of [
    [itemA, s.a],
    [itemB, s.b],
  ] as const) {
    const { body: form } = await bot.click(processManager, Verb.decisionForm, { agendaItemId: item.id });
    const submissionId = /"submissionId":"([^"]+)"/.exec(JSON.stringify(form.value))?.[1];
    const { body: decided } = await bot.click(processManager, Verb.decisionRecord, {
      agendaItemId: item.id,
      submissionId,
      goal: x.goal,
      plan: x.plan,
      directorMemberId: director,
      nextStep: 'regieFollowUp',
      action1_description: x.action,
      action1_organisationId: orgs['Korps Politie CN']!,
      action1_dueDate: '2026-12-01',
    });
    expect(textOf(decided.value)).toContain('Het besluit is vastgelegd');
  }
  const actionA = await db.caseAction.findFirstOrThrow({ where: { caseId: A.caseId } });
  const actionB = await db.caseAction.findFirstOrThrow({ where: { caseId: B.caseId } });
  const { body: claimed } = await bot.click(police, Verb.actionClaim, { actionId: actionA.id }); // A's action claimed, B's still open
  expect(textOf(claimed.value)).toContain('Je hebt deze actie opgepakt.');
  const decisionA = await db.decision.findFirstOrThrow({ where: { caseId: A.caseId } });
  const decisionB = await db.decision.findFirstOrThrow({ where: { caseId: B.caseId } });
  const outsiderMember = await db.member.findFirstOrThrow({ where: { aadObjectId: outsider.aadObjectId } });
  const contributionOf = async (text: string) => (await db.contribution.findFirstOrThrow({ where: { text } })).id;
  const contribution = {
    a: await contributionOf(s.a.contribution),
    aSensitive: await contributionOf(s.a.sensitive),
    b: await contributionOf(s.b.contribution),
  };

  // Zeggenschap (when the consent verbs exist): youth care asks to use the police's contribution, the police agree on a condition.
  const verbs = Verb as Record<string, string>;
  let consentId: string = randomUUID();
  if (verbs.consentRequest && verbs.consentAnswer) {
    const { body: asked } = await bot.click(youthCareContact, verbs.consentRequest, { contributionId: contribution.a });
    const found = /"consentId":"([^"]+)"/.exec(JSON.stringify(asked.value))?.[1];
    if (found) {
      consentId = found;
      await bot.click(police, verbs.consentAnswer, { consentId, answer: 'yesWithCondition', condition: s.a.condition });
    }
    if (!found) console.log(`no consent to try the consent verbs on: ${textOf(asked.value).slice(0, 80)}`);
  }

  // ---- The outsider's attempts.
  const attempts: Attempt[] = [];
  const nextSessionOf = async () =>
    (
      await db.conferenceSession.findFirst({
        where: { tableId: table.id, id: { not: sessionId } },
        orderBy: { startsAt: 'asc' },
      })
    )?.id ?? sessionId;

  /** Everything a card could carry, under every key the handlers read, with form values that are not secrets. */
  const payload = (
    c: { caseId: string; reference: string; bsn: string; birthDate: string },
    ids: {
      agendaItemId: string;
      sessionId: string;
      actionId: string;
      decisionId: string;
      contributionId: string;
      proposalId?: string;
    },
    agendaAction: string,
  ) => ({
    caseId: c.caseId,
    reference: c.reference,
    agendaItemId: ids.agendaItemId,
    itemId: ids.agendaItemId,
    sessionId: ids.sessionId,
    actionId: ids.actionId,
    proposalId: ids.proposalId ?? randomUUID(),
    supersedesId: ids.decisionId,
    decisionId: ids.decisionId,
    tableId: table.id,
    contributionId: ids.contributionId,
    consentId,
    submissionId: randomUUID(),
    memberId: outsiderMember.id,
    directorMemberId: outsiderMember.id,
    informerMemberId: outsiderMember.id,
    person: 'aad-outsider-new',
    approve: true,
    keep: false,
    action: agendaAction,
    decision: 'accept',
    answer: 'yes',
    condition: 'Buitenstaander-voorwaarde',
    // Form values, none of them secret: an answer that echoes what Krusada typed is no leak.
    text: 'Buitenstaander kijkt mee',
    description: 'Buitenstaander-interventie',
    organisationId: orgs['Krusada']!,
    lifeDomain: 'housing',
    sensitive: 'false',
    goal: 'Buitenstaander-doel',
    plan: 'Buitenstaander-plan',
    nextStep: 'close',
    outcome: 'goalReached',
    attendance: orgs['Krusada']!,
    correctionReason: 'Buitenstaander corrigeert',
    action1_description: 'Buitenstaander-actie',
    action1_organisationId: orgs['Krusada']!,
    action1_dueDate: '2026-12-15',
    result: 'Buitenstaander-resultaat',
    kind: 'closure',
    note: 'Buitenstaander-notitie',
    reason: 'Buitenstaander-reden',
    date: '15-12-2026',
    time: '10:00',
    ...(() => {
      const m = moveInputIds(ids.sessionId);
      return { [m.date]: '15-12-2026', [m.time]: '11:00' };
    })(),
    goalReached: 'no',
    cooperation: '1',
    wentWell: 'Buitenstaander-goed',
    couldBeBetter: 'Buitenstaander-beter',
    informedOn: '20-11-2026',
    question: 'Buitenstaander-vraag',
    name: 'Buitenstaandertafel',
    organisationIds: orgs['Krusada']!,
    chair: outsiderMember.id,
    timeZone: 'America/Kralendijk',
    weekday: '3',
    startTime: '09:00',
    anchorDate: '2026-12-02',
    intervalWeeks: '1',
    sessionMinutes: '60',
    minutesPerCase: '10',
    agendaLeadHours: '1',
    // Inzage: Krusada knows the person's BSN and birth date and asks what is held. (Typed by Krusada, so an echo of
    // these two in a form would show up as a leak: no handler may get that far for an outsider.)
    bsn: c.bsn,
    birthDate: c.birthDate,
    displayName: 'Buitenstaander Nieuw',
    aadObjectId: 'aad-outsider-new',
    role: 'processManager',
    rosterNames: { 'aad-outsider-new': 'Buitenstaander Nieuw' },
  });

  /** The fingerprint after the last attempt: only attempts run between two of them (reset when the setup moves on). */
  let last: Record<string, string> | undefined;
  const tryAs = async (what: string, attempt: () => Promise<{ answer: unknown; replies: unknown[] }>) => {
    const before = last ?? (await snapshot(db));
    const sentBefore = bot.notifier.sent.length;
    const updatesBefore = bot.notifier.updates.length;
    const editedBefore = bot.edited.length;
    const { answer, replies } = await attempt();
    const sent = bot.notifier.sent.slice(sentBefore);
    const toKrusada = sent.filter((m) => 'person' in m.to && m.to.person === outsider.aadObjectId);
    const toOthers = sent.filter((m) => !('person' in m.to) || m.to.person !== outsider.aadObjectId);
    const after = (last = await snapshot(db));
    const shown = {
      answer,
      replies,
      toKrusada,
      toOthers,
      updates: bot.notifier.updates.slice(updatesBefore),
      edited: bot.edited.slice(editedBefore),
    };
    attempts.push({
      what,
      answer: (typeof answer === 'string' ? answer : textOf(answer)).replace(/\s+/g, ' ').slice(0, 110),
      full: typeof answer === 'string' ? answer : textOf(answer),
      leaks: leaksIn(shown),
      changed: Object.keys(after).filter(
        (t) => after[t] !== before[t] && !(allowedChanges[what.split(' · ')[0]!] ?? []).includes(t),
      ),
      notifiedOthers: toOthers.length,
      // The help card's example happens to be the first reference: not counted.
      showsReference:
        !/^"(hulp|help)"/.test(what) && [A.reference, B.reference].some((r) => JSON.stringify(shown).includes(r)),
    });
  };
  const clickAll = async (label: string, data: Record<string, unknown>, extra: Partial<Activity> = {}) => {
    for (const verb of Object.values(Verb)) {
      await tryAs(`${verb} · ${label}`, async () => {
        const { body, others } = await bot.click(outsider, verb, data, extra);
        return { answer: body.value, replies: others };
      });
    }
  };
  const sayAll = async (label: string) => {
    const typed = botCommands.flatMap((c) =>
      c.title.includes('ZVH-…')
        ? [A.reference, B.reference, 'ZVH-2026-9999'].map((r) => c.title.replace('ZVH-…', r))
        : [c.title],
    );
    for (const text of [...typed, 'logboek', 'help', `casus ${A.reference.toLowerCase()}`]) {
      for (const [where, extra] of [
        ['personal', {}],
        ['channel', inChannel()],
      ] as const) {
        await tryAs(`"${text}" · ${where} · ${label}`, async () => {
          const replies = await bot.say(outsider, text, extra);
          return { answer: replies.map((r) => r.text ?? textOf(cardOf(r))).join(' | '), replies };
        });
      }
    }
  };
  const sweep = async (phase: string, proposalA?: string, proposalB?: string) => {
    last = undefined;
    const sessionNext = await nextSessionOf();
    const itemNext =
      (await db.agendaItem.findFirst({ where: { caseId: A.caseId, sessionId: sessionNext } }))?.id ?? itemA.id;
    await clickAll(
      `A · ${phase}`,
      payload(
        { ...A, ...secret.a },
        {
          agendaItemId: itemA.id,
          sessionId,
          actionId: actionA.id,
          decisionId: decisionA.id,
          contributionId: contribution.a,
          proposalId: proposalA,
        },
        'remove',
      ),
    );
    await clickAll(
      `B · ${phase}`,
      payload(
        { ...B, ...secret.b },
        {
          agendaItemId: itemB.id,
          sessionId,
          actionId: actionB.id,
          decisionId: decisionB.id,
          contributionId: contribution.b,
          proposalId: proposalB,
        },
        'add',
      ),
    );
    await clickAll(
      `A next session · channel · ${phase}`,
      payload(
        { ...A, ...secret.a },
        {
          agendaItemId: itemNext,
          sessionId: sessionNext,
          actionId: actionA.id,
          decisionId: decisionA.id,
          contributionId: contribution.aSensitive,
          proposalId: proposalA,
        },
        'up',
      ),
      inChannel(),
    );
    // An automatic refresh in the channel (Teams sends the card's own data, trigger "automatic").
    await tryAs(`${Verb.discussionOpen} · automatic refresh · ${phase}`, async () => {
      const { body } = await bot.click(
        outsider,
        Verb.discussionOpen,
        {},
        {
          ...inChannel(),
          value: {
            action: {
              type: 'Action.Execute',
              verb: Verb.discussionOpen,
              data: { verb: Verb.discussionOpen, agendaItemId: itemA.id },
            },
            trigger: 'automatic',
          },
        },
      );
      return { answer: body.value, replies: [] };
    });
    await sayAll(phase);
  };

  /**
   * Per phase: what each attempt answered (printed when something is wrong, or with OUTSIDER_REPORT=1), then the
   * checks, so a failure names the verb or command.
   */
  const verdict = (phase: string, rows: { before: unknown; after: unknown }) => {
    const mine = attempts.filter((a) => a.what.endsWith(`· ${phase}`));
    const problems = mine.filter((a) => a.leaks.length || a.changed.length || a.notifiedOthers);
    if (problems.length || process.env.OUTSIDER_REPORT) {
      console.log(
        `${phase}: ${mine.length} attempts\n${mine.map((a) => `${a.leaks.length ? `LEAK(${a.leaks.join(', ')}) ` : ''}${a.changed.length ? `CHANGED(${a.changed.join(', ')}) ` : ''}${a.notifiedOthers ? `NOTIFIED(${a.notifiedOthers}) ` : ''}${a.what} → ${a.answer}${a.showsReference ? ' [reference]' : ''}`).join('\n')}`,
      );
    }
    expect(
      mine.filter((a) => a.leaks.length).map((a) => `${a.what}: ${a.leaks.join(', ')}`),
      `leaks (${phase})`,
    ).toEqual([]);
    expect(
      mine.filter((a) => a.changed.length).map((a) => `${a.what}: ${a.changed.join(', ')}`),
      `changed tables (${phase})`,
    ).toEqual([]);
    expect(
      mine.filter((a) => a.notifiedOthers).map((a) => a.what),
      `notifications to others (${phase})`,
    ).toEqual([]);
    // The same, readable: the cases' status, decisions, actions, regie updates, proposals, evaluations, agenda items...
    expect(rows.after, `case rows (${phase})`).toEqual(rows.before);
  };

  // Phase 1: the meeting is open, case A is being discussed.
  const live = { before: await caseRows(db), after: {} };
  await sweep('live');
  live.after = await caseRows(db);
  verdict('live', live);

  // Phase 2: after the meeting. A under regie (progress, back on the agenda, a proposal waiting); B closed and evaluated.
  await bot.click(processManager, Verb.sessionClose, { sessionId }, inChannel());
  bot.clock.set(new Date('2026-11-26T13:00:00Z'));
  const beforeProgress = await snapshot(db);
  const progressed = await bot.click(youthCareContact, Verb.regieProgress, {
    caseId: A.caseId,
    text: s.a.progress,
    submissionId: randomUUID(),
  });
  expect((await snapshot(db)).regie_update).not.toBe(beforeProgress.regie_update); // the fingerprint sees a change
  expect(textOf(progressed.body.value)).toContain('Je voortgang is opgeslagen');
  const back = await bot.click(youthCareContact, Verb.regieBackOnAgenda, { caseId: A.caseId, reason: s.a.backReason });
  expect(textOf(back.body.value)).toContain('De casus staat weer op de agenda.');
  const proposedA = await bot.click(youthCareContact, Verb.regiePropose, {
    caseId: A.caseId,
    kind: 'shadowList',
    note: s.a.proposal,
  });
  expect(textOf(proposedA.body.value)).toContain('Je voorstel ligt bij de procesmanager');
  const proposedB = await bot.click(youthCareContact, Verb.regiePropose, {
    caseId: B.caseId,
    kind: 'closure',
    outcome: 'goalReached',
    note: s.b.closeNote,
  });
  expect(textOf(proposedB.body.value)).toContain('Je voorstel ligt bij de procesmanager');
  const proposalA = (await db.caseProposal.findFirstOrThrow({ where: { caseId: A.caseId } })).id;
  const proposalB = (await db.caseProposal.findFirstOrThrow({ where: { caseId: B.caseId } })).id;
  const approved = await bot.click(processManager, Verb.proposalDecide, { proposalId: proposalB, approve: true });
  expect(textOf(approved.body.value)).toContain('Goedgekeurd');
  const evaluated = await bot.click(police, Verb.evaluationSubmit, {
    caseId: B.caseId,
    goalReached: 'yes',
    cooperation: '4',
    wentWell: s.b.wentWell,
    couldBeBetter: s.b.couldBeBetter,
  });
  expect(textOf(evaluated.body.value)).toContain('de evaluatie van jouw organisatie is opgeslagen');
  expect((await db.case.findUniqueOrThrow({ where: { id: B.caseId } })).status).toBe('closed');
  expect(await db.regieUpdate.count({ where: { caseId: A.caseId, kind: 'progress' } })).toBe(1);

  const after = { before: await caseRows(db), after: {} };
  await sweep('after', proposalA, proposalB);
  after.after = await caseRows(db);
  verdict('after', after);

  // ---- Over the whole test.
  if (process.env.OUTSIDER_REPORT) {
    const withReference = attempts.filter((a) => a.showsReference).map((a) => `${a.what}:\n${a.full}`);
    console.log(
      `${attempts.length} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s; Krusada was sent ${bot.notifier.to(outsider.aadObjectId).length} messages, the channel ${bot.notifier.inConversation(channelId).length} posts and ${bot.notifier.updates.length} edits\n\nWhat Krusada sees where a reference shows (allowed: the table's agenda):\n${[...new Set(withReference)].slice(0, 1).join('\n\n')}`,
    );
  }
  // Nothing pushed to anyone, involved or not, holds a secret: a pushed card names the reference only (part 1 of
  // issue 19); the content comes when the person opens it.
  expect(leaksIn(bot.notifier.sent.filter((s) => 'person' in s.to))).toEqual([]);
  // Everything Krusada was ever sent, and every channel card, holds none of the secrets.
  expect(leaksIn(bot.notifier.to(outsider.aadObjectId))).toEqual([]);
  expect(
    leaksIn([bot.notifier.inConversation(channelId), bot.notifier.updates.map((u) => u.message), bot.edited]),
  ).toEqual([]);
  // The logbook shows Krusada's tries as refused, and no read of either case that went through.
  const logged = await db.auditEvent.findMany({ where: { actorAadObjectId: outsider.aadObjectId } });
  expect(
    logged
      .filter(
        (e) =>
          e.outcome === 'ok' &&
          (e.caseId === A.caseId || e.caseId === B.caseId || e.recordId === A.caseId || e.recordId === B.caseId),
      )
      .map((e) => e.action),
  ).toEqual([]);
  expect(logged.filter((e) => e.outcome === 'refused').length).toBeGreaterThan(0);
  // Sanity: the sweep reached the handlers and was refused there, not by a typo in this test.
  const refused = attempts.filter((a) => refusals.some((r) => a.answer.startsWith(r)));
  expect(refused.length).toBeGreaterThan(Object.values(Verb).length);
  expect(attempts.filter((a) => a.answer.includes('Sorry, er ging iets mis')).map((a) => a.what)).toEqual([]);
  expect(attempts.some((a) => a.answer.includes('Deze knop werkt niet meer'))).toBe(false);
}
