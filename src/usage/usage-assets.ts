import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file the usage section loads, served same-origin by UsageController (no CDN: the pages' CSP allows 'self'). */
export interface Asset {
  body: Buffer;
  type: string;
  /** Short content hash: the `v` of its URL, so a new version is a new URL and browsers may cache for long. */
  version: string;
}

/** Where each served file comes from: uPlot from node_modules, the page script from public/ beside this file. */
const SOURCES = {
  'uPlot.iife.min.js': { path: () => require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  'uPlot.min.css': { path: () => require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' },
  'usage-chart.js': { path: () => join(__dirname, 'public', 'usage-chart.js'), type: 'text/javascript; charset=utf-8' },
  'usage.css': { path: () => join(__dirname, 'public', 'usage.css'), type: 'text/css; charset=utf-8' },
} satisfies Record<string, { path: () => string; type: string }>;

export type AssetName = keyof typeof SOURCES;

let loaded: Map<string, Asset> | null = null;

/** Every asset, read (once) on first use. */
function assets(): Map<string, Asset> {
  if (!loaded) {
    loaded = new Map(
      Object.entries(SOURCES).map(([name, source]) => {
        const body = readFileSync(source.path());
        return [name, { body, type: source.type, version: createHash('sha256').update(body).digest('base64url').slice(0, 12) }];
      }),
    );
  }
  return loaded;
}

export function asset(name: string): Asset | undefined {
  return Object.hasOwn(SOURCES, name) ? assets().get(name) : undefined;
}

/** The URL a page links: `/dashboard/assets/<name>?v=<content hash>`. */
export function assetUrl(name: AssetName): string {
  const found = asset(name);
  if (!found) throw new Error(`No asset ${name}`);
  return `/dashboard/assets/${name}?v=${found.version}`;
}
