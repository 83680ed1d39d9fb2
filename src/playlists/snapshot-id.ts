import { InvalidInputError } from '../common/errors/domain-errors';

/** An opaque name for one version of a playlist. */
export function snapshotId(playlistId: string, version: number): string {
  return Buffer.from(`${playlistId}:${version}`).toString('base64url');
}

/** The version a snapshot id names; 400 when it names another playlist or is not a snapshot id. */
export function snapshotVersion(playlistId: string, snapshot: string): number {
  const [id, version] = Buffer.from(snapshot, 'base64url').toString().split(':');
  if (id !== playlistId || !/^[1-9][0-9]{0,9}$/.test(version ?? '')) throw new InvalidInputError('snapshot_id is not a snapshot of this playlist', 'INVALID_SNAPSHOT_ID');
  return Number(version);
}
