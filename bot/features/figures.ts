import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { figuresCard, figuresExportCard, steeringChannelLinkedCard } from '../../cards/figures.card.ts';
import { figuresCsv, figuresPdf } from '../../cards/figures.document.ts';
import { presentFigures } from '../../cards/figures.present.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan } from '../../src/access/policy.ts';
import { linkSteeringGroupChannel, viewFigures, type FiguresDeps } from '../../src/figures/figures.ts';
import { periodKey, periodLabel } from '../../src/figures/periods.ts';
import { offerDownload, processLinkSecret } from '../../src/privacy/downloads.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, conversationKind, inPersonalChat } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;

export const defaultFiguresTimeZone = 'Europe/Amsterdam';

export function figuresDeps(deps: Pick<BotDeps, 'db' | 'clock' | 'informWithinDays' | 'figuresTimeZone'>): FiguresDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    informWithinDays: deps.informWithinDays ?? 14,
    timeZone: deps.figuresTimeZone ?? defaultFiguresTimeZone,
  };
}

/**
 * `cijfers`: the kengetallen for the procesmanager and the stuurgroep, with charts and the numbers in text; the
 * public form for the jaarverslag as CSV and PDF behind one-time links; `stuurgroep koppelen` in the stuurgroep's
 * channel, where each quarter's figures then appear by themselves.
 */
export function registerFigures(app: Application<TurnState>, deps: BotDeps): void {
  const fdeps = figuresDeps(deps);
  const links = deps.links ?? { publicUrl: 'http://localhost:3978', secret: processLinkSecret };
  const show = async (context: TurnContext, period?: unknown) =>
    figuresCard(await viewFigures(fdeps, actorOf(context), { period }), {
      informWithinDays: fdeps.informWithinDays,
      timeZone: fdeps.timeZone,
    });

  app.message(/^\s*cijfers\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'cijfers'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await show(context))] });
  });
  onCardAction<Data>(app, Verb.figuresShow, async (context, data) => show(context, data.period));

  onCardAction<Data>(app, Verb.figuresExport, async (context, data) => {
    const actor = actorOf(context);
    const view = await viewFigures(fdeps, actor, { period: data.period, mode: 'public' });
    const presented = presentFigures(view, { informWithinDays: fdeps.informWithinDays });
    const key = periodKey(view.figures.period);
    const offer = (fileName: string, content: Uint8Array) =>
      offerDownload({ ...deps, linkSecret: links.secret, publicUrl: links.publicUrl }, actor, {
        kind: 'figures',
        fileName,
        content,
      });
    const [csv, pdf] = await Promise.all([
      offer(`kengetallen-${key}.csv`, figuresCsv(presented)),
      figuresPdf(presented).then((bytes) => offer(`kengetallen-${key}.pdf`, bytes)),
    ]);
    return figuresExportCard({
      period: periodLabel(view.figures.period),
      csvUrl: csv.url,
      pdfUrl: pdf.url,
      expiresAt: csv.expiresAt,
      timeZone: fdeps.timeZone,
    });
  });

  app.message(/^\s*stuurgroep koppelen\s*$/i, async (context) => {
    if (conversationKind(context.activity) !== 'channel') {
      await context.sendActivity(
        'Typ dit in het kanaal van de stuurgroep, met @Casusbot ervoor: "@Casusbot stuurgroep koppelen".',
      );
      return;
    }
    assertCan(actorOf(context), 'figures.linkChannel');
    await linkSteeringGroupChannel(fdeps, actorOf(context), context.activity.conversation.id.split(';')[0]!);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(steeringChannelLinkedCard())] });
  });
}
