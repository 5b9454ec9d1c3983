// The contract's example networks (../shared/spec/examples), read where CI and sessions keep shared/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExampleCase {
  pipes: string[];
  assumeInoperable?: string[];
  expect: Record<string, string[]> & { households: string[] };
}

export interface Example {
  file: string;
  title: string;
  network: unknown;
  households: { type: 'FeatureCollection'; features: { properties: { id: string; service?: string } }[] };
  cases: ExampleCase[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
export const examplesDir = [process.env.GASGRID_SPEC_DIR, path.join(root, '../shared/spec/examples')].find((d) => d && existsSync(d));

export function loadExamples(): Example[] {
  if (!examplesDir) throw new Error('spec examples not found: set GASGRID_SPEC_DIR or keep shared/ beside the repository');
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(path.join(examplesDir!, file), 'utf8')) }));
}

export const ANSWER_LISTS = [
  'valvesToClose', 'valvesNotNeeded', 'alreadyClosed', 'inoperableValves', 'regulatorsToShut',
  'sourcesToShut', 'regulatorsAffected', 'isolatedPipes', 'unsuppliedPipes',
] as const;
