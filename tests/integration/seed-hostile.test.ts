import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { defaultSeedDir, loadPanjiSeed } from '../../server/seed/panji';
import { describeOnEachDatabase } from '../support/databases';

const hostile = "滨河'); DROP TABLE grids; -- <script>alert(1)</script>";

describeOnEachDatabase('GeoJSON properties carrying SQL', ({ db }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gasgrid-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are stored as text, verbatim, and run nothing', async () => {
    cpSync(defaultSeedDir, dir, { recursive: true });
    const file = path.join(dir, 'communities.geojson');
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    fc.features[0].properties.name_zh = hostile;
    fc.features[0].properties.plan_text = "'; DELETE FROM communities; --";
    writeFileSync(file, JSON.stringify(fc));
    await migrate(db());
    expect((await loadPanjiSeed(db(), pathToFileURL(dir + '/'))).loaded).toBe(true);
    const [row] = await db().query<{ name_zh: string; n: number; g: number }>(
      `SELECT name_zh, (SELECT count(*) FROM communities)::int n, (SELECT count(*) FROM grids)::int g FROM communities WHERE id = '1-01'`,
    );
    expect(row).toEqual({ name_zh: hostile, n: 30, g: 4 });
  });
});
