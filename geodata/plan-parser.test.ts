import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommunity, parsePlan } from './plan-parser';

const planCopy = readFileSync(new URL('./panji/plan.zh.txt', import.meta.url), 'utf8');
const shared = new URL('../../shared/seed/grid-management-plan.zh.txt', import.meta.url);

describe('the plan parser', () => {
  const grids = parsePlan(planCopy);

  it('reads four grids with the totals the plan states', () => {
    expect(grids.map((g) => [g.code, g.connected, g.toDevelop])).toEqual([
      ['1', 1453, 1227],
      ['2', 2267, 3030],
      ['3', 2082, 2450],
      ['4', 3562, 962],
    ]);
  });

  it('reads every community of section 七 with its figures', () => {
    expect(grids.map((g) => g.communities.length)).toEqual([10, 12, 6, 2]);
    const grid3 = grids[2].communities;
    expect(grid3.reduce((s, c) => s + c.total, 0)).toBe(4532);
    expect(grid3.reduce((s, c) => s + (c.connected ?? 0), 0)).toBe(2082);
    expect(grids[0].communities[1]).toMatchObject({ name: '中央花园', alias: '杨圩社区', total: 638, connected: 415 });
    expect(grids[0].communities[2]).toMatchObject({ name: '碧海新城1期', total: 477, connected: 338 });
  });

  it('keeps a missing connected figure unknown, not zero', () => {
    expect(parseCommunity('富邦小区 61 户户')).toMatchObject({ name: '富邦小区', total: 61, connected: null });
    expect(parseCommunity('滨海花园 215 户')).toMatchObject({ total: 215, connected: null });
    expect(parseCommunity('袁庄共和城 498 (119)')).toMatchObject({ total: 498, connected: 119 });
  });

  it('refuses a text it cannot read rather than guessing', () => {
    expect(() => parsePlan('no plan here')).toThrow(/section 七/);
    expect(() => parseCommunity('滨河小区')).toThrow(/cannot read/);
  });

  it.skipIf(!existsSync(shared))('uses the same plan text as ../shared/seed', () => {
    expect(planCopy).toBe(readFileSync(shared, 'utf8'));
  });
});

describe('the committed Panji seed', () => {
  const communities = JSON.parse(readFileSync(new URL('./panji/communities.geojson', import.meta.url), 'utf8'));
  const gridsFile = JSON.parse(readFileSync(new URL('./panji/grids.geojson', import.meta.url), 'utf8'));

  it('carries exactly the plan figures of every community and grid', () => {
    const plan = parsePlan(planCopy);
    const expected = plan.flatMap((g) => g.communities.map((c) => [g.code, c.name, c.total, c.connected]));
    const actual = communities.features.map((f: { properties: Record<string, unknown> }) => [
      f.properties.plan_grid,
      f.properties.name_zh,
      f.properties.total_households,
      f.properties.connected_households,
    ]);
    expect(actual).toEqual(expected);
    expect(gridsFile.features.map((f: { properties: Record<string, unknown> }) => [f.properties.code, f.properties.plan_connected, f.properties.plan_to_develop])).toEqual(
      plan.map((g) => [g.code, g.connected, g.toDevelop]),
    );
  });
});
