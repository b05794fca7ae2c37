import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import { inzagePdf } from '../../cards/inzage.document.ts';
import { inzageReadyCard, inzageSearchCard } from '../../cards/inzage.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan } from '../../src/access/policy.ts';
import { offerDownload, processLinkSecret } from '../../src/privacy/downloads.ts';
import { produceInzage } from '../../src/privacy/inzage.ts';
import { onCardAction } from '../card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, inPersonalChat } from '../turn-context.ts';

type Data = Record<string, unknown>;

/**
 * `inzage`: the procesmanager gets everything held about one person as a PDF, in personal chat, through a link
 * the bot serves that is signed, works once and for ten minutes.
 */
export function registerInzage(app: Application<TurnState>, deps: BotDeps): void {
  const links = deps.links ?? { publicUrl: 'http://localhost:3978', secret: processLinkSecret };
  const form = (context: TurnContext) => {
    assertCan(actorOf(context), 'inzage.produce');
    return inzageSearchCard();
  };
  app.message(/^\s*inzage\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'inzage'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(form(context))] });
  });
  onCardAction(app, Verb.inzageForm, async (context) => form(context));
  onCardAction<Data>(app, Verb.inzageProduce, async (context, data) => {
    const actor = actorOf(context);
    const result = await produceInzage(deps, actor, formValuesOf(data));
    if (!result.ok) return inzageSearchCard(formValuesOf(data), result.errors);
    const content = await inzagePdf(result.document);
    const offered = await offerDownload({ ...deps, linkSecret: links.secret, publicUrl: links.publicUrl }, actor, { kind: 'inzage', fileName: 'inzage.pdf', content });
    return inzageReadyCard({ url: offered.url, expiresAt: offered.expiresAt, cases: result.document.cases.length });
  });
}
