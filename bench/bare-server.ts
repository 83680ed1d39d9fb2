// The baseline for bench/catalog.ts: bare Fastify + pg running the gateway's own track query (the same
// prepared statement), with no
// auth, validation, presenter, logging or metrics. Run as a child process by the benchmark.
import Fastify from 'fastify';
import { Pool } from 'pg';
import { TRACKS_BY_IDS_SQL } from '../src/catalog/catalog.reader';
import { POSTGRES_SESSION_OPTIONS } from '../src/database/data-source';
import { statementName } from '../src/database/sql-runner';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 20),
  options: POSTGRES_SESSION_OPTIONS,
});
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/v1/tracks/:id', async (request, reply) => {
  const { rows } = await pool.query({ name: statementName(TRACKS_BY_IDS_SQL), text: TRACKS_BY_IDS_SQL, values: [[request.params.id]] });
  if (!rows.length) return reply.code(404).send({ error: { status: 404, message: 'Track not found' } });
  return rows[0];
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => process.send?.('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
