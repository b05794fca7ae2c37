// `npm run package`: the Teams app package (manifest + icons) for upload to Teams admin or Teams itself.
// The bot's app id comes from MicrosoftAppId; without it the package keeps a placeholder and says so.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { zip } from './png.ts';

const manifestDir = fileURLToPath(new URL('../manifest/', import.meta.url));

export async function buildAppPackage(
  appId: string | undefined,
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = JSON.parse(await readFile(`${manifestDir}manifest.json`, 'utf8')) as Record<string, unknown> & {
    bots: { botId: string }[];
    webApplicationInfo: { id: string; resource: string };
  };
  if (appId) {
    manifest.id = appId;
    for (const bot of manifest.bots) bot.botId = appId;
    // Meeting start and end reach the bot through resource-specific consent, which names the bot's app.
    manifest.webApplicationInfo = { id: appId, resource: `api://botid-${appId}` };
  }
  const files = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: 'color.png', data: await readFile(`${manifestDir}color.png`) },
    { name: 'outline.png', data: await readFile(`${manifestDir}outline.png`) },
  ];
  return { zip: zip(files), manifest };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const appId = process.env.MicrosoftAppId?.trim() || undefined;
  const { zip: bytes } = await buildAppPackage(appId);
  await mkdir('dist', { recursive: true });
  await writeFile('dist/casusbot-teams-app.zip', bytes);
  console.log(`dist/casusbot-teams-app.zip geschreven (${bytes.length} bytes).`);
  if (!appId)
    console.warn(
      'Let op: MicrosoftAppId is niet gezet; het pakket bevat een voorbeeld-id en werkt niet in een echte tenant.',
    );
}
