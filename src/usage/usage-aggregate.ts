/** What one response counts as, by its status code. */
export type Outcome = 'ok' | 'limited' | 'error';

/** 429 is a rate-limited call; every other 4xx and 5xx an error; the rest (1xx–3xx) succeeded. */
export function classify(status: number): Outcome {
  if (status === 429) return 'limited';
  return status >= 400 ? 'error' : 'ok';
}

/** `2xx`, `4xx`…: the `status_class` label of the per-app Prometheus counter. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

/** Only API routes are counted: `/v1` and what is under it, by route template. */
export function isApiRoute(url: string | undefined): url is string {
  return url !== undefined && (url === '/v1' || url.startsWith('/v1/'));
}

export const MINUTE_MS = 60_000;

/** One (app, route, minute) cell being counted. */
export interface UsageCell {
  clientId: string;
  route: string;
  /** Minutes since the epoch (UTC). */
  minute: number;
  requests: number;
  limited: number;
  errors: number;
}

/**
 * Counts in memory per (app, `METHOD /route/:template`, minute) until the next flush takes them.
 * Recording is one Map lookup and a few increments; the route comes from the router's template,
 * so the number of cells is bounded by apps × routes × minutes between flushes.
 */
export class UsageAggregate {
  private cells = new Map<string, UsageCell>();

  get size(): number {
    return this.cells.size;
  }

  record(clientId: string, route: string, status: number, now = Date.now()): void {
    const minute = Math.floor(now / MINUTE_MS);
    const key = `${minute} ${clientId} ${route}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { clientId, route, minute, requests: 0, limited: 0, errors: 0 };
      this.cells.set(key, cell);
    }
    cell.requests++;
    const outcome = classify(status);
    if (outcome === 'limited') cell.limited++;
    else if (outcome === 'error') cell.errors++;
  }

  /** Hands over everything counted so far and starts afresh. */
  take(): UsageCell[] {
    const taken = [...this.cells.values()];
    this.cells = new Map();
    return taken;
  }

  /** Puts back cells a failed flush took, to go with the next one (adding to what came since). */
  restore(cells: UsageCell[]): void {
    for (const cell of cells) {
      const key = `${cell.minute} ${cell.clientId} ${cell.route}`;
      const current = this.cells.get(key);
      if (!current) this.cells.set(key, { ...cell });
      else {
        current.requests += cell.requests;
        current.limited += cell.limited;
        current.errors += cell.errors;
      }
    }
  }
}

/**
 * Adds a batch of cells to `api_usage` in one statement: the cells travel as six parallel arrays
 * and `unnest` turns them back into rows, so the statement text (and its prepared plan) is the same
 * for any batch size. Cells of apps deleted since they were counted are skipped rather than failing
 * the whole batch on the foreign key.
 */
export const UPSERT_USAGE_SQL = `INSERT INTO api_usage (client_id, bucket, route, requests, limited, errors)
SELECT u.client_id, u.bucket, u.route, u.requests, u.limited, u.errors
FROM unnest($1::varchar[], $2::timestamptz[], $3::text[], $4::int[], $5::int[], $6::int[]) AS u(client_id, bucket, route, requests, limited, errors)
WHERE EXISTS (SELECT 1 FROM oauth_clients c WHERE c.id = u.client_id)
ON CONFLICT (client_id, bucket, route) DO UPDATE SET
  requests = api_usage.requests + EXCLUDED.requests,
  limited = api_usage.limited + EXCLUDED.limited,
  errors = api_usage.errors + EXCLUDED.errors`;

/**
 * The six arrays for UPSERT_USAGE_SQL. Sorted by primary key so that instances flushing the same
 * rows at once lock them in the same order (no deadlock).
 */
export function upsertParams(cells: UsageCell[]): [string[], string[], string[], number[], number[], number[]] {
  const sorted = [...cells].sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : a.minute - b.minute || (a.route < b.route ? -1 : a.route > b.route ? 1 : 0)));
  return [
    sorted.map((c) => c.clientId),
    sorted.map((c) => new Date(c.minute * MINUTE_MS).toISOString()),
    sorted.map((c) => c.route),
    sorted.map((c) => c.requests),
    sorted.map((c) => c.limited),
    sorted.map((c) => c.errors),
  ];
}

/** Rows older than this many days are deleted by the hourly sweep. */
export const RETENTION_DAYS = 30;

/** Deletes rows older than $1 days (by bucket, through `idx_api_usage_bucket`) and counts them. */
export const DELETE_OLD_USAGE_SQL = `WITH gone AS (DELETE FROM api_usage WHERE bucket < now() - make_interval(days => $1) RETURNING 1)
SELECT count(*)::int AS count FROM gone`;
