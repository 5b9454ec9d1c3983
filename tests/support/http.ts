// Serves the real Express app over a real socket for a test file, on a database the test provides.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { Database } from '../../server/db/index';
import type { Readiness } from '../../server/readiness';

export interface TestServer {
  url: string;
  readiness: Readiness;
  logs: string[];
  close(): Promise<void>;
}

export async function serveApp(db: () => Database | undefined, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const readiness: Readiness = { ready: true, failed: false, phase: 'ready', readyMs: 0 };
  const logs: string[] = [];
  const app = createApp({ config: readConfig({ PORT: '0', ...env }), readiness, db, log: (l) => logs.push(l) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    readiness,
    logs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
