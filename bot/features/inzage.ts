import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import { inzagePdf } from '../../cards/inzage.document.ts';
import { inzageReadyCard, inzageSearchCard } from '../../cards/inzage.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan } from '../../src/access/policy.ts';
import { fetchDownload, offerDownload, processLinkSecret } from '../../src/privacy/downloads.ts';
import { produceInzage } from '../../src/privacy/inzage.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

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
    const offered = await offerDownload({ ...deps, linkSecret: links.secret, publicUrl: links.publicUrl }, actor, {
      kind: 'inzage',
      fileName: 'inzage.pdf',
      content,
    });
    // In real Teams the document is also offered as a file (file-consent flow): the same one-time document.
    if (links.fileConsent) {
      const url = new URL(offered.url);
      const fileRef = {
        downloadId: url.pathname.split('/').pop(),
        exp: url.searchParams.get('exp'),
        sig: url.searchParams.get('sig'),
      };
      await context.sendActivity({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.card.file.consent',
            name: 'inzage.pdf',
            content: {
              description: 'Inzagedocument (eenmalig, tien minuten)',
              sizeInBytes: content.length,
              acceptContext: fileRef,
              declineContext: fileRef,
            },
          },
        ],
      });
    }
    return inzageReadyCard({ url: offered.url, expiresAt: offered.expiresAt, cases: result.document.cases.length });
  });

  // The file-consent answer: on "Toestaan" Teams gives an upload URL in the person's OneDrive; the document is
  // taken out once (the link stops working) and put there. Teams expects a 200 in any case.
  app.activity(
    async (context) => context.activity.type === 'invoke' && context.activity.name === 'fileConsent/invoke',
    async (context) => {
      const value = context.activity.value as {
        action?: string;
        context?: { downloadId?: string; exp?: string; sig?: string };
        uploadInfo?: { uploadUrl?: string; contentUrl?: string; name?: string; uniqueId?: string; fileType?: string };
      };
      const answered = { type: ActivityTypes.InvokeResponse, value: { status: 200 } };
      await context.sendActivity(answered);
      context.turnState.set(INVOKE_RESPONSE_KEY, answered);
      if (value.action !== 'accept' || !value.uploadInfo?.uploadUrl) {
        await context.sendActivity(
          'Het document is niet in je OneDrive gezet. De link op de kaart werkt nog tot hij verloopt.',
        );
        return;
      }
      const ref = value.context ?? {};
      const fetched = await fetchDownload(
        { db: deps.db, clock: deps.clock, linkSecret: links.secret },
        ref.downloadId ?? '',
        ref.exp ?? '',
        ref.sig ?? '',
      );
      if (!fetched.ok) {
        await context.sendActivity('Dit document is verlopen of al opgehaald. Maak een nieuw met "inzage".');
        return;
      }
      const bytes = Buffer.from(fetched.download.content);
      const put = await fetch(value.uploadInfo.uploadUrl, {
        method: 'PUT',
        headers: {
          'Content-Length': String(bytes.length),
          'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
        },
        body: bytes,
      });
      if (!put.ok) {
        deps.log.error({ status: put.status }, 'file consent upload failed');
        await context.sendActivity('Het opslaan in je OneDrive lukte niet. Maak een nieuw document met "inzage".');
        return;
      }
      await context.sendActivity({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.card.file.info',
            contentUrl: value.uploadInfo.contentUrl,
            name: value.uploadInfo.name,
            content: { uniqueId: value.uploadInfo.uniqueId, fileType: value.uploadInfo.fileType },
          },
        ],
      });
    },
  );
}
