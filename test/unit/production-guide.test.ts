import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/production.md is what an IT department configures from: every setting, route and command it names must exist,
// and every setting the bot reads must be in its table.

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const guide = read('docs/production.md');

/** The keys of the environment schema in src/config.ts (its `z.object({ … })` block). */
function configKeys(): string[] {
  const source = read('src/config.ts');
  const block = /const environment = z\.object\(\{\n([\s\S]*?)\n\}\);/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([A-Za-z_]+):/gm)].map((m) => m[1]!);
}

describe('the production guide', () => {
  it('lists every setting of src/config.ts in its configuration table, and no other', () => {
    const keys = configKeys();
    expect(keys.length).toBeGreaterThan(25);
    const table = guide.slice(guide.indexOf('## Configuration'), guide.indexOf('## Sizing'));
    const rows = [...table.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((m) => m[1]!);
    expect([...rows].sort()).toEqual([...keys].sort());
  });

  it('names only routes the HTTP server has', () => {
    const server = read('bot/teams/server.ts');
    const routes = new Set(
      [...guide.matchAll(/`(?:GET |POST )?(\/(?:api\/messages|healthz|readyz|downloads))/g)].map((m) => m[1]),
    );
    expect(routes.size).toBe(4);
    for (const route of routes) expect(server).toContain(`'${route}`);
  });

  it('names only npm scripts that package.json has, and built scripts that the build makes', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const [, name] of guide.matchAll(/npm run ([a-z:]+)/g)) expect(scripts, name).toHaveProperty(name!);
    const build = read('tsconfig.build.json');
    for (const [, name] of guide.matchAll(/node dist\/scripts\/([a-z-]+)\.js/g))
      expect(build, name).toContain(`scripts/${name}.ts`);
    for (const file of ['Dockerfile', 'compose.yaml', 'casusbot.env.example', 'manifest/manifest.json'])
      expect(existsSync(new URL(`../../${file}`, import.meta.url)), file).toBe(true);
  });

  it('keeps out of the build context nothing the Dockerfile copies', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copied = [...read('Dockerfile').matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copied).toContain('src');
    for (const source of copied)
      for (const pattern of ignored) {
        const glob = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}(/|$)`);
        expect(glob.test(source), `${source} is ignored by ${pattern}`).toBe(false);
      }
  });
});
