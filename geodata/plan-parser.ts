// Parses section 七 of the company's grid plan into figures, keeping each figure's own words.
export interface PlanCommunity {
  /** Name as the plan writes it, white space removed (PDF extraction splits words). */
  name: string;
  /** The name in brackets after it, e.g. 中央花园（杨圩社区）. */
  alias: string | null;
  total: number;
  /** Connected (通气) households in brackets; null where the plan gives none. */
  connected: number | null;
  /** The plan's own words for this community. */
  text: string;
}

export interface PlanGrid {
  code: string;
  /** The plan's description of the area, e.g. 黄河路以北，武夷山路以西区域. */
  area: string;
  communities: PlanCommunity[];
  /** The grid totals as the plan states them (may disagree with the community figures). */
  connected: number;
  toDevelop: number;
  text: string;
}

/** Full-width punctuation of the original, folded to ASCII so one pattern reads every grid. */
function foldPunctuation(s: string): string {
  return s
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/\u00a0/g, ' ');
}

const gridLine =
  /^网格\s*(\d+)\s*:\s*(.+?区域)\s*。\s*主要包含(.+?)(?:等小区)?\s*,\s*其中通气\s*(\d+)\s*户\s*,\s*待开发\s*(\d+)\s*户/;
const communityItem = /^(.+?)(?:\(([^()]+)\))?\s*(\d+)\s*(?:\((\d+)\))?\s*户*$/;

export function parseCommunity(item: string): PlanCommunity {
  const text = item.trim();
  const m = communityItem.exec(text);
  if (!m) throw new Error(`plan: cannot read community figures in "${text}"`);
  return {
    name: m[1].replace(/\s+/g, ''),
    alias: m[2] ? m[2].trim() : null,
    total: Number(m[3]),
    connected: m[4] === undefined ? null : Number(m[4]),
    text,
  };
}

/** Reads every "网格 N: …" paragraph of section 七. Throws if a grid line cannot be read. */
export function parsePlan(planText: string): PlanGrid[] {
  const start = planText.indexOf('七、网格区域划分');
  if (start < 0) throw new Error('plan: section 七、网格区域划分 not found');
  const grids: PlanGrid[] = [];
  for (const raw of planText.slice(start).split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('网格')) continue;
    const m = gridLine.exec(foldPunctuation(line));
    if (!m) throw new Error(`plan: cannot read grid line "${line.slice(0, 40)}…"`);
    grids.push({
      code: m[1],
      area: m[2].replace(/\s+/g, '').replace(/,/g, '，'),
      communities: m[3].split('、').map(parseCommunity),
      connected: Number(m[4]),
      toDevelop: Number(m[5]),
      text: line,
    });
  }
  if (grids.length === 0) throw new Error('plan: no grid paragraphs in section 七');
  return grids;
}
