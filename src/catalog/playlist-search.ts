/**
 * Search over public playlists, for `type=playlist`. The playlists module provides it: the
 * catalog cannot depend on that module, which builds on the catalog.
 */
export abstract class PlaylistSearch {
  /** A page of public playlists matching every word, best first, and how many match. */
  abstract search(words: string[], page: { limit: number; offset: number }): Promise<{ items: unknown[]; total: number }>;
}
