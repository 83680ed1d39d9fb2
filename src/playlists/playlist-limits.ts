/** How many items one playlist may hold. */
export const MAX_PLAYLIST_ITEMS = 10_000;
/** How many items one request may add, replace or remove. */
export const MAX_ITEMS_PER_REQUEST = 100;
/** Largest cover upload: the base64 text of the JPEG, as Spotify counts it. */
export const MAX_COVER_BYTES = 256 * 1024;

