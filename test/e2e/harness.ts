import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Locator, type Page } from 'playwright-core';
import { startBot, type RunningBot } from '../../bot/main.ts';
import { quietLogger } from '../support/quiet-logs.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { emptyDatabase } from '../support/empty-database.ts';
import { workerServerUrl } from '../support/workers.ts';
import { FixedClock } from '../support/fakes.ts';
import { startPlayground, type PlaygroundUserId, type RunningPlayground } from '../../scripts/playground.ts';

export const outputDir = join(process.cwd(), 'test-output');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A Wednesday: the demo table's first free meeting is then 13 days ahead, so no agenda falls due by itself
 * during a test, whatever day the suite runs (the automatic post is tested with an injected clock in test/db).
 */
export const stageNow = new Date('2026-11-25T12:00:00Z');

/** The real bot (as `npm start` runs it), a Playground per person, and a headless Chromium from npm. */
export async function startStage(users: PlaygroundUserId[], options: { history?: boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'casusbot-e2e-'));
  const serverUrl = workerServerUrl();
  if (serverUrl) {
    // A shared test server holds whatever the database tests left: every stage starts from an empty one.
    await migrateDatabase(serverUrl);
    const db = createDb(serverUrl);
    await emptyDatabase(db);
    await db.$disconnect();
  }
  // The demo history (two years of cases) only where a test reads it: the others count on an empty table.
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: serverUrl,
    SEED_DEMO_DATA: 'true',
    SEED_DEMO_HISTORY: options.history ? 'true' : 'false',
  });
  const clock = new FixedClock(stageNow);
  const bot: RunningBot = await startBot(config, quietLogger(config.logLevel), { clock });
  const playgrounds = new Map<PlaygroundUserId, RunningPlayground>();
  const browser: Browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
  });
  await mkdir(outputDir, { recursive: true });
  try {
    for (const user of users) {
      playgrounds.set(
        user,
        await startPlayground({
          botPort: bot.port,
          port: await freePort(),
          user,
          folder: join(dataDir, `playground-${user}`),
          quiet: true,
        }),
      );
    }
  } catch (error) {
    await Promise.all([...playgrounds.values()].map((p) => p.stop()));
    await browser.close();
    await bot.stop();
    throw error;
  }

  return {
    bot,
    /** The bot's clock: a test moves it to the day of a meeting. */
    clock,
    /** Opens the Playground as `user`, in the personal chat with the bot. */
    async open(user: PlaygroundUserId): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(playgrounds.get(user)!.url);
      await page.getByRole('textbox').first().waitFor();
      return page;
    },
    async stop() {
      await browser.close();
      await Promise.all([...playgrounds.values()].map((p) => p.stop()));
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function say(page: Page, text: string): Promise<void> {
  // The compose box is an editable element: a card above it may hold text fields of its own ("Klaar melden").
  const box = page.getByRole('textbox').and(page.locator('[contenteditable="true"]')).first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

/** The newest card in the view that holds `text`. */
export const cardWith = (page: Page, text: string | RegExp) =>
  page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

/** The team channel of the Playground's demo team, and back to the personal chat. */
export async function openChannel(page: Page): Promise<void> {
  await page.getByRole('treeitem', { name: 'ZVH Bonaire - Casusoverleg' }).click();
  await newPostBox(page).waitFor();
}
export async function openPersonalChat(page: Page): Promise<void> {
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
}
const newPostBox = (page: Page) => page.getByRole('group').filter({ hasText: 'Start a new post' }).getByRole('textbox');

/** A new channel post that @mentions the bot, as a person does it (the @ menu needs a click: Enter posts a bare "@"). */
export async function postMentioningBot(page: Page, text: string): Promise<void> {
  await newPostBox(page).click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: /^Casusbot/ }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

/**
 * A screenshot of one kind of card, as test-output/<nn>-<kind>.png: the walk through a meeting day leaves one per
 * card kind, numbered in the order of the day. Take it after the card's Dutch text has been waited for.
 */
export async function cardShot(page: Page, name: string, card?: Locator): Promise<void> {
  if (card) await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, `${name}.png`) });
}
