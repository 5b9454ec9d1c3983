// Reads the grid map: grids with figures, one grid's communities and responsibility chain, the reconciliation list.
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { notFound } from '../errors';
import type { ReconciliationRow } from '../../common/api-types';

const sql = {
  grids: sqlFile(import.meta.url, 'grids.sql'),
  communities: sqlFile(import.meta.url, 'grid-communities.sql'),
  chain: sqlFile(import.meta.url, 'grid-chain.sql'),
  reconciliation: sqlFile(import.meta.url, 'reconciliation.sql'),
};

export interface FeatureCollectionJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string; geometry: unknown; properties: Record<string, unknown> }[];
}

export async function listGrids(db: Queryable): Promise<FeatureCollectionJson> {
  const [row] = await db.query<{ fc: FeatureCollectionJson }>(sql.grids, [null]);
  return row.fc;
}


/** One grid as a Feature, with its communities and its three-level responsibility chain. */
export async function getGrid(db: Queryable, code: string) {
  const [row] = await db.query<{ fc: FeatureCollectionJson }>(sql.grids, [code]);
  const feature = row.fc.features[0];
  if (!feature) throw notFound(`no grid with code "${code}"`);
  const [communities, chain, reconciliation] = await Promise.all([
    db.query(sql.communities, [code]),
    db.query(sql.chain, [code]),
    db.query<ReconciliationRow & Record<string, unknown>>(sql.reconciliation),
  ]);
  feature.properties.communities = communities;
  feature.properties.responsibility = chain;
  feature.properties.discrepancies = reconciliation.filter((r) => r.grid === code);
  return feature;
}

export async function reconciliation(db: Queryable): Promise<ReconciliationRow[]> {
  return db.query<ReconciliationRow & Record<string, unknown>>(sql.reconciliation);
}
