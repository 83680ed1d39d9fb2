import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { InvalidInputError } from '../common/errors/domain-errors';

/** The most nodes one connection returns: `first`/`last` must be 1…MAX_PAGE (the cost analysis checks it before anything runs). */
export const MAX_PAGE = 50;

/** Relay paging arguments: forward with `first`/`after`, backward with `last`/`before`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Nodes after \`after\` (1–${MAX_PAGE}); this or \`last\` is required.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number;

  @Field({ nullable: true, description: 'Opaque cursor: return nodes after this one.' })
  @IsOptional()
  @IsString()
  after?: string;

  @Field(() => Int, { nullable: true, description: `Nodes before \`before\` (1–${MAX_PAGE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  last?: number;

  @Field({ nullable: true, description: 'Opaque cursor: return nodes before this one.' })
  @IsOptional()
  @IsString()
  before?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** A slice of an offset-paged list: what a connection resolver returns. */
export interface ConnectionSlice<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionSlice<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} nodes.` })
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => [node]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'How many nodes the whole list holds.' }) totalCount: number;
  }
  return ConnectionType;
}

const PREFIX = 'offset:';
export const encodeCursor = (offset: number): string => Buffer.from(`${PREFIX}${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) throw new InvalidInputError(`Invalid cursor: ${cursor}`, 'INVALID_CURSOR');
  return offset;
}

/**
 * The offset window the arguments ask for. Backward paging without `before` needs the list's
 * length, so `total` is asked for only then.
 */
export async function pageWindow(args: ConnectionArgs, total: () => Promise<number>): Promise<{ offset: number; limit: number }> {
  if (args.first !== undefined && args.first !== null) {
    return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit: args.first };
  }
  const end = args.before ? decodeCursor(args.before) : await total();
  const limit = Math.min(args.last ?? MAX_PAGE, end);
  return { offset: end - limit, limit };
}

/** A connection over one page of an offset-paged list. */
export function toConnection<T>(page: { items: T[]; offset: number; total: number }): ConnectionSlice<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    nodes: page.items,
    edges,
    totalCount: page.total,
    pageInfo: {
      hasPreviousPage: page.offset > 0,
      hasNextPage: page.offset + page.items.length < page.total,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Runs an offset-paged service call for the connection's window. */
export async function connect<T>(args: ConnectionArgs, fetch: (page: { offset: number; limit: number }) => Promise<{ items: T[]; offset: number; total: number }>): Promise<ConnectionSlice<T>> {
  const window = await pageWindow(args, async () => (await fetch({ offset: 0, limit: 0 })).total);
  return toConnection(await fetch(window));
}
