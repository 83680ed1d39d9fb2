import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-errors';
import { isValidId } from '../ids';

/** Path ids must be 22-character base62 ids. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidId(value)) throw new InvalidInputError('Invalid base62 id', 'INVALID_ID');
    return value;
  }
}
