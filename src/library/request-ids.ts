import { InvalidInputError } from '../common/errors/domain-errors';

/** The ids of a library change: Spotify takes them in the query or in a JSON body (not both, not neither). */
export function requestIds(fromQuery: string[] | undefined, fromBody: string[] | undefined): string[] {
  if (fromQuery && fromBody) throw new InvalidInputError('Send ids in the query or in the body, not both');
  const ids = fromQuery ?? fromBody;
  if (!ids) throw new InvalidInputError('ids is required, in the query or in the body');
  return ids;
}
