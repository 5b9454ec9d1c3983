import { afterEach, expect, it, describe } from 'vitest';
import { serveApp, type TestServer } from '../support/http';

// The basemap choice and its CSP need no database: map config is answered from configuration alone.
describe('basemap configuration', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const configWith = async (env: NodeJS.ProcessEnv) => {
    server = await serveApp(() => undefined, env);
    const res = await fetch(server.url + '/api/map/config');
    return { body: await res.json(), csp: res.headers.get('content-security-policy') ?? '' };
  };

  it('switches on Tianditu with TIANDITU_KEY and allows only its hosts', async () => {
    const { body, csp } = await configWith({ TIANDITU_KEY: 'abcdef0123456789abcdef0123456789' });
    expect(body.basemap).toEqual({ kind: 'tianditu', key: 'abcdef0123456789abcdef0123456789' });
    expect(csp).toContain('https://*.tianditu.gov.cn');
  });

  it('takes any MapLibre style with BASEMAP_STYLE_URL, over Tianditu', async () => {
    const { body } = await configWith({ TIANDITU_KEY: 'abcdef0123456789abcdef0123456789', BASEMAP_STYLE_URL: 'https://example.org/style.json' });
    expect(body.basemap).toEqual({ kind: 'style', url: 'https://example.org/style.json' });
  });
});
