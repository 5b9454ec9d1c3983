// `npm run gasgrid -- <command>`: imports and exports from the shell, on the configured database.
// With the embedded database, stop the server first: only one process may open DATA_DIR.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, readConfig } from './config';
import { openDatabase, type Database } from './db/index';
import { migrate } from './db/migrate';
import { parseLayout } from './grids/layout';
import { currentVersion, saveLayout, versionLayout } from './grids/layout-service';
import { importHouseholds } from './households/import';
import { exportNetwork, importNetwork } from './network/service';

const USAGE = `usage:
  npm run gasgrid -- import network FILE      replace the network (all or nothing)
  npm run gasgrid -- import households FILE   make the households equal to FILE
  npm run gasgrid -- export network FILE      write the network in the interchange format
  npm run gasgrid -- import grids FILE [NOTE]  save FILE (GeoJSON) as the next grid layout version
  npm run gasgrid -- export grids FILE        write the current grid layout as GeoJSON`;

const actor = { id: null, username: 'cli', ip: null };

function readJsonFile(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: cannot be read`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new Error(`${file}: is not valid JSON (${(err as Error).message})`, { cause: err });
  }
}

async function run(db: Database, args: string[]): Promise<string> {
  const [verb, what, file, note] = args;
  if (!file) throw new Error(USAGE);
  if (verb === 'import' && what === 'network') return JSON.stringify(await importNetwork(db, actor, readJsonFile(file), file));
  if (verb === 'import' && what === 'households') return JSON.stringify(await importHouseholds(db, actor, readJsonFile(file)));
  if (verb === 'export' && what === 'network') {
    writeFileSync(file, JSON.stringify(await exportNetwork(db)));
    return `wrote ${file}`;
  }
  if (verb === 'import' && what === 'grids') {
    const saved = await saveLayout(db, actor, parseLayout(readJsonFile(file)), { baseVersion: await currentVersion(db), note: note ?? `imported from ${file}` });
    return JSON.stringify({ version: saved.version, totals: saved.totals, added: saved.added, removed: saved.removed });
  }
  if (verb === 'export' && what === 'grids') {
    writeFileSync(file, JSON.stringify(await versionLayout(db, await currentVersion(db))));
    return `wrote ${file}`;
  }
  throw new Error(USAGE);
}

async function main(): Promise<number> {
  let db: Database | undefined;
  try {
    const config = readConfig();
    if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
    await migrate(db);
    console.log(await run(db, process.argv.slice(2)));
    return 0;
  } catch (err) {
    console.error(`gasgrid: ${(err as Error).message}`);
    return err instanceof ConfigError ? 2 : 1;
  } finally {
    await db?.close();
  }
}

process.exitCode = await main();
