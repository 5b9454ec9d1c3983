// Builds the client once before the browser tests, so they always test the current code.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
