import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { InvalidInputError } from '../errors/domain-errors';
import { ID_PATTERN, isValidId, ObjectType } from '../ids';

/** Path ids must be 22-character base62 ids. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidId(value)) throw new InvalidInputError('Invalid base62 id', 'INVALID_ID');
    return value;
  }
}

/** Documents an `{id}` path parameter. */
export const ApiIdParam = (type: ObjectType, name = 'id'): MethodDecorator =>
  ApiParam({
    name,
    description: `The ${type}'s base62 id.`,
    schema: { type: 'string', pattern: ID_PATTERN.source, example: '4uLU6hMCjMI75M1A2tKUQC' },
  });
