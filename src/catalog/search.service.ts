import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, UrlBuilder } from '../common/http/url-builder';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader, inIdOrder } from './catalog.reader';
import { PlaylistSearch } from './playlist-search';
import type { SearchResultsDto } from './dto/catalog-objects.dto';
import {
  CATALOG_SEARCH_TYPES,
  genreQuery,
  isEmptySearch,
  parseSearch,
  ParsedSearch,
  SearchType,
  tsQuery,
} from './search-query';

export interface SearchParams {
  q: string;
  types: SearchType[];
  market: string | null;
  limit: number;
  offset: number;
}

type CatalogType = 'track' | 'album' | 'artist';

interface Ranked {
  ids: string[];
  total: number;
}

/** Trigram similarity above which a name counts as a near miss (PostgreSQL's default). */
const FUZZY_THRESHOLD = 0.3;
/** At most this many matches are counted and ranked; Spotify caps search paging at 1,000 too. */
const MAX_RANKED = 1050;
/**
 * The most popular matches ranked by relevance for a page: the first pages draw on
 * the top 100 (the walk down popularity stops sooner), deeper pages on all 1,050.
 */
const candidatePool = (offset: number, limit: number): number => (offset + limit <= 100 ? 100 : MAX_RANKED);
/**
 * Up to this many matches are fetched through the GIN index and ordered; past it,
 * walking the popularity index until the pool is full costs less (it stops sooner
 * the more common the words are, and later the larger the pool). Measured on 1M
 * tracks: the walk to 100 candidates costs as much as fetching 3,000 to 7,000
 * matches, the walk to 1,050 about 20,000; the lower bound for 100 keeps a fetch
 * that overflows (the planner's estimate ran low) cheap.
 */
const ginFetchMax = (pool: number): number => (pool <= 100 ? 2500 : 20000);
/** Exact-name matches added to the candidates even when they are not popular. */
const MAX_EXACT = 50;

/** Each searchable table and the alias its SQL uses. */
const SOURCES: Record<CatalogType, { table: string; alias: string }> = {
  track: { table: 'tracks', alias: 't' },
  album: { table: 'albums', alias: 'a' },
  artist: { table: 'artists', alias: 'ar' },
};

/** The same conditions, with the full-text match written so that the planner cannot use the GIN index for it. */
const withoutGin = (where: string, alias: string): string =>
  where.replaceAll(`${alias}.search_vector @@`, `(${alias}.search_vector || ''::tsvector) @@`);

interface Filters {
  /** SQL conditions; the first is the full-text match. */
  where: string[];
  values: unknown[];
  from: string;
}

/**
 * Catalog search: full-text on weighted lexemes (GIN), ranked by relevance,
 * exact-name matches and popularity; trigram similarity catches typos when
 * full-text finds nothing.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CatalogReader,
    private readonly presenter: CatalogPresenter,
    private readonly urls: UrlBuilder,
    @Optional() private readonly playlists?: PlaylistSearch,
  ) {}

  async search(params: SearchParams): Promise<SearchResultsDto> {
    const parsed = parseSearch(params.q);
    const result: Record<string, Page<unknown>> = {};
    await Promise.all(
      params.types.map(async (type) => {
        const found = await this.find(type, parsed, params);
        result[`${type}s`] = this.urls.page(found.items, {
          path: '/search',
          query: { q: params.q, type: params.types.join(','), market: params.market },
          offset: params.offset,
          limit: params.limit,
          total: found.total,
        });
      }),
    );
    return result;
  }

  private async find(type: SearchType, parsed: ParsedSearch, params: SearchParams): Promise<{ items: unknown[]; total: number }> {
    if (isEmptySearch(parsed)) return { items: [], total: 0 };
    if (type === 'playlist' && this.playlists) {
      return this.playlists.search([...parsed.words, ...parsed.phrases.flat()], { limit: params.limit, offset: params.offset });
    }
    if (!CATALOG_SEARCH_TYPES.has(type)) return { items: [], total: 0 };
    const ranked = await this.rank(type as CatalogType, parsed, params);
    return { items: await this.hydrate(type, ranked.ids, params.market), total: ranked.total };
  }

  private async hydrate(type: SearchType, ids: string[], market: string | null): Promise<unknown[]> {
    if (!ids.length) return [];
    switch (type) {
      case 'track':
        return inIdOrder(ids, await this.reader.tracksByIds(ids)).flatMap((r) => (r ? [this.presenter.track(r, market)] : []));
      case 'album':
        return inIdOrder(ids, await this.reader.simplifiedAlbumsByIds(ids)).flatMap((r) =>
          r ? [this.presenter.simplifiedAlbum(r, market)] : [],
        );
      case 'artist':
        return inIdOrder(ids, await this.reader.artistsByIds(ids)).flatMap((r) => (r ? [this.presenter.artist(r)] : []));
      case 'playlist':
      case 'show':
      case 'episode':
      case 'audiobook':
        return [];
    }
  }

  /** The ids of one page of matches, best first, and how many match in all (up to the ranking cap). */
  private async rank(type: CatalogType, s: ParsedSearch, params: SearchParams): Promise<Ranked> {
    const filters = this.filters(type, s, params.market);
    if (!filters) return { ids: [], total: 0 };
    const fullText = await this.fullTextRank(type, s, filters, params);
    const freeTextOnly = filters.where.length === 1 && (s.words.length > 0 || s.phrases.length > 0) && !params.market;
    if (fullText.total > 0 || !freeTextOnly) return fullText;
    return this.fuzzyRank(type, [...s.words, ...s.phrases.flat()].join(' '), params);
  }

  /**
   * SQL conditions for one type, or null when a filter cannot apply to it
   * (an ISRC never matches an artist). `where[0]` is the full-text match.
   */
  private filters(type: CatalogType, s: ParsedSearch, market: string | null): Filters | null {
    if (s.isrc && type !== 'track') return null;
    if (s.upc && type !== 'album') return null;
    if (s.track.length && type !== 'track') return null;
    if (s.album.length && type === 'artist') return null;
    if (s.tags.size && type !== 'album') return null;
    if (s.year && type === 'artist') return null;

    const artistWeight = type === 'artist' ? 'A' : 'B';
    const text = tsQuery([
      { words: s.words, prefixLast: true },
      ...s.phrases.map((p) => ({ words: p })),
      { words: s.artist, weights: artistWeight },
      { words: s.album, weights: type === 'album' ? 'A' : 'C' },
      { words: s.track, weights: 'A' },
    ]);
    const genres = genreQuery(s.genre);
    const query = [text, genres].filter(Boolean).join(' & ');

    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const { alias } = SOURCES[type];
    where.push(query ? `${alias}.search_vector @@ to_tsquery('simple', bb_normalize(${param(query)}))` : 'true');
    // Phrases must also appear in order.
    for (const phrase of s.phrases) {
      where.push(`${alias}.search_vector @@ phraseto_tsquery('simple', bb_normalize(${param(phrase.join(' '))}))`);
    }
    if (s.year) where.push(`a.release_year BETWEEN ${param(s.year.from)} AND ${param(s.year.to)}`);
    if (s.isrc) where.push(`t.isrc = ${param(s.isrc)}`);
    if (s.upc) where.push(`a.upc = ${param(s.upc)}`);
    if (s.tags.has('new')) where.push(`a.release_date >= to_char(current_date - 14, 'YYYY-MM-DD') AND a.release_date_precision = 'day'`);
    if (s.tags.has('hipster')) where.push(`a.popularity <= 10`);
    // Artists are not licensed per market; their releases are.
    if (market && type !== 'artist') where.push(`${param(market)}::varchar = ANY(${alias}.available_markets)`);
    // Tracks need their album only for its release year.
    const joinAlbum = type === 'track' && s.year !== undefined;
    return { where, values, from: `${SOURCES[type].table} ${alias}${joinAlbum ? ' JOIN albums a ON a.id = t.album_id' : ''}` };
  }

  private async fullTextRank(
    type: CatalogType,
    s: ParsedSearch,
    filters: Filters,
    params: SearchParams,
  ): Promise<Ranked> {
    const { alias } = SOURCES[type];
    const values = [...filters.values];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const exactName = [...s.words, ...s.phrases.flat(), ...(type === 'artist' ? s.artist : type === 'album' ? s.album : s.track)].join(' ');
    const allWords = [...s.words, ...s.phrases.flat(), ...s.artist, ...s.album, ...s.track];
    // Relevance from the weighted lexemes, a bonus for the exact name, then popularity.
    const relevance = allWords.length
      ? `ts_rank(c.search_vector, to_tsquery('simple', bb_normalize(${param(tsQuery([{ words: allWords }]))})))`
      : '0';
    const where = filters.where.join(' AND ');
    const columns = `${alias}.id, ${alias}.popularity, ${alias}.search_vector`;
    // Candidates: the most popular matches, plus exact names however obscure.
    // Only the name index serves them: words that go together fool the planner into adding the GIN index.
    const exactMatches = exactName
      ? `UNION ALL (SELECT ${columns}, true FROM ${filters.from} WHERE ${withoutGin(where, alias)}
           AND bb_normalize(${alias}.name) = bb_normalize(${param(exactName)}) LIMIT ${MAX_EXACT})`
      : '';
    const pool = candidatePool(params.offset, params.limit);
    const [limit, offset] = [param(params.limit), param(params.offset)];
    /** One row: how many matches `found` holds (when given) and the page's ids in ranked order. */
    const rankedPage = async (popular: string, found?: string): Promise<{ total: number | null; ids: string[] }> => {
      const [row] = await this.db.query<{ total: number | null; ids: string[] }[]>(
        `WITH ${found ? `found AS MATERIALIZED (${found}), ` : ''}matches AS (
           (${popular})
           ${exactMatches}
         ), c AS (SELECT DISTINCT ON (id) * FROM matches ORDER BY id, exact DESC)
         SELECT ${found ? '(SELECT count(*) FROM found)::int' : 'NULL::int'} AS total, ARRAY(
           SELECT c.id FROM c
            ORDER BY ${relevance} + CASE WHEN c.exact THEN 1 ELSE 0 END + c.popularity / 200.0 DESC, c.popularity DESC, c.id
            LIMIT ${limit} OFFSET ${offset}) AS ids`,
        values,
      );
      return row;
    };
    // Few matches: fetch them all through the GIN index, then order by popularity.
    const fetchAll = (max: number) =>
      rankedPage(
        `SELECT * FROM found ORDER BY popularity DESC, id LIMIT ${pool}`,
        `SELECT ${columns}, false AS exact FROM ${filters.from} WHERE ${where} LIMIT ${max + 1}`,
      );
    // Many: walk down the popularity index testing each entry's vector until the pool is full
    // (testing vectors, not the GIN index); the total is then the cap.
    const walk = async (): Promise<Ranked> => {
      const page = await rankedPage(
        `SELECT ${columns}, false AS exact FROM ${filters.from}
          WHERE ${withoutGin(where, alias)}
          ORDER BY ${alias}.popularity DESC, ${alias}.id LIMIT ${pool}`,
      );
      return { ids: page.ids, total: MAX_RANKED };
    };

    // Choosing the plan: counting matches costs a heap visit each, so the planner's estimate
    // (exact enough for single words) comes first. It runs low for words that go together,
    // which the fetch's bound catches; an estimate that runs high is checked by a short count.
    const max = ginFetchMax(pool);
    let bound: number | null = null;
    if ((await this.estimate(filters)) < max) bound = max;
    else if ((await this.count(filters, MAX_RANKED)) < MAX_RANKED) bound = MAX_RANKED;
    if (bound !== null) {
      const page = await fetchAll(bound);
      if (page.total! <= bound) return { ids: page.ids, total: Math.min(page.total!, MAX_RANKED) };
    }
    return walk();
  }

  private async fuzzyRank(type: CatalogType, text: string, params: SearchParams): Promise<Ranked> {
    const { table } = SOURCES[type];
    const rows: { id: string; total: number }[] = await this.db.query(
      `SELECT id, count(*) OVER ()::int AS total
         FROM (SELECT id, popularity, similarity(bb_normalize(name), bb_normalize($1)) AS score
                 FROM ${table} WHERE bb_normalize(name) % bb_normalize($1)
                ORDER BY score DESC LIMIT ${MAX_RANKED}) m
        WHERE score >= ${FUZZY_THRESHOLD}
        ORDER BY score DESC, popularity DESC, id LIMIT $2 OFFSET $3`,
      [text, params.limit, params.offset],
    );
    // Near misses are few: past the last one the window count is empty, and so is the list.
    return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  }

  /** The planner's estimate of how many rows match the filters. */
  private async estimate(filters: Filters): Promise<number> {
    const [row] = await this.db.query<{ 'QUERY PLAN': unknown }[]>(
      `EXPLAIN (FORMAT JSON) SELECT FROM ${filters.from} WHERE ${filters.where.join(' AND ')}`,
      filters.values,
    );
    const output = row['QUERY PLAN'];
    const plan = (typeof output === 'string' ? JSON.parse(output) : output) as { Plan: { 'Plan Rows': number } }[];
    return plan[0].Plan['Plan Rows'];
  }

  /** Matches, counted up to `max`. */
  private async count(filters: Filters, max: number): Promise<number> {
    const rows: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM ${filters.from} WHERE ${filters.where.join(' AND ')} LIMIT ${max}) c`,
      filters.values,
    );
    return rows[0].total;
  }
}
