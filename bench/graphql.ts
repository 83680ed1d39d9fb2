// GraphQL against REST for the same data: `npm run bench:graphql -- [--seconds 2] [--connections 50] [--rounds 30] [--tracks 20000]`.
// One gateway (bench/gateway.ts, the real bearer guard, a listener's token) serves both APIs, and two
// workloads compare them:
// - a track by id: GET /v1/tracks/{id} against POST /graphql `track(id)` with the album and artists,
//   cycling through the same 1,000 track ids;
// - a page of a playlist with nested track, album and artists: GET /v1/playlists/{id}/items?limit=50
//   against `playlist(id) { items(first: 50, after) }`, cycling through the four pages of a 200-track
//   playlist of the listener's (made by the bench through REST if the listener has none yet).
// The machine's speed drifts by ±10 % from one second to the next (shared cores), so, as in
// bench/rate-limit.ts, the runs are many short turns: in each round every workload runs 2 s on each API,
// the two APIs of a workload back to back, and which goes first changes from round to round. Each round's
// GraphQL throughput is divided by the same round's REST throughput; the median of those per-round ratios
// is the result. With taskset (Linux, ≥ 2 CPUs) the gateway runs on CPU 1 and this process (autocannon) on CPU 0.
// Before measuring, one answer of each kind is checked against REST's (HTTP 200, no `errors`, the same
// tracks in the same order, the same field values); under load every GraphQL answer is checked for `errors`.
// PostgreSQL: DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/bb_graphql (created, and seeded
// by the gateway, if missing).
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Child, cpuMs, devToken, ensureDatabase, load, LoadResult, median, pin, quartiles, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '30' },
    tracks: { type: 'string', default: '20000' },
  },
});

const GATEWAY = join(__dirname, 'gateway.js');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/bb_graphql';
const SCOPES = 'playlist-read-private playlist-modify-public playlist-modify-private';
const PLAYLIST_NAME = 'GraphQL bench';
const PLAYLIST_TRACKS = 200;
const PAGE = 50;
const OFFSETS = [0, 50, 100, 150];
/** The GraphQL/REST throughput ratio the issue asks for. */
const TARGET = 0.7;

const TRACK_QUERY =
  'query($id: ID!){ track(id: $id) { id name uri durationMs explicit trackNumber discNumber previewUrl popularity ' +
  'album { id name uri albumType releaseDate releaseDatePrecision totalTracks images { url height width } } artists { id name uri } } }';
const PLAYLIST_QUERY =
  'query($id: ID!, $after: String){ playlist(id: $id) { items(first: 50, after: $after) { nodes { addedAt isLocal ' +
  'track { id name uri durationMs popularity album { id name uri images { url } } artists { id name uri } } } } } }';

type Workload = 'track by id' | 'playlist page';
type Api = 'REST' | 'GraphQL';
const WORKLOADS: Workload[] = ['track by id', 'playlist page'];

const pct = (share: number) => `${Math.round(share * 100)} %`;
/** The opaque cursor of the node at `offset` (src/graphql/connection.ts): `after` it comes offset + 1. */
const cursorAt = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** A request's answer, parsed, with its size; throws unless it is 2xx. */
async function call(base: string, path: string, init: RequestInit): Promise<{ body: any; bytes: number }> {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return { body: text ? JSON.parse(text) : null, bytes: Buffer.byteLength(text) };
}

/** A GraphQL answer's data; throws on anything but HTTP 200 without `errors`. */
async function graphql(base: string, headers: Record<string, string>, body: string): Promise<{ data: any; bytes: number }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /graphql answered ${response.status}: ${text.slice(0, 1000)}\nfor ${body}`);
  const parsed = JSON.parse(text) as { data?: any; errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`POST /graphql answered with errors: ${JSON.stringify(parsed.errors).slice(0, 2000)}\nfor ${body}`);
  if (!parsed.data) throw new Error(`POST /graphql answered without data: ${text.slice(0, 1000)}`);
  return { data: parsed.data, bytes: Buffer.byteLength(text) };
}

/** Where a GraphQL track and a REST track disagree, as "field: REST ≠ GraphQL" lines. */
function differences(rest: any, gql: any, where: string, fields: 'track' | 'playlist'): string[] {
  const out: string[] = [];
  const same = (name: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${where} ${name}: REST ${JSON.stringify(a)} ≠ GraphQL ${JSON.stringify(b)}`);
  };
  same('id', rest.id, gql.id);
  same('name', rest.name, gql.name);
  same('uri', rest.uri, gql.uri);
  same('durationMs', rest.duration_ms, gql.durationMs);
  same('popularity', rest.popularity, gql.popularity);
  same('album.id', rest.album.id, gql.album.id);
  same('album.name', rest.album.name, gql.album.name);
  same('album.uri', rest.album.uri, gql.album.uri);
  same(
    'artists',
    rest.artists.map((a: any) => [a.id, a.name, a.uri]),
    gql.artists.map((a: any) => [a.id, a.name, a.uri]),
  );
  if (fields === 'track') {
    same('explicit', rest.explicit, gql.explicit);
    same('trackNumber', rest.track_number, gql.trackNumber);
    same('discNumber', rest.disc_number, gql.discNumber);
    same('previewUrl', rest.preview_url, gql.previewUrl);
    same('album.albumType', rest.album.album_type, gql.album.albumType);
    same('album.releaseDate', rest.album.release_date, gql.album.releaseDate);
    same('album.releaseDatePrecision', rest.album.release_date_precision, gql.album.releaseDatePrecision);
    same('album.totalTracks', rest.album.total_tracks, gql.album.totalTracks);
    same(
      'album.images',
      rest.album.images.map((i: any) => [i.url, i.height, i.width]),
      gql.album.images.map((i: any) => [i.url, i.height, i.width]),
    );
  } else {
    same(
      'album.images',
      rest.album.images.map((i: any) => i.url),
      gql.album.images.map((i: any) => i.url),
    );
  }
  return out;
}

/** The listener's 200-track bench playlist: the one made by an earlier run, else a new one, through REST. */
async function benchPlaylist(base: string, headers: Record<string, string>, trackIds: string[]): Promise<string> {
  const mine = await call(base, '/v1/me/playlists?limit=50', { headers });
  const found = (mine.body.items as any[]).find((p) => p.name === PLAYLIST_NAME && p.items.total === PLAYLIST_TRACKS);
  if (found) return found.id as string;
  const json = { ...headers, 'content-type': 'application/json' };
  const created = await call(base, '/v1/me/playlists', { method: 'POST', headers: json, body: JSON.stringify({ name: PLAYLIST_NAME, public: true }) });
  const id = created.body.id as string;
  // The URIs the gateway gives out (its URI_SCHEME), 100 a request.
  const scheme = ((await call(base, `/v1/tracks/${trackIds[0]}`, { headers })).body.uri as string).split(':')[0];
  const uris = trackIds.slice(0, PLAYLIST_TRACKS).map((t) => `${scheme}:track:${t}`);
  for (let i = 0; i < uris.length; i += 100) {
    await call(base, `/v1/playlists/${id}/items`, { method: 'POST', headers: json, body: JSON.stringify({ uris: uris.slice(i, i + 100) }) });
  }
  return id;
}

interface Variant {
  workload: Workload;
  api: Api;
  paths: string[];
  bodies?: string[];
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  verifyBody?: (body: string) => boolean;
  discardBodies?: boolean;
}

async function main(): Promise<void> {
  const [seconds, connections, rounds] = [Number(values.seconds), Number(values.connections), Number(values.rounds)];
  await ensureDatabase(DATABASE_URL);
  let gateway: Child | undefined;
  const db = new Client({ connectionString: DATABASE_URL });
  try {
    gateway = await startServer(
      GATEWAY,
      {
        DATABASE_URL,
        SEED_TRACKS: values.tracks,
        PORT: '3941',
        NODE_ENV: 'production',
        DEV_TOKENS: 'true',
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: 'info',
        REDIS_URL: '',
      },
      '/health/ready',
    );
    const base = gateway.url;
    const auth = { authorization: `Bearer ${await devToken(base, SCOPES)}` };
    const gqlHeaders = { ...auth, 'content-type': 'application/json' };
    await db.connect();
    const [{ count: tracks }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM tracks')).rows;
    const ids = (await db.query<{ id: string }>('SELECT id FROM tracks ORDER BY md5(id) LIMIT 1000')).rows.map((r) => r.id);
    const playlistId = await benchPlaylist(base, auth, ids);

    // The same data both ways, before anything is measured.
    const problems: string[] = [];
    const sizes: Record<string, number[]> = { 'track by id REST': [], 'track by id GraphQL': [], 'playlist page REST': [], 'playlist page GraphQL': [] };
    for (const id of ids.slice(0, 20)) {
      const rest = await call(base, `/v1/tracks/${id}`, { headers: auth });
      const gql = await graphql(base, gqlHeaders, JSON.stringify({ query: TRACK_QUERY, variables: { id } }));
      sizes['track by id REST'].push(rest.bytes);
      sizes['track by id GraphQL'].push(gql.bytes);
      if (!gql.data.track) throw new Error(`GraphQL track(id: ${id}) is null`);
      problems.push(...differences(rest.body, gql.data.track, `track ${id}`, 'track'));
    }
    for (const offset of OFFSETS) {
      const rest = await call(base, `/v1/playlists/${playlistId}/items?limit=${PAGE}&offset=${offset}`, { headers: auth });
      const variables = offset ? { id: playlistId, after: cursorAt(offset - 1) } : { id: playlistId };
      const gql = await graphql(base, gqlHeaders, JSON.stringify({ query: PLAYLIST_QUERY, variables }));
      sizes['playlist page REST'].push(rest.bytes);
      sizes['playlist page GraphQL'].push(gql.bytes);
      const restItems = rest.body.items as any[];
      const nodes = gql.data.playlist?.items?.nodes as any[] | undefined;
      if (!nodes) throw new Error(`GraphQL playlist(id: ${playlistId}).items has no nodes: ${JSON.stringify(gql.data).slice(0, 500)}`);
      if (restItems.length !== PAGE || nodes.length !== restItems.length) {
        throw new Error(`playlist page at offset ${offset}: REST has ${restItems.length} items, GraphQL ${nodes.length} nodes (expected ${PAGE})`);
      }
      restItems.forEach((item, i) => {
        const where = `playlist offset ${offset + i}`;
        if (item.added_at !== undefined && Date.parse(item.added_at) !== Date.parse(nodes[i].addedAt)) {
          problems.push(`${where} addedAt: REST ${item.added_at} ≠ GraphQL ${nodes[i].addedAt}`);
        }
        if (item.is_local !== nodes[i].isLocal) problems.push(`${where} isLocal: REST ${item.is_local} ≠ GraphQL ${nodes[i].isLocal}`);
        problems.push(...differences(item.track, nodes[i].track, where, 'playlist'));
      });
    }
    if (problems.length) throw new Error(`GraphQL and REST disagree (${problems.length}):\n${problems.slice(0, 30).join('\n')}`);
    const averageBytes = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Math.round(v.reduce((a, b) => a + b, 0) / v.length)]));

    // Under load, every GraphQL answer is checked for errors (a failed GraphQL query still answers 200).
    // REST's answers are counted by status only, and autocannon keeps no body of theirs: a REST page is
    // 385 kB, and decoding it into a string took autocannon more CPU than the gateway took to send it.
    const gqlOk = (body: string) => body.startsWith('{') && body.includes('"data":{') && !body.includes('"errors":');
    const variants: Variant[] = [
      { workload: 'track by id', api: 'REST', paths: ids.map((id) => `/v1/tracks/${id}`), method: 'GET', headers: auth, discardBodies: true },
      {
        workload: 'track by id',
        api: 'GraphQL',
        paths: ['/graphql'],
        bodies: ids.map((id) => JSON.stringify({ query: TRACK_QUERY, variables: { id } })),
        method: 'POST',
        headers: gqlHeaders,
        verifyBody: gqlOk,
      },
      {
        workload: 'playlist page',
        api: 'REST',
        paths: OFFSETS.map((offset) => `/v1/playlists/${playlistId}/items?limit=${PAGE}&offset=${offset}`),
        method: 'GET',
        headers: auth,
        discardBodies: true,
      },
      {
        workload: 'playlist page',
        api: 'GraphQL',
        paths: ['/graphql'],
        bodies: OFFSETS.map((offset) => JSON.stringify({ query: PLAYLIST_QUERY, variables: offset ? { id: playlistId, after: cursorAt(offset - 1) } : { id: playlistId } })),
        method: 'POST',
        headers: gqlHeaders,
        verifyBody: gqlOk,
      },
    ];
    const variant = (workload: Workload, api: Api) => variants.find((v) => v.workload === workload && v.api === api)!;
    const run = (v: Variant, name: string, runSeconds: number) =>
      load(name, base, v.paths, { connections, seconds: runSeconds, headers: v.headers, method: v.method, bodies: v.bodies, verifyBody: v.verifyBody, discardBodies: v.discardBodies });

    const pinned = pin(gateway.process.pid!, 1) && pin(process.pid, 0);
    for (const v of variants) await run(v, 'warm-up', 5);
    const pid = gateway.process.pid;
    const runs: (LoadResult & { round: number; workload: Workload; api: Api; gatewayCpuUsPerRequest: number; gatewayBusy: number; autocannonBusy: number })[] = [];
    const ofRound = (workload: Workload, api: Api, round: number) => runs.find((r) => r.round === round && r.workload === workload && r.api === api)!;
    for (let round = 0; round < rounds; round++) {
      // The two APIs of a workload run back to back; which goes first flips every round, and which
      // workload goes first every other round, so that no run always takes the same place.
      const workloads = Math.floor(round / 2) % 2 ? [...WORKLOADS].reverse() : WORKLOADS;
      const apis: Api[] = round % 2 ? ['GraphQL', 'REST'] : ['REST', 'GraphQL'];
      for (const workload of workloads) {
        for (const api of apis) {
          const [cpu0, own0, started] = [cpuMs(pid), process.cpuUsage(), performance.now()];
          const result = await run(variant(workload, api), `${workload}, ${api}`, seconds);
          const [cpu1, own1, wall] = [cpuMs(pid), process.cpuUsage(own0), performance.now() - started];
          runs.push({
            ...result,
            round,
            workload,
            api,
            gatewayCpuUsPerRequest: ((cpu1 - cpu0) * 1000) / (result.requestsPerSecond * seconds),
            // How busy each side was: a side near 1 is what limits the run.
            gatewayBusy: (cpu1 - cpu0) / wall,
            autocannonBusy: (own1.user + own1.system) / 1000 / wall,
          });
        }
      }
      const line = WORKLOADS.map((w) => `${w}: REST ${Math.round(ofRound(w, 'REST', round).requestsPerSecond)}, GraphQL ${Math.round(ofRound(w, 'GraphQL', round).requestsPerSecond)}`);
      console.error(`round ${round + 1}/${rounds}: ${line.join('; ')} req/s`);
    }

    const own = (workload: Workload, api: Api) => runs.filter((r) => r.workload === workload && r.api === api);
    const summary = WORKLOADS.map((workload) => {
      // Each round's GraphQL throughput over the same round's REST throughput: drift between rounds cancels.
      const ratios = Array.from({ length: rounds }, (_, round) => ofRound(workload, 'GraphQL', round).requestsPerSecond / ofRound(workload, 'REST', round).requestsPerSecond);
      const cpuRatios = Array.from(
        { length: rounds },
        (_, round) => ofRound(workload, 'GraphQL', round).gatewayCpuUsPerRequest / ofRound(workload, 'REST', round).gatewayCpuUsPerRequest,
      );
      const of = (api: Api) => ({
        medianRequestsPerSecond: median(own(workload, api).map((r) => r.requestsPerSecond)),
        medianP50: median(own(workload, api).map((r) => r.p50)),
        medianP99: median(own(workload, api).map((r) => r.p99)),
        gatewayCpuUsPerRequest: median(own(workload, api).map((r) => r.gatewayCpuUsPerRequest)),
        gatewayBusy: median(own(workload, api).map((r) => r.gatewayBusy)),
        autocannonBusy: median(own(workload, api).map((r) => r.autocannonBusy)),
        averageBytes: averageBytes[`${workload} ${api}`],
      });
      const ratio = median(ratios);
      return {
        workload,
        rest: of('REST'),
        graphql: of('GraphQL'),
        ratio,
        ratioQuartiles: quartiles(ratios),
        cpuRatio: median(cpuRatios),
        met: ratio >= TARGET,
        ratios,
      };
    });
    const bad = runs.reduce((sum, r) => sum + r.errors + r.non2xx + r.mismatches, 0);
    const file = saveResults('graphql', {
      date: new Date().toISOString(),
      database: 'PostgreSQL',
      tracks,
      connections,
      seconds,
      rounds,
      pinned,
      playlistId,
      target: TARGET,
      queries: { track: TRACK_QUERY, playlist: PLAYLIST_QUERY },
      runs,
      summary,
    });

    console.log(
      `\nGraphQL against REST on PostgreSQL (${tracks.toLocaleString('en')} tracks), one gateway, ${connections} connections, ` +
        `${rounds} rounds of ${seconds} s per workload and API, ${pinned ? 'gateway pinned to CPU 1 and autocannon to CPU 0' : 'not pinned'}\n`,
    );
    console.log(
      '| Workload | REST req/s | GraphQL req/s | GraphQL/REST, median of rounds | middle half of rounds | p99 REST / GraphQL | gateway CPU / req REST / GraphQL | CPU busy REST / GraphQL: gateway, autocannon | bytes REST / GraphQL |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of summary) {
      console.log(
        `| ${s.workload} | ${Math.round(s.rest.medianRequestsPerSecond)} | ${Math.round(s.graphql.medianRequestsPerSecond)} | ${s.ratio.toFixed(3)} | ` +
          `${s.ratioQuartiles.map((q) => q.toFixed(3)).join('–')} | ${s.rest.medianP99} / ${s.graphql.medianP99} ms | ` +
          `${s.rest.gatewayCpuUsPerRequest.toFixed(0)} / ${s.graphql.gatewayCpuUsPerRequest.toFixed(0)} µs | ` +
          `${pct(s.rest.gatewayBusy)}, ${pct(s.rest.autocannonBusy)} / ${pct(s.graphql.gatewayBusy)}, ${pct(s.graphql.autocannonBusy)} | ${s.rest.averageBytes} / ${s.graphql.averageBytes} |`,
      );
    }
    console.log('');
    for (const s of summary) {
      // A run is the gateway's measure only if the gateway, not autocannon, was the busy side.
      if (s.rest.autocannonBusy > 0.85 && s.rest.gatewayBusy < 0.85) console.log(`${s.workload}: REST runs were limited by autocannon (its CPU ${pct(s.rest.autocannonBusy)} busy), not by the gateway.`);
    }
    for (const s of summary) {
      console.log(`${s.workload}: GraphQL serves ${s.ratio.toFixed(2)} of REST's throughput (target ≥ ${TARGET}): ${s.met ? 'met' : 'MISSED'}.`);
    }
    const count = (key: 'errors' | 'non2xx' | 'mismatches') => runs.reduce((sum, r) => sum + r[key], 0);
    console.log(`Errors: ${count('errors')}, non-2xx answers: ${count('non2xx')}, GraphQL answers with errors: ${count('mismatches')}.`);
    console.log(`\nSaved ${file}`);
    if (bad) process.exitCode = 1;
  } finally {
    await gateway?.stop();
    await db.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
