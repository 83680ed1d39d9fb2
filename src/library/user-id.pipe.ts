import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-errors';

const USER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A user id in a path: letters, digits, `.`, `_` or `-`, up to 64 characters. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID.test(value)) throw new InvalidInputError('Invalid user id', 'INVALID_ID');
    return value;
  }
}
