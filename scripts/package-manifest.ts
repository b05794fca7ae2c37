// `npm run package`: the Teams app package (manifest + icons) for upload to Teams admin or Teams itself.
// The bot's app id comes from MicrosoftAppId; without it the package keeps a placeholder and says so. Links to cases
// (<PUBLIC_URL>/casus/ZVH-…) unfurl on the host of PUBLIC_URL.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { zip } from './png.ts';

const manifestDir = fileURLToPath(new URL('../manifest/', import.meta.url));

export async function buildAppPackage(
  appId: string | undefined,
  publicUrl?: string,
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = JSON.parse(await readFile(`${manifestDir}manifest.json`, 'utf8')) as Record<string, unknown> & {
    bots: { botId: string }[];
    composeExtensions: { botId: string; messageHandlers: { value: { domains: string[] } }[] }[];
    webApplicationInfo: { id: string; resource: string };
  };
  if (publicUrl)
    for (const handler of manifest.composeExtensions.flatMap((e) => e.messageHandlers))
      handler.value.domains = [new URL(publicUrl).hostname];
  if (appId) {
    manifest.id = appId;
    for (const bot of [...manifest.bots, ...manifest.composeExtensions]) bot.botId = appId;
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
  const publicUrl = process.env.PUBLIC_URL?.trim() || undefined;
  const { zip: bytes } = await buildAppPackage(appId, publicUrl);
  await mkdir('dist', { recursive: true });
  await writeFile('dist/casusbot-teams-app.zip', bytes);
  console.log(`dist/casusbot-teams-app.zip geschreven (${bytes.length} bytes).`);
  if (!appId)
    console.warn(
      'Let op: MicrosoftAppId is niet gezet; het pakket bevat een voorbeeld-id en werkt niet in een echte tenant.',
    );
  if (!publicUrl)
    console.warn('Let op: PUBLIC_URL is niet gezet; links naar casussen worden in Teams niet uitgeklapt.');
}
