import { afterEach, describe, expect, it } from 'vitest';
import { serveApp, type TestServer } from '../../tests/support/http';
import { basemapOf } from './routes';

const key = 'abcdef0123456789abcdef0123456789';

describe('basemap choice', () => {
  it('is offline without configuration', () => {
    expect(basemapOf({ tiandituKey: undefined, basemapStyleUrl: undefined })).toEqual({ kind: 'none' });
  });
  it('switches on Tianditu with TIANDITU_KEY', () => {
    expect(basemapOf({ tiandituKey: key, basemapStyleUrl: undefined })).toEqual({ kind: 'tianditu', key });
  });
  it('takes any MapLibre style with BASEMAP_STYLE_URL, over Tianditu', () => {
    expect(basemapOf({ tiandituKey: key, basemapStyleUrl: 'https://example.org/style.json' })).toEqual({ kind: 'style', url: 'https://example.org/style.json' });
  });
});

// The Content-Security-Policy is set on every answer, so a database is not needed to read it.
describe('Content-Security-Policy for the basemap', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const csp = async (env: NodeJS.ProcessEnv) => {
    server = await serveApp(() => undefined, env);
    return (await fetch(server.url + '/api/health')).headers.get('content-security-policy') ?? '';
  };

  it('lets MapLibre run its workers and allows no foreign host when offline', async () => {
    const policy = await csp({});
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('https:');
  });
  it('allows only Tianditu hosts with TIANDITU_KEY', async () => {
    expect(await csp({ TIANDITU_KEY: key })).toContain('https://*.tianditu.gov.cn');
  });
});
