import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
  it('has defaults for a newcomer: port 3000, embedded data in ./data, the Panji seed', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, seed: 'panji', tiandituKey: undefined, basemapStyleUrl: undefined });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it('reads every variable', () => {
    const c = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@localhost/db',
      DATA_DIR: '/tmp/x',
      SEED: 'none',
      ADMIN_PASSWORD: 'long enough',
      TIANDITU_KEY: 'abcdef0123456789abcdef0123456789',
      BASEMAP_STYLE_URL: 'https://example.org/style.json',
    });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@localhost/db', dataDir: '/tmp/x', seed: 'none' });
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SEED', 'shanghai'],
    ['DATABASE_URL', 'mysql://x'],
    ['ADMIN_PASSWORD', 'short'],
    ['TIANDITU_KEY', 'not a key!'],
    ['BASEMAP_STYLE_URL', 'file:///etc/passwd'],
  ])('refuses %s=%s and names it', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('never puts a connection string into its message', () => {
    try {
      readConfig({ DATABASE_URL: 'mysql://user:secret@host/db', PORT: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });
});
