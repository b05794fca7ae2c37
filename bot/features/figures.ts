import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { figuresCard, figuresExportCard, steeringChannelLinkedCard } from '../../cards/figures.card.ts';
import { figuresCsv, figuresPdf } from '../../cards/figures.document.ts';
import { presentFigures } from '../../cards/figures.present.ts';
import { Verb } from '../../cards/verbs.ts';
import { linkSteeringGroupChannel, viewFigures } from '../../src/figures/figures.ts';
import { periodKey, periodLabel } from '../../src/figures/periods.ts';
import { offerDownload } from '../../src/privacy/downloads.ts';
import type { BotDeps } from '../deps.ts';
import { downloadDepsOf, figuresDepsOf } from '../shared/jobs.ts';
import { onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf, channelOf, conversationKind } from '../teams/turn-context.ts';

/**
 * `figures.*`: `cijfers`, the kengetallen for the procesmanager and the stuurgroep, with charts and the numbers in
 * text; the public form for the jaarverslag as CSV and PDF behind one-time links; `stuurgroep koppelen` in the
 * stuurgroep's channel, where each quarter's figures then appear by themselves.
 */
export function registerFigures(app: Application<TurnState>, deps: BotDeps): void {
  const figures = figuresDepsOf(deps);
  const shown = { informWithinDays: deps.informWithinDays, timeZone: deps.figuresTimeZone };
  registerCommand(app, Command.figures, async (context, { data }) =>
    figuresCard(await viewFigures(figures, actorOf(context), { period: data.period }), shown),
  );

  onVerb(app, Verb.figuresExport, {}, async (context, data) => {
    const actor = actorOf(context);
    const view = await viewFigures(figures, actor, { period: data.period, mode: 'public' });
    const presented = presentFigures(view, shown);
    const key = periodKey(view.figures.period);
    const linkDeps = downloadDepsOf(deps);
    const offer = (fileName: string, content: Uint8Array) =>
      offerDownload(linkDeps, actor, { kind: 'figures', fileName, content });
    const [csv, pdf] = await Promise.all([
      offer(`kengetallen-${key}.csv`, figuresCsv(presented)),
      figuresPdf(presented).then((bytes) => offer(`kengetallen-${key}.pdf`, bytes)),
    ]);
    const period = periodLabel(view.figures.period);
    return figuresExportCard({
      period,
      csvUrl: csv.url,
      pdfUrl: pdf.url,
      expiresAt: csv.expiresAt,
      timeZone: deps.figuresTimeZone,
    });
  });

  registerCommand(app, Command.linkSteeringGroup, async (context) => {
    if (conversationKind(context.activity) !== 'channel')
      return 'Typ dit in het kanaal van de stuurgroep, met @Casusbot ervoor: "@Casusbot stuurgroep koppelen".';
    await linkSteeringGroupChannel(figures, actorOf(context), channelOf(context.activity));
    return steeringChannelLinkedCard();
  });
}
