import { ApiProperty } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
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

/** An optional whole-number query parameter within bounds, documented with them. */
export function IntegerParam(name: string, min: number, max: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, type: 'integer', minimum: min, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: `${name} must be an integer` }),
    Min(min, { message: min === 0 ? `${name} must not be negative` : `${name} must be at least ${min}` }),
    Max(max, { message: `${name} must be at most ${max}` }),
  );
}

export class PagingQueryDto extends MarketQueryDto {
  /** How many items to return, 1 to 50. */
  @IntegerParam('limit', 1, 50)
  limit: number = 20;

  /** Index of the first item to return. */
  @IntegerParam('offset', 0, 100_000)
  offset: number = 0;
}

/**
 * A comma-separated query list, documented as the plain string it is on the
 * wire (as Spotify does) and validated item by item.
 */
export function CommaList(name: string, rule: { max?: number; pattern?: RegExp; allowed?: readonly string[] }): PropertyDecorator {
  const checks: PropertyDecorator[] = [CommaSeparated(), ArrayMinSize(1, { message: `${name} must name at least one value` })];
  if (rule.max) checks.push(ArrayMaxSize(rule.max, { message: `${name} must name at most ${rule.max} values` }));
  if (rule.pattern) checks.push(Matches(rule.pattern, { each: true, message: `${name} must be 22-character base62 ids` }));
  if (rule.allowed) checks.push(IsIn(rule.allowed, { each: true, message: `${name} must be a list of: ${rule.allowed.join(', ')}` }));
  return applyDecorators(...checks);
}

const IdList = (max: number) => CommaList('ids', { max, pattern: ID_PATTERN });

export class Ids20QueryDto extends MarketQueryDto {
  /** Comma-separated base62 ids, at most 20. */
  @IdList(20)
  @ApiProperty({ type: 'string', example: '4uLU6hMCjMI75M1A2tKUQC,1301WleyT98MSxVHPZCA6M' })
  ids: string[];
}

export class Ids50QueryDto extends MarketQueryDto {
  /** Comma-separated base62 ids, at most 50. */
  @IdList(50)
  @ApiProperty({ type: 'string', example: '4uLU6hMCjMI75M1A2tKUQC,1301WleyT98MSxVHPZCA6M' })
  ids: string[];
}

export class Ids100QueryDto {
  /** Comma-separated base62 ids, at most 100. */
  @IdList(100)
  @ApiProperty({ type: 'string', example: '4uLU6hMCjMI75M1A2tKUQC,1301WleyT98MSxVHPZCA6M' })
  ids: string[];
}
