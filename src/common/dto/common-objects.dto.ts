/** An image, widest first in lists. */
export class ImageDto {
  /** Where the image can be fetched. */
  url: string;
  /** Height in pixels, when known. */
  height: number | null;
  /** Width in pixels, when known. */
  width: number | null;
}

/** Web links to the object. `spotify` repeats `backbeat` for clients written for the Spotify Web API. */
export class ExternalUrlsDto {
  /** The object's page on this Backbeat server. */
  backbeat: string;
  /** Same link as `backbeat`, under the key Spotify clients read. */
  spotify: string;
}

/** Identifiers of the object in industry registries. */
export class ExternalIdsDto {
  /** International Standard Recording Code (tracks). */
  isrc?: string;
  /** Universal Product Code (albums). */
  upc?: string;
  /** International Article Number. */
  ean?: string;
}

/** How many listeners follow the object. */
export class FollowersDto {
  /** Always null: there is no follower list endpoint. */
  href: string | null;
  total: number;
}

/** Fields of every paging object; subclasses add `items`. */
export abstract class PagingDto {
  /** This page's URL. */
  href: string;
  /** The page size asked for (or the default). */
  limit: number;
  /** URL of the next page, or null on the last. */
  next: string | null;
  /** Index of this page's first item in the whole list. */
  offset: number;
  /** URL of the previous page, or null on the first. */
  previous: string | null;
  /** How many items the whole list holds. */
  total: number;
}
