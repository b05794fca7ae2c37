import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { formValuesOf } from '../../cards/form.ts';
import { inzageReadyCard, inzageSearchCard } from '../../cards/inzage.card.ts';
import { inzagePdf } from '../../cards/inzage.document.ts';
import { Verb } from '../../cards/verbs.ts';
import { fetchDownload, offerDownload } from '../../src/privacy/downloads.ts';
import { openInzageForm, produceInzage } from '../../src/privacy/inzage.ts';
import type { BotDeps } from '../deps.ts';
import { downloadDepsOf } from '../shared/jobs.ts';
import { onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/**
 * `inzage.*`: the procesmanager gets everything held about one person as a PDF, in personal chat, through a link
 * the bot serves that is signed, works once and for ten minutes (and in real Teams also as a file offer).
 */
export function registerInzage(app: Application<TurnState>, deps: BotDeps): void {
  const linkDeps = downloadDepsOf(deps);
  registerCommand(app, Command.inzage, async (context) => {
    openInzageForm(actorOf(context));
    return inzageSearchCard();
  });
  onVerb(app, Verb.inzageProduce, {}, async (context, data) => {
    const actor = actorOf(context);
    const result = await produceInzage(deps, actor, formValuesOf(data));
    if (!result.ok) return inzageSearchCard(formValuesOf(data), result.errors);
    const content = await inzagePdf(result.document, deps.figuresTimeZone);
    const offered = await offerDownload(linkDeps, actor, { kind: 'inzage', fileName: 'inzage.pdf', content });
    if (deps.links.fileConsent) await offerAsFile(context, offered.url, content.length);
    return inzageReadyCard({
      url: offered.url,
      expiresAt: offered.expiresAt,
      cases: result.document.cases.length,
      timeZone: deps.figuresTimeZone,
    });
  });
  registerFileConsent(app, deps);
}

/** In real Teams the document is also offered as a file (file-consent flow): the same one-time document. */
async function offerAsFile(context: TurnContext, link: string, sizeInBytes: number): Promise<void> {
  const url = new URL(link);
  const fileRef = {
    downloadId: url.pathname.split('/').pop(),
    exp: url.searchParams.get('exp'),
    sig: url.searchParams.get('sig'),
  };
  const content = {
    description: 'Inzagedocument (eenmalig, tien minuten)',
    sizeInBytes,
    acceptContext: fileRef,
    declineContext: fileRef,
  };
  await context.sendActivity({
    attachments: [{ contentType: 'application/vnd.microsoft.teams.card.file.consent', name: 'inzage.pdf', content }],
  });
}

interface FileConsentAnswer {
  action?: string;
  context?: { downloadId?: string; exp?: string; sig?: string };
  uploadInfo?: { uploadUrl?: string; contentUrl?: string; name?: string; uniqueId?: string; fileType?: string };
}

/**
 * The file-consent answer: on "Toestaan" Teams gives an upload URL in the person's OneDrive; the document is taken
 * out once (the link stops working) and put there. Teams expects a 200 in any case.
 */
function registerFileConsent(app: Application<TurnState>, deps: BotDeps): void {
  const isFileConsent = async (context: TurnContext) =>
    context.activity.type === 'invoke' && context.activity.name === 'fileConsent/invoke';
  // An invoke route: teams-ai tries those before the others, and the fallback's catch-all for invokes comes last.
  app.addRoute(
    isFileConsent,
    async (context) => {
      const value = context.activity.value as FileConsentAnswer;
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
      const fetchDeps = { db: deps.db, clock: deps.clock, linkSecret: deps.links.secret };
      const fetched = await fetchDownload(fetchDeps, ref.downloadId ?? '', ref.exp ?? '', ref.sig ?? '');
      if (!fetched.ok) {
        await context.sendActivity('Dit document is verlopen of al opgehaald. Maak een nieuw met "inzage".');
        return;
      }
      const uploaded = await uploadToOneDrive(value.uploadInfo.uploadUrl, fetched.download.content);
      if (!uploaded.ok) {
        deps.log.error({ status: uploaded.status }, 'file consent upload failed');
        await context.sendActivity('Het opslaan in je OneDrive lukte niet. Maak een nieuw document met "inzage".');
        return;
      }
      const { contentUrl, name, uniqueId, fileType } = value.uploadInfo;
      const info = { contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl, name };
      await context.sendActivity({ attachments: [{ ...info, content: { uniqueId, fileType } }] });
    },
    true,
  );
}

/** Puts the document in the upload session Teams opened in the person's OneDrive, in one request. */
async function uploadToOneDrive(uploadUrl: string, content: Uint8Array) {
  const bytes = Buffer.from(content);
  const range = `bytes 0-${bytes.length - 1}/${bytes.length}`;
  const headers = { 'Content-Length': String(bytes.length), 'Content-Range': range };
  return fetch(uploadUrl, { method: 'PUT', headers, body: bytes });
}
