import { Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentListener, Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { CommaList } from '../common/dto/query-params.dto';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { LibraryItemsService } from './library-items.service';

export class LibraryUrisQueryDto {
  /**
   * Comma-separated URIs, at most 40, of tracks and albums (saved), artists and listeners
   * (followed) and playlists (followed), in any mix.
   */
  @CommaList('uris', { max: 40 })
  @ApiProperty({ type: 'string', example: 'backbeat:track:4uLU6hMCjMI75M1A2tKUQC,backbeat:album:1301WleyT98MSxVHPZCA6M' })
  uris: string[];
}

const SCOPES_NOTE =
  'Each kind of URI needs its own scope: `user-library-*` for tracks and albums, `user-follow-*` for artists and listeners, ' +
  '`playlist-modify-public` (or `playlist-read-private` to check) for playlists.';

/** The listener's whole library through one set of URIs (Spotify's `/me/library`). */
@ApiTags('Library')
@ApiBadRequestResponse({ description: 'A malformed or unsupported URI, or more than 40.', type: ErrorResponseDto })
@Controller('v1/me/library')
export class LibraryItemsController {
  constructor(private readonly items: LibraryItemsService) {}

  @ApiOperation({ operationId: 'saveLibraryItems', summary: 'Save or follow items of any kind', description: SCOPES_NOTE })
  @ApiNotFoundResponse({ description: 'A URI names nothing.', type: ErrorResponseDto })
  @Scopes()
  @HttpCode(200)
  @Put()
  save(@Query() query: LibraryUrisQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.items.save(p, query.uris);
  }

  @ApiOperation({ operationId: 'removeLibraryItems', summary: 'Remove or unfollow items of any kind', description: SCOPES_NOTE })
  @Scopes()
  @HttpCode(200)
  @Delete()
  remove(@Query() query: LibraryUrisQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.items.remove(p, query.uris);
  }

  @ApiOperation({ operationId: 'checkLibraryContains', summary: 'Check whether items are in the library', description: SCOPES_NOTE })
  @Scopes()
  @Get('contains')
  contains(@Query() query: LibraryUrisQueryDto, @CurrentListener() p: Listener): Promise<boolean[]> {
    return this.items.contains(p, query.uris);
  }
}
