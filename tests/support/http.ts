// Serves the real Express app over a real socket for a test file, and speaks to it as a browser would.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { readConfig } from '../../server/config';
import type { Database, Queryable } from '../../server/db/index';
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
  // Longer than the client's idle keep-alive, so a reused socket is never closed under a request.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    readiness,
    logs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on changes. */
export class Client {
  constructor(
    readonly base: string,
    public cookie: string | null = null,
    public csrf: string | null = null,
  ) {}

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0].endsWith('=') ? null : set.split(';')[0];
    const text = await res.text();
    let parsed: Json;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
}

/** Logs in and returns a client holding the session; throws with the answer when login fails. */
export async function login(base: string, username: string, password: string): Promise<Client> {
  const c = new Client(base);
  const r = await c.post('/api/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const me = await c.get('/api/auth/me');
  c.csrf = me.body.csrfToken;
  return c;
}

export const TEST_PASSWORD = 'correct horse battery';

/** Gives seeded accounts a known password (as an admin reset would, without the forced change). */
export async function setPasswords(db: Queryable, usernames: string[], password = TEST_PASSWORD): Promise<void> {
  const hash = await hashPassword(password);
  await db.query('UPDATE users SET password_hash = $1, must_change_password = false WHERE username = ANY($2::text[])', [hash, usernames]);
}
