import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';
import { loadExamples } from '../support/spec-examples';

/** The slippy-map tile holding a point. */
function tileOf(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [z, x, y];
}

describeOnEachDatabase('network vector tiles', ({ db }) => {
  let server: TestServer;
  let dispatcher: Client;
  let mp: { id: string; lon: number; lat: number };
  let lp: { id: string; lon: number; lat: number };
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    dispatcher = await login(server.url, 'dispatcher', TEST_PASSWORD);
    const pick = (pressure: string) =>
      db().query<{ id: string; lon: number; lat: number }>(
        `SELECT id, ST_X(ST_PointN(geom, 1)) AS lon, ST_Y(ST_PointN(geom, 1)) AS lat FROM network_pipes WHERE pressure = $1 ORDER BY id LIMIT 1`,
        [pressure],
      );
    [[mp], [lp]] = await Promise.all([pick('MP'), pick('LP')]);
  });
  afterAll(() => server.close());

  async function tile(z: number, x: number, y: number, who = dispatcher) {
    const res = await fetch(`${server.url}/api/network/tiles/${z}/${x}/${y}.pbf`, { headers: { cookie: who.cookie! } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), tile: new VectorTile(new PbfReader(res.ok ? bytes : new Uint8Array())) };
  }
  const ids = (t: VectorTile, layer: string) => {
    const l = t.layers[layer];
    return l ? Array.from({ length: l.length }, (_, i) => String(l.feature(i).properties.id)) : [];
  };

  it('draws low-pressure pipes and valves close up, with the properties the map styles by', async () => {
    const { status, type, tile: t } = await tile(...tileOf(lp.lon, lp.lat, 16));
    expect(status).toBe(200);
    expect(type).toContain('application/vnd.mapbox-vector-tile');
    expect(ids(t, 'pipes')).toContain(lp.id);
    const pipes = t.layers.pipes;
    const one = Array.from({ length: pipes.length }, (_, i) => pipes.feature(i)).find((f) => f.properties.id === lp.id)!;
    expect(one.properties.pressure).toBe('LP');
    expect(one.toGeoJSON(...tileOf(lp.lon, lp.lat, 16).slice(1) as [number, number], 16).geometry.type).toBe('LineString');
    const kinds = new Set(Array.from({ length: t.layers.nodes?.length ?? 0 }, (_, i) => t.layers.nodes.feature(i).properties.kind));
    expect(kinds.has('junction')).toBe(false);
  });

  it('keeps only the mains and stations far out', async () => {
    const { tile: t } = await tile(...tileOf(mp.lon, mp.lat, 11));
    expect(ids(t, 'pipes')).toContain(mp.id);
    const pipes = t.layers.pipes;
    const pressures = new Set(Array.from({ length: pipes.length }, (_, i) => pipes.feature(i).properties.pressure));
    expect([...pressures]).toEqual(['MP']);
    const kinds = new Set(Array.from({ length: t.layers.nodes?.length ?? 0 }, (_, i) => t.layers.nodes.feature(i).properties.kind));
    expect(kinds.has('valve')).toBe(false);
    expect(kinds.has('service')).toBe(false);
  });

  it('answers an empty tile where there is no network', async () => {
    const { status, tile: t } = await tile(14, 0, 0);
    expect(status).toBe(200);
    expect(ids(t, 'pipes')).toEqual([]);
  });

  it('refuses a tile address that does not exist, and a role that does not read the network', async () => {
    for (const [z, x, y] of [[23, 0, 0], [3, 8, 0], [3, 0, 8]]) expect((await tile(z, x, y)).status).toBe(400);
    const res = await fetch(`${server.url}/api/network/tiles/1/a/0.pbf`, { headers: { cookie: dispatcher.cookie! } });
    expect(res.status).toBe(400);
    const worker = await login(server.url, 'duan-yujie', TEST_PASSWORD);
    expect((await tile(16, 0, 0, worker)).status).toBe(403);
  });

  it('sums the network up for the map: counts and bounding box', async () => {
    const r = await dispatcher.get('/api/network/summary');
    expect(r.status).toBe(200);
    expect(r.body.pipes).toBeGreaterThan(1000);
    const [w, s, e, n] = r.body.bbox;
    expect(w).toBeLessThan(lp.lon);
    expect(e).toBeGreaterThan(lp.lon);
    expect(s).toBeLessThan(lp.lat);
    expect(n).toBeGreaterThan(lp.lat);
  });

  it('keeps a far-out tile once cut, serves it from the database, and never after an import changed the network', async () => {
    const address = tileOf(mp.lon, mp.lat, 11);
    const before = ids((await tile(...address)).tile, 'pipes');
    expect(before).toContain(mp.id);
    const kept = () => db().query<{ generation: number }>('SELECT generation FROM network_tile_cache WHERE z = $1 AND x = $2 AND y = $3', address);
    const [{ generation }] = await kept();
    // Served from the cache: an emptied kept tile comes back empty.
    await db().query(`UPDATE network_tile_cache SET tile = ''::bytea WHERE z = $1 AND x = $2 AND y = $3`, address);
    expect(ids((await tile(...address)).tile, 'pipes')).toEqual([]);
    // Close up nothing is kept.
    await tile(...tileOf(lp.lon, lp.lat, 16));
    expect((await db().query('SELECT count(*)::int n FROM network_tile_cache WHERE z > 14'))[0].n).toBe(0);
    // Another network replaces this one: the tile is cut again from it, and the old kept one is gone.
    const other = loadExamples().find((e) => e.file.startsWith('02'))!.network;
    expect((await dispatcher.post('/api/network/import', other)).status).toBe(200);
    expect(await kept()).toHaveLength(0);
    const after = ids((await tile(...address)).tile, 'pipes');
    const otherIds = new Set((other as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id));
    expect(after.every((id) => otherIds.has(id))).toBe(true);
    expect(after.length).toBeLessThan(before.length);
    // Cut again from the new network and kept under its generation; the emptied old tile was not served.
    expect(await kept()).toEqual([{ generation: generation + 1 }]);
  });
});
