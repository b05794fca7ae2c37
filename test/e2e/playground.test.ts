import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputDir, say, startStage } from './harness.ts';

let stage: Awaited<ReturnType<typeof startStage>>;
beforeAll(async () => {
  stage = await startStage(['user-id-0']);
});
afterAll(async () => {
  await stage?.stop();
});

describe('in the Agents Playground, like a person', () => {
  it('the procesmanager types "hulp", sees the help card and opens the member list from it', async () => {
    const page = await stage.open('user-id-0');
    await say(page, 'hulp');
    const help = page.getByText('Casusbot: wat kan ik?');
    await help.waitFor({ timeout: 30_000 });
    await expect(page.getByText('Je bent geregistreerd als procesmanager').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(outputDir, 'e2e-hulp.png') });

    await page.getByRole('button', { name: 'Leden' }).last().click();
    await page.getByText('5 geregistreerde leden.').waitFor({ timeout: 30_000 });
    await expect(page.getByText('Ruben Croes').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(outputDir, 'e2e-leden.png') });
    await page.close();
  });
});
