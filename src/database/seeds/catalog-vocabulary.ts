// Word lists and reference data for the demo catalog. Invented names only; the words the
// hand-written fixture relies on for search assertions (see RESERVED_WORDS) never appear here.

/** Audio profile of a genre: means the audio features of its tracks scatter around. */
export interface GenreProfile {
  /** Lowercase display name, e.g. `drum and bass`. */
  name: string;
  /** Slug, also the genre seed: `drum-and-bass`. */
  slug: string;
  family: string;
  tempo: number;
  energy: number;
  danceability: number;
  acousticness: number;
  instrumentalness: number;
  speechiness: number;
  valence: number;
  loudness: number;
  /** Typical track length in seconds. */
  duration: number;
  /** Share of explicit tracks. */
  explicit: number;
  /** Relative weight when picking an artist's main genre. */
  weight: number;
}

type GenreRow = [name: string, family: string, tempo: number, energy: number, dance: number, acoustic: number,
  instrumental: number, speech: number, valence: number, loudness: number, duration: number, explicit: number, weight: number];

const GENRE_ROWS: GenreRow[] = [
  ['rock',              'rock',       125, 0.75, 0.50, 0.10, 0.05, 0.05, 0.50,  -6, 230, 0.06, 5],
  ['indie rock',        'rock',       122, 0.68, 0.52, 0.20, 0.10, 0.04, 0.45,  -7, 225, 0.06, 5],
  ['alternative rock',  'rock',       120, 0.72, 0.48, 0.12, 0.05, 0.05, 0.40,  -6, 235, 0.08, 4],
  ['classic rock',      'rock',       120, 0.70, 0.50, 0.20, 0.05, 0.04, 0.55,  -9, 260, 0.02, 3],
  ['punk',              'rock',       170, 0.90, 0.45, 0.03, 0.02, 0.07, 0.50,  -5, 150, 0.20, 2],
  ['post-punk',         'rock',       140, 0.75, 0.50, 0.10, 0.20, 0.04, 0.35,  -7, 220, 0.05, 2],
  ['garage rock',       'rock',       145, 0.85, 0.48, 0.08, 0.05, 0.06, 0.55,  -6, 180, 0.08, 1],
  ['psychedelic rock',  'rock',       115, 0.60, 0.45, 0.25, 0.30, 0.04, 0.45,  -9, 290, 0.03, 1],
  ['hard rock',         'rock',       130, 0.88, 0.42, 0.04, 0.05, 0.06, 0.45,  -5, 250, 0.10, 2],
  ['grunge',            'rock',       118, 0.82, 0.40, 0.05, 0.05, 0.05, 0.30,  -6, 240, 0.12, 1],
  ['shoegaze',          'rock',       115, 0.72, 0.35, 0.10, 0.40, 0.04, 0.30,  -8, 270, 0.02, 1],
  ['post-rock',         'rock',       110, 0.55, 0.30, 0.30, 0.85, 0.03, 0.25, -11, 390, 0.00, 1],
  ['emo',               'rock',       150, 0.80, 0.45, 0.08, 0.02, 0.06, 0.35,  -6, 210, 0.10, 1],
  ['metal',             'metal',      135, 0.92, 0.35, 0.01, 0.20, 0.07, 0.30,  -5, 280, 0.15, 2],
  ['heavy metal',       'metal',      130, 0.90, 0.38, 0.02, 0.15, 0.06, 0.35,  -5, 290, 0.12, 1],
  ['death metal',       'metal',      170, 0.97, 0.25, 0.00, 0.30, 0.10, 0.15,  -4, 270, 0.30, 1],
  ['black metal',       'metal',      180, 0.95, 0.22, 0.00, 0.45, 0.08, 0.12,  -6, 380, 0.20, 1],
  ['doom metal',        'metal',       70, 0.72, 0.25, 0.03, 0.40, 0.05, 0.15,  -7, 420, 0.10, 1],
  ['pop',               'pop',        118, 0.68, 0.68, 0.15, 0.01, 0.06, 0.55,  -6, 205, 0.12, 8],
  ['dance pop',         'pop',        122, 0.78, 0.75, 0.08, 0.01, 0.06, 0.62,  -5, 200, 0.10, 4],
  ['synth-pop',         'pop',        120, 0.70, 0.70, 0.10, 0.20, 0.04, 0.55,  -7, 230, 0.03, 2],
  ['indie pop',         'pop',        115, 0.60, 0.62, 0.30, 0.08, 0.04, 0.55,  -8, 210, 0.04, 4],
  ['dream pop',         'pop',        105, 0.50, 0.45, 0.35, 0.40, 0.03, 0.35, -10, 250, 0.02, 2],
  ['k-pop',             'pop',        125, 0.82, 0.72, 0.10, 0.01, 0.08, 0.60,  -4, 200, 0.05, 3],
  ['j-pop',             'pop',        132, 0.80, 0.60, 0.12, 0.02, 0.05, 0.62,  -5, 240, 0.02, 2],
  ['art pop',           'pop',        110, 0.55, 0.50, 0.30, 0.20, 0.05, 0.40,  -8, 235, 0.05, 1],
  ['bedroom pop',       'pop',        100, 0.45, 0.65, 0.50, 0.10, 0.05, 0.50,  -9, 180, 0.08, 1],
  ['house',             'electronic', 124, 0.80, 0.80, 0.05, 0.60, 0.06, 0.60,  -7, 360, 0.03, 3],
  ['deep house',        'electronic', 122, 0.65, 0.80, 0.10, 0.70, 0.05, 0.50,  -8, 400, 0.02, 2],
  ['techno',            'electronic', 130, 0.88, 0.70, 0.02, 0.85, 0.05, 0.30,  -8, 420, 0.01, 2],
  ['trance',            'electronic', 138, 0.88, 0.55, 0.02, 0.70, 0.04, 0.35,  -7, 400, 0.01, 1],
  ['drum and bass',     'electronic', 174, 0.92, 0.55, 0.02, 0.60, 0.08, 0.40,  -5, 300, 0.05, 2],
  ['dubstep',           'electronic', 140, 0.90, 0.60, 0.02, 0.50, 0.08, 0.35,  -4, 260, 0.10, 1],
  ['ambient',           'electronic',  80, 0.18, 0.25, 0.80, 0.90, 0.04, 0.20, -22, 380, 0.00, 2],
  ['downtempo',         'electronic',  95, 0.45, 0.60, 0.40, 0.60, 0.05, 0.40, -11, 270, 0.01, 1],
  ['edm',               'electronic', 128, 0.90, 0.70, 0.03, 0.30, 0.07, 0.50,  -4, 200, 0.08, 3],
  ['lo-fi',             'electronic',  85, 0.35, 0.70, 0.60, 0.80, 0.10, 0.50, -12, 150, 0.01, 2],
  ['synthwave',         'electronic', 110, 0.70, 0.60, 0.05, 0.70, 0.04, 0.45,  -8, 280, 0.01, 1],
  ['hip hop',           'hip-hop',     90, 0.65, 0.78, 0.15, 0.02, 0.30, 0.50,  -6, 215, 0.55, 7],
  ['rap',               'hip-hop',     95, 0.70, 0.76, 0.12, 0.01, 0.35, 0.48,  -6, 200, 0.65, 4],
  ['trap',              'hip-hop',    140, 0.70, 0.75, 0.10, 0.02, 0.25, 0.40,  -6, 190, 0.70, 3],
  ['boom bap',          'hip-hop',     92, 0.60, 0.75, 0.20, 0.05, 0.30, 0.50,  -7, 220, 0.45, 1],
  ['drill',             'hip-hop',    142, 0.70, 0.72, 0.10, 0.02, 0.30, 0.30,  -6, 180, 0.75, 1],
  ['r&b',               'soul',       100, 0.55, 0.70, 0.25, 0.01, 0.10, 0.50,  -7, 220, 0.20, 4],
  ['soul',              'soul',       105, 0.55, 0.62, 0.35, 0.02, 0.06, 0.65,  -8, 210, 0.02, 2],
  ['neo soul',          'soul',        90, 0.50, 0.68, 0.35, 0.05, 0.08, 0.55,  -8, 250, 0.08, 1],
  ['funk',              'soul',       110, 0.75, 0.80, 0.20, 0.10, 0.07, 0.80,  -7, 240, 0.03, 2],
  ['disco',             'soul',       120, 0.80, 0.80, 0.15, 0.10, 0.05, 0.80,  -8, 260, 0.01, 1],
  ['gospel',            'soul',       100, 0.55, 0.55, 0.40, 0.01, 0.06, 0.60,  -8, 270, 0.00, 1],
  ['jazz',              'jazz',       120, 0.40, 0.55, 0.70, 0.60, 0.05, 0.55, -13, 300, 0.00, 3],
  ['bebop',             'jazz',       190, 0.55, 0.50, 0.75, 0.70, 0.05, 0.60, -12, 280, 0.00, 1],
  ['smooth jazz',       'jazz',        95, 0.40, 0.62, 0.60, 0.70, 0.04, 0.55, -11, 280, 0.00, 1],
  ['jazz fusion',       'jazz',       120, 0.62, 0.55, 0.35, 0.70, 0.05, 0.50, -10, 330, 0.00, 1],
  ['bossa nova',        'jazz',       130, 0.35, 0.65, 0.80, 0.40, 0.05, 0.60, -13, 200, 0.00, 1],
  ['classical',         'classical',  100, 0.15, 0.25, 0.95, 0.90, 0.04, 0.25, -22, 420, 0.00, 3],
  ['baroque',           'classical',  110, 0.20, 0.30, 0.95, 0.90, 0.04, 0.40, -20, 240, 0.00, 1],
  ['opera',             'classical',   95, 0.30, 0.20, 0.90, 0.20, 0.05, 0.30, -18, 300, 0.00, 1],
  ['modern classical',  'classical',   90, 0.15, 0.25, 0.95, 0.92, 0.04, 0.20, -24, 330, 0.00, 1],
  ['soundtrack',        'classical',   95, 0.35, 0.25, 0.70, 0.85, 0.04, 0.20, -16, 180, 0.00, 2],
  ['folk',              'folk',       110, 0.35, 0.55, 0.80, 0.10, 0.04, 0.50, -11, 220, 0.01, 3],
  ['indie folk',        'folk',       105, 0.40, 0.55, 0.70, 0.10, 0.04, 0.45, -10, 230, 0.02, 3],
  ['singer-songwriter', 'folk',       105, 0.35, 0.55, 0.75, 0.05, 0.04, 0.45, -10, 215, 0.02, 3],
  ['country',           'folk',       115, 0.60, 0.60, 0.30, 0.01, 0.04, 0.60,  -7, 200, 0.03, 4],
  ['bluegrass',         'folk',       150, 0.55, 0.55, 0.85, 0.30, 0.04, 0.65, -10, 190, 0.00, 1],
  ['blues',             'folk',       100, 0.50, 0.55, 0.50, 0.20, 0.05, 0.55,  -9, 250, 0.02, 2],
  ['latin',             'latin',      105, 0.70, 0.75, 0.25, 0.02, 0.08, 0.70,  -6, 210, 0.10, 3],
  ['reggaeton',         'latin',       95, 0.75, 0.80, 0.10, 0.01, 0.12, 0.70,  -5, 200, 0.30, 3],
  ['salsa',             'latin',      180, 0.80, 0.70, 0.40, 0.10, 0.06, 0.85,  -7, 270, 0.00, 1],
  ['bachata',           'latin',      125, 0.65, 0.75, 0.35, 0.05, 0.05, 0.65,  -7, 240, 0.02, 1],
  ['cumbia',            'latin',      100, 0.70, 0.80, 0.35, 0.05, 0.06, 0.85,  -7, 220, 0.01, 1],
  ['reggae',            'world',       80, 0.55, 0.75, 0.20, 0.10, 0.10, 0.70,  -8, 230, 0.05, 2],
  ['dancehall',         'world',      100, 0.72, 0.80, 0.10, 0.02, 0.15, 0.65,  -6, 200, 0.25, 1],
  ['afrobeats',         'world',      105, 0.75, 0.82, 0.20, 0.05, 0.10, 0.80,  -6, 200, 0.10, 2],
];

export const GENRES: readonly GenreProfile[] = GENRE_ROWS.map(
  ([name, family, tempo, energy, danceability, acousticness, instrumentalness, speechiness, valence, loudness, duration, explicit, weight]) => ({
    name,
    slug: name.replace(/&/g, '-n-').replace(/\s+/g, '-'),
    family,
    tempo,
    energy,
    danceability,
    acousticness,
    instrumentalness,
    speechiness,
    valence,
    loudness,
    duration,
    explicit,
    weight,
  }),
);

export const GENRE_BY_SLUG: ReadonlyMap<string, GenreProfile> = new Map(GENRES.map((g) => [g.slug, g]));

/** Locales every category carries a translated name for. */
export const CATEGORY_LOCALES = ['es', 'es_MX', 'de', 'fr', 'sv_SE', 'pt_BR', 'ja'] as const;

export interface CategorySeed {
  id: string;
  name: string;
  localizedNames: Record<(typeof CATEGORY_LOCALES)[number], string>;
  genres: string[];
}

type CategoryRow = [id: string, name: string, names: [es: string, esMX: string, de: string, fr: string, svSE: string, ptBR: string, ja: string], genres: string[]];

const CATEGORY_ROWS: CategoryRow[] = [
  ['workout',    'Workout',         ['Entrenamiento', 'Ejercicio', 'Workout', 'Entraînement', 'Träning', 'Treino', 'ワークアウト'], ['edm', 'hip-hop', 'dance-pop', 'drum-and-bass', 'trap', 'hard-rock']],
  ['chill',      'Chill',           ['Chill', 'Relax', 'Chillen', 'Détente', 'Chill', 'Relax', 'チル'], ['lo-fi', 'downtempo', 'ambient', 'dream-pop', 'bossa-nova', 'bedroom-pop']],
  ['party',      'Party',           ['Fiesta', 'Fiesta', 'Party', 'Soirée', 'Fest', 'Festa', 'パーティー'], ['dance-pop', 'house', 'reggaeton', 'disco', 'edm', 'k-pop']],
  ['focus',      'Focus',           ['Concentración', 'Concentración', 'Fokus', 'Concentration', 'Fokus', 'Foco', '集中'], ['ambient', 'modern-classical', 'lo-fi', 'post-rock', 'classical']],
  ['sleep',      'Sleep',           ['Dormir', 'Dormir', 'Schlaf', 'Sommeil', 'Sömn', 'Dormir', '睡眠'], ['ambient', 'modern-classical', 'classical']],
  ['mood',       'Mood',            ['Estado de ánimo', 'Estado de ánimo', 'Stimmung', 'Humeur', 'Stämning', 'Humor', 'ムード'], ['indie-pop', 'soul', 'singer-songwriter', 'dream-pop']],
  ['pop',        'Pop',             ['Pop', 'Pop', 'Pop', 'Pop', 'Pop', 'Pop', 'ポップ'], ['pop', 'dance-pop', 'synth-pop', 'indie-pop', 'art-pop']],
  ['hip-hop',    'Hip-Hop',         ['Hip-Hop', 'Hip-Hop', 'Hip-Hop', 'Hip-hop', 'Hiphop', 'Hip-Hop', 'ヒップホップ'], ['hip-hop', 'rap', 'trap', 'boom-bap', 'drill']],
  ['rock',       'Rock',            ['Rock', 'Rock', 'Rock', 'Rock', 'Rock', 'Rock', 'ロック'], ['rock', 'indie-rock', 'alternative-rock', 'classic-rock', 'hard-rock', 'grunge']],
  ['indie',      'Indie',           ['Indie', 'Indie', 'Indie', 'Indé', 'Indie', 'Indie', 'インディー'], ['indie-rock', 'indie-pop', 'indie-folk', 'shoegaze', 'post-punk', 'bedroom-pop']],
  ['electronic', 'Electronic',      ['Electrónica', 'Electrónica', 'Elektronisch', 'Électro', 'Elektroniskt', 'Eletrônica', 'エレクトロニック'], ['house', 'deep-house', 'techno', 'trance', 'drum-and-bass', 'dubstep', 'synthwave']],
  ['r-n-b',      'R&B',             ['R&B', 'R&B', 'R&B', 'R&B', 'R&B', 'R&B', 'R&B'], ['r-n-b', 'neo-soul']],
  ['soul',       'Soul & Funk',     ['Soul y funk', 'Soul y funk', 'Soul & Funk', 'Soul & funk', 'Soul & funk', 'Soul e funk', 'ソウル＆ファンク'], ['soul', 'funk', 'disco', 'gospel']],
  ['jazz',       'Jazz',            ['Jazz', 'Jazz', 'Jazz', 'Jazz', 'Jazz', 'Jazz', 'ジャズ'], ['jazz', 'bebop', 'smooth-jazz', 'jazz-fusion', 'bossa-nova']],
  ['classical',  'Classical',       ['Clásica', 'Clásica', 'Klassik', 'Classique', 'Klassiskt', 'Clássica', 'クラシック'], ['classical', 'baroque', 'opera', 'modern-classical']],
  ['latin',      'Latin',           ['Latina', 'Latino', 'Latin', 'Latino', 'Latin', 'Latina', 'ラテン'], ['latin', 'reggaeton', 'salsa', 'bachata', 'cumbia']],
  ['metal',      'Metal',           ['Metal', 'Metal', 'Metal', 'Métal', 'Metal', 'Metal', 'メタル'], ['metal', 'heavy-metal', 'death-metal', 'black-metal', 'doom-metal']],
  ['country',    'Country',         ['Country', 'Country', 'Country', 'Country', 'Country', 'Country', 'カントリー'], ['country', 'bluegrass']],
  ['folk',       'Folk & Acoustic', ['Folk y acústico', 'Folk y acústica', 'Folk & Akustik', 'Folk & acoustique', 'Folk & akustiskt', 'Folk e acústico', 'フォーク＆アコースティック'], ['folk', 'indie-folk', 'singer-songwriter', 'blues']],
  ['k-pop',      'K-Pop',           ['K-Pop', 'K-Pop', 'K-Pop', 'K-pop', 'K-pop', 'K-Pop', 'K-POP'], ['k-pop']],
  ['romance',    'Romance',         ['Romántica', 'Romántica', 'Romantik', 'Romance', 'Romantik', 'Romântica', 'ロマンス'], ['r-n-b', 'soul', 'bachata', 'singer-songwriter']],
  ['dinner',     'Dinner',          ['Cena', 'Cena', 'Abendessen', 'Dîner', 'Middag', 'Jantar', 'ディナー'], ['jazz', 'bossa-nova', 'smooth-jazz', 'soul']],
  ['travel',     'Travel',          ['Viajes', 'Viajes', 'Reisen', 'Voyage', 'Resor', 'Viagem', '旅'], ['indie-pop', 'afrobeats', 'reggae', 'latin']],
];

export const CATEGORIES: readonly CategorySeed[] = CATEGORY_ROWS.map(([id, name, names, genres]) => ({
  id,
  name,
  localizedNames: Object.fromEntries(CATEGORY_LOCALES.map((locale, i) => [locale, names[i]])) as CategorySeed['localizedNames'],
  genres,
}));

// Regional releases: licensed in one region only (codes outside MARKETS are dropped).
export const REGIONS: readonly (readonly string[])[] = [
  ['SE', 'NO', 'DK', 'FI', 'IS'],
  ['DE', 'AT', 'CH', 'LI', 'LU'],
  ['FR', 'BE', 'CH', 'LU', 'MC', 'CA'],
  ['GB', 'IE'],
  ['ES', 'PT', 'AD'],
  ['US', 'CA'],
  ['US', 'CA', 'MX', 'PR'],
  ['AR', 'BO', 'BR', 'CL', 'CO', 'CR', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PY', 'SV', 'UY'],
  ['BR', 'PT'],
  ['JP'],
  ['KR', 'JP', 'TW', 'HK', 'SG', 'TH', 'PH', 'ID', 'MY', 'VN'],
  ['AU', 'NZ'],
  ['NG', 'GH', 'KE', 'ZA', 'TZ', 'UG'],
  ['IN', 'BD', 'LK', 'NP', 'PK'],
  ['PL', 'CZ', 'SK', 'HU', 'RO', 'BG'],
];

export const LABELS = [
  'Lantern Field Records', 'Blue Static Music', 'Northside Recordings', 'Copperleaf', 'Halfmoon Audio',
  'Saltwater Sound', 'Paper Kite Records', 'Ironline Records', 'Velvet Tram', 'Granite & Gold',
  'Low Orbit Music', 'Quiet Harbor', 'Sundial Records', 'Brightwater Music Group', 'Fernhouse',
  'Outpost Audio', 'Red Lantern Records', 'Mosaic Sound', 'Atlas Grove', 'Tin Roof Recordings',
  'Driftwood Records', 'Nightjar Music', 'Kestrel Audio', 'Maple & Stone', 'Silver Birch Records',
  'Open Road Music', 'Cinder Block Records', 'Wildflower Sound', 'Harbor Light Music', 'Echo Park Audio',
  'Stillwater Records', 'Parallel Lines Music', 'Juniper House', 'Foxglove Records', 'Basement Tapes Co.',
  'Polar Bloom', 'Sol y Sombra Discos', 'Éditions Lumière', 'Nordljus Skivbolag', 'Sakura Wave Records',
];

// --- Names ---------------------------------------------------------------------------------

export const FIRST_NAMES = [
  'Mara', 'Zoë', 'Ólafur', 'Léa', 'Chloé', 'José', 'Inés', 'Renée', 'Søren', 'Anaïs', 'Amélie', 'Noé', 'Jérôme',
  'Joël', 'Ana', 'Iker', 'Nadia', 'Elif', 'Kofi', 'Amara', 'Yuki', 'Hana', 'Mateo', 'Lucía', 'Théo', 'Maëlle',
  'Ximena', 'Tomás', 'Björn', 'Åsa', 'Jürgen', 'João', 'Niamh', 'Siobhán', 'Ciarán', 'Eliška', 'Zoltán',
  'Aurelio', 'Priya', 'Arjun', 'Kenji', 'Mei', 'Oluwaseun', 'Tariq', 'Yasmin', 'Leila', 'Omar', 'Cass', 'Rowan',
  'Jonah', 'Ivy', 'Felix', 'Margo', 'Silas', 'Wren', 'Otis', 'Juno', 'Nico', 'Ezra', 'Dahlia', 'Cleo', 'Remy',
  'Hollis', 'Sage', 'Marisol', 'Dante', 'Elena', 'Isak', 'Freya', 'Malik', 'Keira', 'Lior', 'Tove', 'Rafael',
  'Camille', 'Emeka', 'Soledad', 'Viktor', 'Ingrid', 'Bea', 'Caspian', 'Delphine', 'Esmé', 'Frida', 'Gael',
  'Hugo', 'Ilse', 'Jade', 'Kai', 'Lola', 'Milo', 'Noor', 'Pia', 'Quinn', 'Rosalía', 'Sigur', 'Talia', 'Valentín',
];

export const LAST_NAMES = [
  'Velez', 'Okafor', 'Moreau', 'Nakamura', 'Brennan', 'Castillo', 'Ferreira', 'Novak', 'Haddad', 'Sørensen',
  'Ibáñez', 'Müller', 'Côté', 'Núñez', 'Åberg', 'Kowalski', 'Delacroix', 'Halvorsen', 'Oyelaran', 'Whitlock',
  'Reyes', 'Calder', 'Marsh', 'Kimura', 'Abernathy', 'Fontaine', 'Vásquez', 'Rourke', 'Lindgren', 'Petrović',
  'Şahin', 'Dubois', 'Kaur', 'Mendes', 'Quintero', 'Laurent', 'Holm', 'Byrne', 'Esposito', 'Takeda', 'Aldana',
  'Bergström', 'Carvalho', 'Dalton', 'Engström', 'Fairweather', 'Gallardo', 'Hartley', 'Ishikawa', 'Jovanović',
  'Kessler', 'Lachance', 'Mbeki', 'Nyström', 'Orozco', 'Pellegrini', 'Quigley', 'Rinaldi', 'Sato', 'Thorne',
  'Ueda', 'Valdés', 'Winslow', 'Yilmaz', 'Zamora', 'Árnason', 'Blackwood', 'Crane', 'Duarte', 'Eklund', 'Ferro',
  'Gunnarsdóttir', 'Hale', 'Iverson', 'Jiménez', 'Kearney', 'Lowe', 'Montero', 'Nørgaard', 'Ortega', 'Park',
];

export const BAND_ADJECTIVES = [
  'Static', 'Velvet', 'Hollow', 'Electric', 'Golden', 'Paper', 'Silver', 'Quiet', 'Wild', 'Neon', 'Broken',
  'Crimson', 'Lunar', 'Northern', 'Glass', 'Young', 'Lost', 'Secret', 'Wandering', 'Copper', 'Amber', 'Violet',
  'Restless', 'Distant', 'Gentle', 'Sleepy', 'Burning', 'Frozen', 'Pale', 'Tiny', 'Modern', 'Cosmic', 'Rusty',
  'Wooden', 'Blue', 'Scarlet', 'Savage', 'Hidden', 'Lonely', 'Magnetic', 'Invisible', 'Faded', 'Bright',
  'Sacred', 'Sunday', 'Polar', 'Tropical', 'Atomic', 'Analog', 'Dusty', 'Feral', 'Honest', 'Royal', 'Vintage',
];

export const BAND_PLURALS = [
  'Owls', 'Wolves', 'Foxes', 'Ghosts', 'Strangers', 'Echoes', 'Lanterns', 'Rivers', 'Kites', 'Satellites',
  'Pilots', 'Saints', 'Sparrows', 'Comets', 'Machines', 'Daughters', 'Brothers', 'Hearts', 'Shadows', 'Tides',
  'Horses', 'Ravens', 'Parades', 'Citizens', 'Giants', 'Engines', 'Monarchs', 'Wires', 'Dreamers', 'Animals',
  'Lovers', 'Sisters', 'Thieves', 'Sirens', 'Astronauts', 'Vandals', 'Heroes', 'Orchids', 'Rebels', 'Moths',
];

export const BAND_NOUNS = [
  'Harbor', 'Arcade', 'Lagoon', 'Avenue', 'Canyon', 'Orchard', 'Garden', 'Empire', 'Signal', 'Mirage', 'Atlas',
  'Motel', 'Cathedral', 'Lighthouse', 'Radio', 'Desert', 'Parade', 'Tempest', 'Horizon', 'Voltage', 'Ember',
  'Monument', 'Palace', 'Pavilion', 'Circuit', 'Collective', 'Society', 'Assembly', 'Syndicate', 'Republic',
  'Frontier', 'Galaxy', 'Prism', 'Vessel', 'Harvest', 'Anthem', 'Tundra', 'Cascade', 'Meridian', 'Lotus',
];

/** Words alone as artist names, for duos, producers and one-word acts. */
export const MONONYMS = [
  'Solenne', 'Kairo', 'Vesper', 'Lumen', 'Odessa', 'Nyx', 'Halcyon', 'Saffron', 'Indigo', 'Ferelith', 'Mirabel',
  'Zephyr', 'Calypso', 'Orrin', 'Thessaly', 'Ondine', 'Björt', 'Ísold', 'Søl', 'Aëla', 'Niño Azul', 'Élan',
];

/** Towns for orchestras and ensembles. */
export const PLACES = ['Vienna', 'Leipzig', 'Kraków', 'Bergen', 'Lyon', 'Porto', 'Bologna', 'Tallinn', 'Göteborg', 'Zürich', 'Sevilla', 'Brno'];

// --- Titles --------------------------------------------------------------------------------

export const NOUNS = [
  'Heart', 'Night', 'Fire', 'River', 'City', 'Summer', 'Rain', 'Light', 'Love', 'Ocean', 'Star', 'Dream', 'Road',
  'Mirror', 'Garden', 'Shadow', 'Window', 'Highway', 'Kiss', 'Letter', 'Storm', 'Echo', 'Morning', 'Winter',
  'Island', 'Ghost', 'Signal', 'Satellite', 'Paper', 'Gold', 'Silver', 'Horizon', 'Tide', 'Harbor', 'Lantern',
  'Wildfire', 'Honey', 'Thunder', 'Lullaby', 'Daylight', 'Skyline', 'Velvet', 'Diamond', 'Ember', 'Avalanche',
  'Canyon', 'Meadow', 'Orchid', 'Comet', 'Galaxy', 'Compass', 'Anchor', 'Carousel', 'Postcard', 'Telephone',
  'Radio', 'Engine', 'Railway', 'Bridge', 'Tower', 'Castle', 'Kingdom', 'Empire', 'Fever', 'Gravity', 'Halo',
  'Heartbeat', 'Lighthouse', 'Machine', 'Magnet', 'Marathon', 'Memory', 'Monsoon', 'Moonlight', 'Mountain',
  'Nightfall', 'Oasis', 'Orbit', 'Paradise', 'Parade', 'Pilgrim', 'Planet', 'Prism', 'Promise', 'Pulse', 'Rebel',
  'Riddle', 'Rocket', 'Rose', 'Sapphire', 'Season', 'Secret', 'Siren', 'Sky', 'Smoke', 'Snow', 'Souvenir',
  'Spark', 'Spiral', 'Sugar', 'Sunrise', 'Sunset', 'Symphony', 'Thief', 'Tiger', 'Treasure', 'Tunnel', 'Twilight',
  'Universe', 'Valley', 'Vertigo', 'Voyage', 'Wave', 'Whisper', 'Wilderness', 'Wings', 'Wolf', 'Youth', 'Arrow',
  'Blossom', 'Cathedral', 'Circus', 'Crown', 'Dust', 'Eclipse', 'Feather', 'Fountain', 'Glacier', 'Harmony',
  'Hurricane', 'Jungle', 'Labyrinth', 'Lagoon', 'Marble', 'Meteor', 'Neon', 'Ocean Floor', 'Origami', 'Pendulum',
  'Quartz', 'Reverie', 'Saltwater', 'Serenade', 'Silhouette', 'Stardust', 'Static', 'Thunderbird', 'Tornado',
  'Velocity', 'Voltage', 'Waterfall', 'Zenith', 'Daydream', 'Firefly', 'Hometown', 'Kaleidoscope', 'Weekend',
];

export const ADJECTIVES = [
  'Golden', 'Electric', 'Broken', 'Silent', 'Endless', 'Wild', 'Blue', 'Burning', 'Hollow', 'Crystal', 'Restless',
  'Sweet', 'Lonely', 'Northern', 'Southern', 'Lost', 'Forever', 'Bitter', 'Velvet', 'Paper', 'Neon', 'Wicked',
  'Fading', 'Falling', 'Rising', 'Dancing', 'Sleeping', 'Frozen', 'Gentle', 'Hidden', 'Holy', 'Infinite',
  'Invisible', 'Little', 'Lucky', 'Magnetic', 'Perfect', 'Purple', 'Quiet', 'Radiant', 'Reckless', 'Sacred',
  'Scarlet', 'Secret', 'Shining', 'Slow', 'Strange', 'Tender', 'Violet', 'Wandering', 'Young', 'Crimson',
  'Distant', 'Emerald', 'Fearless', 'Hazy', 'Heavy', 'Honest', 'Lunar', 'Mellow', 'Midsummer', 'Modern',
  'Naked', 'Pale', 'Rusty', 'Savage', 'Shallow', 'Silver', 'Stolen', 'Sunlit', 'Tropical', 'Ultraviolet',
  'Vivid', 'Weightless', 'Wireless', 'Cosmic', 'Analog', 'Careless', 'Dizzy', 'Electric Blue', 'Naïve',
];

/** Openings that take a noun: "Chasing Satellites", "Waiting for the Rain". */
export const VERB_PHRASES = [
  'Chasing', 'Waiting for the', 'Dreaming of', 'Running from the', 'Dancing in the', 'Lost in the', 'Back to the',
  'Into the', 'Under the', 'Beyond the', 'Call of the', 'Songs for the', 'After the', 'Before the', 'Across the',
  'Holding on to the', 'Falling for the', 'Burning', 'Counting', 'Follow the', 'Letters to the', 'Beneath the',
  'Ride the', 'Catching', 'Remember the', 'Over the', 'Between the', 'Kissing the',
];

/** Titles that stand alone. */
export const PHRASES = [
  'Hold On', 'Come Home', 'Let Go', 'Run Away', 'Stay', 'Call Me Back', 'Never Let Me Down', 'Take Me There',
  'All I Want', 'Say It Again', 'Tell Me Why', 'One More Time', 'Here We Go', 'Not Tonight', 'Slow Down',
  'Breathe', 'Wake Up', 'Keep Moving', 'Stay With Me', 'No Regrets', 'Only You', 'So Far Away', 'Right Now',
  'Like We Used To', 'Don\'t Look Back', 'I Remember', 'Almost Home', 'Nothing Else', 'Better Days', 'Fall Apart',
  'Déjà Vu', 'Soirée', 'Fiancé', 'Rêverie', 'Éphémère', 'Adiós', 'Corazón', 'Mañana', 'Ça Va', 'Über Alles',
];

/** Spanish and Portuguese words for Latin titles: accented words make unaccent matter. */
export const LATIN_NOUNS = [
  'Corazón', 'Noche', 'Fuego', 'Luna', 'Canción', 'Sol', 'Mar', 'Cielo', 'Baile', 'Alma', 'Ilusión', 'Pasión',
  'Camino', 'Verano', 'Estrella', 'Río', 'Tambor', 'Saudade', 'Coração', 'Ciudad', 'Lágrimas', 'Besos', 'Playa',
];
export const LATIN_ADJECTIVES = ['de Cristal', 'Dorado', 'Perdido', 'Eterno', 'Salvaje', 'Azul', 'del Sur', 'de Fuego', 'Bonita', 'Mía', 'en Llamas', 'Tropical'];

/** What decorates some track titles. */
export const TITLE_SUFFIXES = [' (Acoustic)', ' - Live', ' (Remix)', ' Pt. II', ' (Interlude)', ' (Radio Edit)', ' (Demo)', ' - Remastered'];

/** Compilation titles; `%s` is the artist name. */
export const COMPILATION_TITLES = ['Greatest Hits', 'The Best of %s', 'Essentials', 'Anthology', 'B-Sides & Rarities', 'The Collection', 'Singles', 'Gold'];

/**
 * Words the fixture owns: generated names never contain them, so searches for the
 * fixture's names give predictable results.
 */
export const RESERVED_WORDS = ['midnight', 'cartography', 'train', 'cafe', 'café', 'solitude', 'aurora', 'vance', 'lindqvist', 'couriers'];
