/** Small wire objects shared by several domains (Spotify Web API shapes). */
export interface ImageObject {
  url: string;
  height: number | null;
  width: number | null;
}

export interface CopyrightObject {
  text: string;
  type: 'C' | 'P';
}
