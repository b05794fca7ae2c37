import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import {
  anyChoice,
  caseLogbookCard,
  employeeLogbookCard,
  employeePickerCard,
  logbookCheckCard,
  logbookExportCard,
  unusualAccessCard,
} from '../../cards/logbook.card.ts';
import { logbookCsv } from '../../cards/logbook.document.ts';
import { Verb } from '../../cards/verbs.ts';
import {
  checkLogbook,
  employeeChoices,
  employeeLogbook,
  logbookExport,
  memberByMention,
} from '../../src/audit/employee-logbook.ts';
import { caseLogbook, unusualAccess } from '../../src/audit/logbook.ts';
import { offerDownload } from '../../src/privacy/downloads.ts';
import type { BotDeps } from '../deps.ts';
import { downloadDepsOf } from '../shared/jobs.ts';
import { id, onVerb, optionalId, registerCommand, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/**
 * `logboek`: the procesmanager's view of the logbook: one case (`logboek ZVH-…`), or who stands out. The case's
 * logbook pages back ("Oudere", "Nieuwere") and filters by organisation, person and activity. `logboek @naam`: one
 * employee's (also for a contactpersoon, of their own staff); both export as CSV behind a one-time link.
 * `logboek controleren`: whether the logbook's chain is intact.
 */
export function registerLogbook(app: Application<TurnState>, deps: BotDeps): void {
  const logbookDeps = { db: deps.db, clock: deps.clock, timeZone: deps.figuresTimeZone };
  registerCommand(app, Command.logbook, async (context, { reference }) =>
    reference
      ? caseLogbookCard(await caseLogbook(logbookDeps, actorOf(context), reference))
      : unusualAccessCard(await unusualAccess(deps, actorOf(context)), deps.figuresTimeZone),
  );
  const page = {
    reference: text,
    before: text,
    after: text,
    organisationId: text,
    actorAadObjectId: text,
    purpose: text,
  };
  onVerb(app, Verb.logbookPage, page, async (context, raw) => {
    // A filter set to "all" is no filter.
    const data = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === anyChoice ? '' : v])) as typeof raw;
    return caseLogbookCard(
      await caseLogbook(logbookDeps, actorOf(context), data.reference.toUpperCase(), {
        ...(data.before ? { before: data.before } : {}),
        ...(data.after ? { after: data.after } : {}),
        ...(data.organisationId ? { organisationId: data.organisationId } : {}),
        ...(data.actorAadObjectId ? { actorAadObjectId: data.actorAadObjectId } : {}),
        ...(data.purpose ? { purpose: data.purpose } : {}),
      }),
    );
  });
  registerEmployeeLogbook(app, deps, logbookDeps);
  registerCommand(app, Command.logbookCheck, async (context) =>
    logbookCheckCard(await checkLogbook({ ...deps, timeZone: deps.figuresTimeZone }, actorOf(context))),
  );
}

/** `logboek @naam`, the choice of a member, the period, and the exports (a person's and a case's). */
function registerEmployeeLogbook(
  app: Application<TurnState>,
  deps: BotDeps,
  logbookDeps: Parameters<typeof employeeLogbook>[0],
): void {
  registerCommand(app, Command.employeeLogbook, async (context) => {
    const actor = actorOf(context);
    const mention = mentionIn(context.activity);
    if (!mention) return employeePickerCard(await employeeChoices(deps, actor));
    const memberId = await memberByMention(deps, actor, mention);
    if (!memberId) return employeePickerCard(await employeeChoices(deps, actor), { notFound: true });
    return employeeLogbookCard(await employeeLogbook(logbookDeps, actor, { memberId }));
  });
  onVerb(app, Verb.logbookEmployee, { memberId: id, days: text }, async (context, data) =>
    employeeLogbookCard(
      await employeeLogbook(logbookDeps, actorOf(context), { memberId: data.memberId, days: Number(data.days) }),
    ),
  );
  const exportShape = { kind: text, memberId: optionalId, reference: text, days: text };
  onVerb(app, Verb.logbookExport, exportShape, async (context, data) => {
    const actor = actorOf(context);
    const exported = await logbookExport(
      logbookDeps,
      actor,
      data.kind === 'case'
        ? { kind: 'case', reference: data.reference.toUpperCase() }
        : { kind: 'employee', memberId: data.memberId ?? '', days: Number(data.days) },
    );
    const linkDeps = downloadDepsOf(deps);
    const offered = await offerDownload(linkDeps, actor, {
      kind: 'logbook',
      fileName: exported.fileName,
      content: logbookCsv(exported),
    });
    return logbookExportCard({ title: exported.title, ...offered, timeZone: deps.figuresTimeZone });
  });
}

/**
 * Who `logboek @…` names: a Teams mention (its user id and name; not the bot's own), or a name typed after "@".
 * Undefined for `logboek medewerker` (choose on the card).
 */
function mentionIn(activity: Partial<Activity>): { teamsUserId?: string; name: string } | undefined {
  const entities = (activity.entities ?? []) as { type: string; mentioned?: { id?: string; name?: string } }[];
  const mention = entities.find(
    (e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== activity.recipient?.id,
  )?.mentioned;
  if (mention?.id) return { teamsUserId: mention.id, name: mention.name ?? '' };
  const typed = /^\s*logboek\s+(?:<at>(.+?)<\/at>|@(.+))\s*$/i.exec(activity.text ?? '');
  const name = (typed?.[1] ?? typed?.[2])?.trim();
  return name ? { name } : undefined;
}
