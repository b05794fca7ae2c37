import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ManifestUtil } from '@microsoft/app-manifest';
import { botCommands, caseSearch, manifestCommands, referenceInLink } from '../../cards/commands.ts';
import { buildAppPackage } from '../../scripts/package-manifest.ts';
import { pngSize } from '../../scripts/png.ts';

const read = (name: string) => readFile(new URL(`../../manifest/${name}`, import.meta.url));
const schemaPath = createRequire(import.meta.url).resolve(
  '@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
);

/** Reads a ZIP's central directory back, to check what the package really holds. */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString();
    const local = bytes.readUInt32LE(at + 42);
    const packedSize = bytes.readUInt32LE(at + 20);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(bytes.subarray(dataStart, dataStart + packedSize)));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return files;
}

describe('Teams app manifest', () => {
  it('is valid against the v1.22 schema (offline, the schema bundled with @microsoft/app-manifest)', async () => {
    const manifest = JSON.parse((await read('manifest.json')).toString());
    const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
    expect(manifest.manifestVersion).toBe('1.22');
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('is caught by the schema check when broken', async () => {
    const manifest = JSON.parse((await read('manifest.json')).toString());
    const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
    delete manifest.accentColor;
    expect((await ManifestUtil.validateManifestAgainstSchema(manifest, schema)).join()).toMatch(/accentColor/);
  });

  it('offers the bot in personal, team and group chat, with the commands the bot understands', async () => {
    const manifest = JSON.parse((await read('manifest.json')).toString());
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands).toEqual(manifestCommands);
    expect(manifestCommands.length).toBeLessThanOrEqual(10);
    expect(botCommands.filter((c) => c.channelOnly).map((c) => c.title)).toEqual([
      'tafel koppelen',
      'overleg starten',
      'stuurgroep koppelen',
    ]);
  });

  it('offers the message extension: a search on reference in Dutch, and links to cases that unfurl', async () => {
    const manifest = JSON.parse((await read('manifest.json')).toString());
    const [extension, ...others] = manifest.composeExtensions;
    expect(others).toEqual([]);
    expect(extension.botId).toBe(manifest.bots[0].botId);
    const [search, ...otherCommands] = extension.commands;
    expect(otherCommands).toEqual([]);
    expect(search).toMatchObject({
      id: caseSearch.commandId,
      type: 'query',
      title: 'Casus zoeken',
      initialRun: true,
      context: ['compose', 'commandBox'],
    });
    expect(search.description).toMatch(/zonder persoonsgegevens/);
    expect(search.parameters).toEqual([
      expect.objectContaining({ name: caseSearch.parameter, title: 'Kenmerk', inputType: 'text' }),
    ]);
    expect(search.parameters[0].description).toContain('ZVH-2026-0084');
    const [links] = extension.messageHandlers;
    expect(links.type).toBe('link');
    const [domain] = links.value.domains;
    expect(referenceInLink(`https://${domain}${caseSearch.linkPath}zvh-2026-0084`)).toBe('ZVH-2026-0084');
    expect(referenceInLink(`https://${domain}/downloads/ZVH-2026-0084`)).toBeUndefined();
  });

  it('has a 192x192 colour icon and a 32x32 outline icon', async () => {
    expect(pngSize(await read('color.png'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await read('outline.png'))).toEqual({ width: 32, height: 32 });
  });

  it("packages manifest and icons into a zip with the bot's app id", async () => {
    const appId = '0b8a5c1e-1111-4222-8333-444455556666';
    const { zip } = await buildAppPackage(appId, 'https://casusbot.zvh-bonaire.example:8443/');
    const files = unzip(zip);
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(files.get('manifest.json')!.toString());
    expect(packaged.id).toBe(appId);
    expect(packaged.bots[0].botId).toBe(appId);
    // The message extension is the same bot; links to cases unfurl on the host the bot is reached at.
    expect(packaged.composeExtensions[0].botId).toBe(appId);
    expect(packaged.composeExtensions[0].messageHandlers[0].value.domains).toEqual(['casusbot.zvh-bonaire.example']);
    // Meeting start and end need resource-specific consent, which names the bot's own app.
    expect(packaged.webApplicationInfo).toEqual({ id: appId, resource: `api://botid-${appId}` });
    expect(packaged.authorization.permissions.resourceSpecific.map((p: { name: string }) => p.name)).toEqual([
      'OnlineMeeting.ReadBasic.Chat',
      'ChannelMeeting.ReadBasic.Group',
    ]);
    expect(files.get('color.png')!.equals(await read('color.png'))).toBe(true);
  });
});
