// `npm start`: the bot on its embedded database and, without Microsoft app credentials, the Agents
// Playground so a person can try it at once. Ctrl-C stops both.
import { join } from 'node:path';
import { startBot } from '../bot/main.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { startPlayground, type RunningPlayground } from './playground.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const bot = await startBot(config, log).catch((error: Error) => {
  console.error(`Casusbot kon niet starten: ${error.message}`);
  process.exit(1);
});

let playground: RunningPlayground | undefined;
if (!config.microsoftApp) {
  const port = Number(process.env.PLAYGROUND_PORT ?? 56150);
  playground = await startPlayground({
    botPort: bot.port,
    port,
    user: 'user-id-0',
    folder: join(config.dataDir, 'playground'),
  });
  console.log(
    `\n  Casusbot draait. Open de Agents Playground: ${playground.url}\n  Je bent Ingrid Martina (procesmanager). Typ "hulp". Stoppen: Ctrl-C.\n`,
  );
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await playground?.stop();
  await bot.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
playground?.process.once('exit', (code) => {
  if (!stopping) console.error(`De Agents Playground is gestopt (code ${code}); de bot draait door.`);
});
