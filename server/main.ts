// The command `npm start` runs: read the configuration, start, and exit non-zero with a clear message on failure.
import { ConfigError, readConfig } from './config';
import { startServer } from './start';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gasgrid: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const running = await startServer(config, console.log, { demo: process.argv.includes('--demo') });
  try {
    await running.ready;
  } catch (err) {
    console.error(`gasgrid: start-up failed: ${(err as Error).message}`);
    process.exit(1);
  }
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
