// `npm run seed -- --tracks 1000000`: loads the demo catalog into the configured database
// (DATABASE_URL, else PGlite under DATA_DIR). Re-running only adds what is missing.
import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { InvalidEnvironmentError, loadEnv } from '../../config/env';
import { createDataSource } from '../data-source';
import { catalogSize } from './catalog-generator';
import { seedCatalog } from './catalog-loader';

const USAGE = `Usage: node dist/src/database/seeds/seed.cli.js [--tracks N] [--seed N] [--anchor-date YYYY-MM-DD]

  --tracks N               catalog size in tracks (default 100000; 0 loads reference data only)
  --seed N                 generator seed (default 1): same seed and size, same catalog
  --anchor-date YYYY-MM-DD the catalog's "today"; release dates end there (default 2026-11-01)`;

const MAX_TRACKS = 50_000_000;

class UsageError extends Error {}

function parseCount(name: string, value: string, max: number): number {
  const digits = value.replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits) || Number(digits) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max.toLocaleString('en')} (got "${value}")`);
  return Number(digits);
}

function parseOptions(argv: string[]): { tracks: number; seed?: number; anchorDate?: string } {
  const parse = () =>
    parseArgs({
      args: argv,
      options: {
        tracks: { type: 'string', default: '100000' },
        seed: { type: 'string' },
        'anchor-date': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  let values: ReturnType<typeof parse>;
  try {
    values = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const anchorDate = values['anchor-date'];
  if (anchorDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(anchorDate) || Number.isNaN(Date.parse(anchorDate)))) {
    throw new UsageError(`--anchor-date must be a date such as 2026-11-01 (got "${anchorDate}")`);
  }
  return {
    tracks: parseCount('tracks', values.tracks, MAX_TRACKS),
    seed: values.seed === undefined ? undefined : parseCount('seed', values.seed, 0xffffffff),
    anchorDate,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const env = loadEnv();
  const dataSource = createDataSource(env);
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite (${env.DATA_DIR})`;
  console.error(`Seeding ${catalogSize(options.tracks).toLocaleString('en')} tracks into ${where}…`);
  await dataSource.initialize(); // runs pending migrations
  const bar = new SingleBar(
    { stream: process.stderr, format: '  {bar} {percentage}% | {value}/{total} tracks | {duration}s | ETA {eta}s', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(catalogSize(options.tracks), 0);
  try {
    const result = await seedCatalog(dataSource, {
      ...options,
      publicUrl: env.PUBLIC_URL,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    const { counts, inserted } = result;
    const [extra] = await dataSource.query<{ audio_features: number; genres: number; categories: number; markets: number }[]>(
      `SELECT (SELECT count(*) FROM audio_features)::int AS audio_features, (SELECT count(*) FROM genres)::int AS genres,
              (SELECT count(*) FROM categories)::int AS categories, (SELECT count(*) FROM markets)::int AS markets`,
    );
    const n = (value: number) => value.toLocaleString('en');
    console.log(`Catalog: ${n(counts.artists)} artists, ${n(counts.albums)} albums, ${n(counts.tracks)} tracks, ${n(extra.audio_features)} audio features`);
    console.log(`Reference data: ${n(extra.genres)} genres, ${n(extra.categories)} categories, ${n(extra.markets)} markets`);
    console.log(`Added ${n(inserted.artists)} artists, ${n(inserted.albums)} albums, ${n(inserted.tracks)} tracks in ${result.seconds.toFixed(1)} s`);
  } finally {
    bar.stop();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
