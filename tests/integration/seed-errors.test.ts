import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { defaultSeedDir, loadPanjiSeed } from '../../server/seed/panji';
import { describeOnEachDatabase } from '../support/databases';

type Json = { features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };
const dirs: string[] = [];

/** A copy of the seed with one file changed by `edit`. */
function seedWith(file: string, edit: (content: string) => string): URL {
  const dir = mkdtempSync(path.join(tmpdir(), 'gasgrid-seed-'));
  dirs.push(dir);
  cpSync(defaultSeedDir, dir, { recursive: true });
  const p = path.join(dir, file);
  writeFileSync(p, edit(readFileSync(p, 'utf8')));
  return pathToFileURL(dir + '/');
}

const editJson = (fn: (j: Json) => void) => (content: string) => {
  const j = JSON.parse(content) as Json;
  fn(j);
  return JSON.stringify(j);
};

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describeOnEachDatabase('a bad seed file', ({ db }) => {
  beforeAll(async () => {
    await migrate(db());
  });

  async function expectRefused(dir: URL, message: RegExp): Promise<void> {
    await expect(loadPanjiSeed(db(), dir)).rejects.toThrow(message);
    const [n] = await db().query<{ grids: number; roads: number; meta: number }>(
      `SELECT (SELECT count(*) FROM grids)::int grids, (SELECT count(*) FROM roads)::int roads, (SELECT count(*) FROM app_meta)::int meta`,
    );
    expect(n).toEqual({ grids: 0, roads: 0, meta: 0 });
  }

  it('that is not JSON stops the load, naming the file', async () => {
    await expectRefused(seedWith('grids.geojson', (c) => c.slice(0, 100)), /^grids\.geojson: is not valid JSON/);
  });

  it('with a self-intersecting community names it with the PostGIS reason', async () => {
    const bowtie = [[[116.81, 32.78], [116.812, 32.782], [116.812, 32.78], [116.81, 32.782], [116.81, 32.78]]];
    const dir = seedWith('communities.geojson', editJson((j) => (j.features[0].geometry.coordinates = bowtie)));
    await expectRefused(dir, /communities\.geojson: feature "1-01": invalid geometry: Self-intersection/);
  });

  it('with a wrong geometry type names the feature', async () => {
    const dir = seedWith('roads.geojson', editJson((j) => (j.features[1].geometry = { type: 'Point', coordinates: [116.8, 32.7] })));
    await expectRefused(dir, /roads\.geojson: feature "kongli": geometry must be LineString, not Point/);
  });

  it('with a missing property names it', async () => {
    const dir = seedWith('communities.geojson', editJson((j) => delete j.features[3].properties.total_households));
    await expectRefused(dir, /communities\.geojson: feature "1-04": total_households/);
  });

  it('that leaves part of the service area in no grid is refused', async () => {
    const dir = seedWith('grids.geojson', editJson((j) => j.features.pop()));
    await expectRefused(dir, /grids\.geojson: feature \(layout\): gap of \d+/);
  });

  it('with overlapping grids names both', async () => {
    const dir = seedWith('grids.geojson', editJson((j) => (j.features[1].geometry = j.features[0].geometry)));
    await expectRefused(dir, /grids\.geojson: .*"1" and "2": overlap/);
  });

  it('with a duplicate id is refused with the constraint', async () => {
    const dir = seedWith('communities.geojson', editJson((j) => (j.features[1].properties.id = j.features[0].properties.id)));
    await expectRefused(dir, /communities\.geojson: duplicate key/);
  });

  it('with a community outside every grid names it', async () => {
    const far = [[[117.5, 33.5], [117.501, 33.5], [117.501, 33.501], [117.5, 33.501], [117.5, 33.5]]];
    const dir = seedWith('communities.geojson', editJson((j) => (j.features[4].geometry.coordinates = far)));
    await expectRefused(dir, /communities\.geojson: feature "1-05": lies in no grid/);
  });

  it('after all that, the good seed still loads', async () => {
    expect((await loadPanjiSeed(db())).loaded).toBe(true);
  });
});
