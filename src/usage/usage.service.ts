import { Injectable } from '@nestjs/common';
import { SqlRunner } from '../database/sql-runner';

/** The usage chart's resolution and span. */
export const SLOT_SECONDS = 300;
export const REPORT_HOURS = 24;

export interface UsageTotals {
  requests: number;
  limited: number;
  errors: number;
}

/** What the dashboard's usage section draws: `usage.json`. */
export interface UsageReport {
  client_id: string;
  /** ISO 8601, inclusive; the start of the first slot. */
  from: string;
  /** ISO 8601, exclusive; the end of the last slot (the current slot included). */
  to: string;
  slot_seconds: number;
  /** Parallel arrays, one entry per slot, every slot present (zeros where the app made no calls). */
  series: { t: number[]; requests: number[]; limited: number[]; errors: number[] };
  totals: UsageTotals;
  /** Per `METHOD /route/template`, most-called first. */
  endpoints: Array<UsageTotals & { route: string }>;
}

const SERIES_SQL = `SELECT (floor(extract(epoch FROM bucket) / $4) * $4)::float8 AS t,
  sum(requests)::float8 AS requests, sum(limited)::float8 AS limited, sum(errors)::float8 AS errors
FROM api_usage WHERE client_id = $1 AND bucket >= $2 AND bucket < $3
GROUP BY 1 ORDER BY 1`;

const ENDPOINTS_SQL = `SELECT route, sum(requests)::float8 AS requests, sum(limited)::float8 AS limited, sum(errors)::float8 AS errors
FROM api_usage WHERE client_id = $1 AND bucket >= $2 AND bucket < $3
GROUP BY route ORDER BY sum(requests) DESC, route`;

/** Reads `api_usage` for one app: both queries are range scans of the primary key (client_id, bucket, …). */
@Injectable()
export class UsageService {
  constructor(private readonly sql: SqlRunner) {}

  async report(clientId: string, now = new Date()): Promise<UsageReport> {
    const slotMs = SLOT_SECONDS * 1000;
    const to = Math.floor(now.getTime() / slotMs) * slotMs + slotMs;
    const from = to - REPORT_HOURS * 3600_000;
    const range = [clientId, new Date(from).toISOString(), new Date(to).toISOString()];
    const [slots, endpoints] = await Promise.all([
      this.sql.query<{ t: number } & UsageTotals>(SERIES_SQL, [...range, SLOT_SECONDS]),
      this.sql.query<{ route: string } & UsageTotals>(ENDPOINTS_SQL, range),
    ]);
    const count = (to - from) / slotMs;
    const series = { t: [] as number[], requests: new Array<number>(count).fill(0), limited: new Array<number>(count).fill(0), errors: new Array<number>(count).fill(0) };
    for (let i = 0; i < count; i++) series.t.push(from / 1000 + i * SLOT_SECONDS);
    for (const slot of slots) {
      const i = Math.round((slot.t * 1000 - from) / slotMs);
      if (i < 0 || i >= count) continue;
      series.requests[i] = slot.requests;
      series.limited[i] = slot.limited;
      series.errors[i] = slot.errors;
    }
    const totals = endpoints.reduce((sum, e) => ({ requests: sum.requests + e.requests, limited: sum.limited + e.limited, errors: sum.errors + e.errors }), { requests: 0, limited: 0, errors: 0 });
    return {
      client_id: clientId,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      slot_seconds: SLOT_SECONDS,
      series,
      totals,
      endpoints: endpoints.map((e) => ({ route: e.route, requests: e.requests, limited: e.limited, errors: e.errors })),
    };
  }
}
