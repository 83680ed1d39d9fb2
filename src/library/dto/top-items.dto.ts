import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IntegerParam, PagingQueryDto } from '../../common/dto/query-params.dto';
import { TIME_RANGES, type TimeRange } from '../top-items.service';

const TimeRangeParam = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ enum: TIME_RANGES, required: false, default: 'medium_term' }),
    IsOptional(),
    IsIn(TIME_RANGES, { message: `time_range must be one of: ${TIME_RANGES.join(', ')}` }),
  );

export class TopArtistsQueryDto {
  /**
   * Which plays count: `short_term` those of the last 28 days, `medium_term` (the default)
   * those of the last 182 days, `long_term` every play on record.
   */
  @TimeRangeParam()
  time_range: TimeRange = 'medium_term';

  /** How many artists to return, 1 to 50. */
  @IntegerParam('limit', 1, 50)
  limit: number = 20;

  /** Index of the first artist to return. */
  @IntegerParam('offset', 0, 100_000)
  offset: number = 0;
}

export class TopTracksQueryDto extends PagingQueryDto {
  /**
   * Which plays count: `short_term` those of the last 28 days, `medium_term` (the default)
   * those of the last 182 days, `long_term` every play on record.
   */
  @TimeRangeParam()
  time_range: TimeRange = 'medium_term';
}
