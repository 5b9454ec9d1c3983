import { expect, it } from 'vitest';
import { migrate, readMigrations } from '../../server/db/migrate';
import { describeOnEachDatabase } from '../support/databases';

describeOnEachDatabase('migrations', ({ db }) => {
  it('apply every numbered file once and record it', async () => {
    const migrations = readMigrations();
    expect(await migrate(db())).toBe(migrations.length);
    const rows = await db().query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    const [postgis] = await db().query<{ v: string }>('SELECT postgis_lib_version() v');
    expect(postgis.v).toMatch(/^3\./);
  });

  it('are idempotent: a second run changes nothing', async () => {
    await migrate(db());
    const [count] = await db().query<{ n: number }>('SELECT count(*)::int n FROM schema_migrations');
    expect(count.n).toBe(readMigrations().length);
  });

  it('refuse a migration changed after it was applied', async () => {
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db(), changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it('roll back a failing migration as a whole', async () => {
    const broken = [...readMigrations()];
    broken.push({ version: broken.length + 1, name: 'broken', checksum: 'x', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' });
    await expect(migrate(db(), broken)).rejects.toThrow();
    const [t] = await db().query<{ t: string | null }>(`SELECT to_regclass('half_done')::text t`);
    expect(t.t).toBeNull();
  });
});
