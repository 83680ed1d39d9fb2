import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../ids';

/** Splits a comma-separated query value, trimming blanks. */
export const CommaSeparated = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value,
  );

export const MARKET_PATTERN = /^([A-Z]{2}|from_token)$/;

export class MarketQueryDto {
  /**
   * An ISO 3166-1 alpha-2 country code, or `from_token` for the listener's country.
   * With a market, items say whether they play there (`is_playable`) instead of listing markets.
   */
  @IsOptional()
  @Matches(MARKET_PATTERN, { message: 'market must be an ISO 3166-1 alpha-2 code or from_token' })
  market?: string;
}

export class PagingQueryDto extends MarketQueryDto {
  /** How many items to return, 1 to 50. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(50, { message: 'limit must be at most 50' })
  limit: number = 20;

  /** Index of the first item to return. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(100_000, { message: 'offset must be at most 100000' })
  offset: number = 0;
}

/** Validates a comma-separated list of 1 to `max` base62 ids. */
function IdList(max: number): PropertyDecorator {
  return applyDecorators(
    CommaSeparated(),
    ArrayMinSize(1, { message: 'ids must name at least one id' }),
    ArrayMaxSize(max, { message: `ids must name at most ${max} ids` }),
    Matches(ID_PATTERN, { each: true, message: 'ids must be 22-character base62 ids' }),
  );
}

export class Ids20QueryDto extends MarketQueryDto {
  /** Comma-separated base62 ids, at most 20. */
  @IdList(20)
  ids: string[];
}

export class Ids50QueryDto extends MarketQueryDto {
  /** Comma-separated base62 ids, at most 50. */
  @IdList(50)
  ids: string[];
}

export class Ids100QueryDto {
  /** Comma-separated base62 ids, at most 100. */
  @IdList(100)
  ids: string[];
}
