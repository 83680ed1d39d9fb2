import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { type ObjectType, parseUri } from '../ids';

export interface Page<T> {
  href: string;
  items: T[];
  limit: number;
  next: string | null;
  offset: number;
  previous: string | null;
  total: number;
}

export type QueryValues = Record<string, string | number | undefined | null>;

/** Builds the links every wire object carries: href, uri, external_urls and paging links. */
@Injectable()
export class UrlBuilder {
  private readonly apiBase: string;
  private readonly webBase: string;
  private readonly scheme: string;

  constructor(@Inject(ENV) env: Pick<Env, 'PUBLIC_URL' | 'URI_SCHEME'>) {
    this.apiBase = `${env.PUBLIC_URL}/v1`;
    this.webBase = env.PUBLIC_URL;
    this.scheme = env.URI_SCHEME;
  }

  /** `PUBLIC_URL/v1/<path>?<query>`, leaving out empty query values. */
  api(path: string, query: QueryValues = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.apiBase}${path}${search ? `?${search}` : ''}`;
  }

  href(type: ObjectType, id: string): string {
    return `${this.apiBase}/${type}s/${id}`;
  }

  uri(type: ObjectType, id: string): string {
    return `${this.scheme}:${type}:${id}`;
  }

  /** Parses a `<scheme>:<type>:<id>` URI in Backbeat's scheme or Spotify's, so Spotify clients work unchanged. */
  parseUri(uri: string): { type: string; id: string } | null {
    return parseUri(uri, this.scheme) ?? parseUri(uri, 'spotify');
  }

  /** `spotify` repeats the Backbeat link so clients written for Spotify find it where they look. */
  externalUrls(type: ObjectType, id: string): { backbeat: string; spotify: string } {
    const url = `${this.webBase}/${type}/${id}`;
    return { backbeat: url, spotify: url };
  }

  /** A paging object with links to the neighbouring pages. */
  page<T>(items: T[], params: { path: string; query?: QueryValues; offset: number; limit: number; total: number }): Page<T> {
    const { path, query = {}, offset, limit, total } = params;
    const link = (at: number) => this.api(path, { ...query, offset: at, limit });
    return {
      href: link(offset),
      items,
      limit,
      next: limit > 0 && offset + limit < total ? link(offset + limit) : null,
      offset,
      previous: offset > 0 && limit > 0 ? link(Math.max(0, offset - limit)) : null,
      total,
    };
  }
}
