import { Body, Controller, Get, Headers, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentListener, CurrentPrincipal, Public, Scopes } from '../common/auth/auth.decorators';
import { assertScopes } from '../common/auth/auth.guard';
import type { Listener, Principal } from '../common/auth/principal';
import { ImageDto } from '../common/dto/common-objects.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-errors';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ApiIdParam, ParseIdPipe } from '../common/http/parse-id.pipe';
import { SqlRunner } from '../database/sql-runner';
import { readCover } from './cover-image';
import { PlaylistPresenter } from './playlist.presenter';
import { PlaylistsService } from './playlists.service';

const DIGEST_FILE = /^([0-9a-f]{64})\.jpg$/;

/** Playlist covers: read, upload, and the image files themselves. */
@Controller()
export class PlaylistCoversController {
  constructor(
    private readonly playlists: PlaylistsService,
    private readonly presenter: PlaylistPresenter,
    private readonly sql: SqlRunner,
  ) {}

  @ApiTags('Playlists')
  @ApiOperation({ operationId: 'getPlaylistCover', summary: 'Get a playlist’s cover image' })
  @ApiNotFoundResponse({ description: 'No playlist has this id, or the caller may not see it.', type: ErrorResponseDto })
  @ApiIdParam('playlist', 'playlist_id')
  @Scopes()
  @Get('v1/playlists/:playlist_id/images')
  async images(@Param('playlist_id', ParseIdPipe) id: string, @CurrentPrincipal() p: Principal): Promise<ImageDto[]> {
    return this.presenter.images(await this.playlists.readable(p, id));
  }

  @ApiTags('Playlists')
  @ApiOperation({
    operationId: 'uploadCustomPlaylistCover',
    summary: 'Upload a playlist’s cover image',
    description: 'The body is a base64-encoded JPEG of at most 256 KB, sent as `image/jpeg`; it needs `ugc-image-upload` and the owner’s modify scope.',
  })
  @ApiConsumes('image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'base64' } })
  @ApiAcceptedResponse({ description: 'The cover was stored.' })
  @ApiIdParam('playlist', 'playlist_id')
  @Scopes()
  @HttpCode(202)
  @Put('v1/playlists/:playlist_id/images')
  async upload(@Param('playlist_id', ParseIdPipe) id: string, @Body() body: unknown, @Headers('content-type') type: string | undefined, @CurrentListener() p: Listener): Promise<void> {
    // Fastify's JSON and text parsers would hand over a string too; only image/jpeg is a cover.
    if (type?.split(';')[0].trim().toLowerCase() !== 'image/jpeg') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the cover as base64 text with Content-Type image/jpeg', 'UNSUPPORTED_MEDIA_TYPE');
    assertScopes(p, ['ugc-image-upload']);
    const cover = readCover(body);
    await this.playlists.change(p, id, 'details', async (sql, row) => {
      await sql(
        `INSERT INTO playlist_images (playlist_id, jpeg, digest, width, height) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (playlist_id) DO UPDATE SET jpeg = EXCLUDED.jpeg, digest = EXCLUDED.digest, width = EXCLUDED.width, height = EXCLUDED.height`,
        [id, cover.jpeg, cover.digest, cover.width, cover.height],
      );
      return row.item_count;
    });
  }

  /** The image files: public, as image URLs are fetched without a token; named by content, so cached for good. */
  @ApiExcludeEndpoint()
  @Public()
  @Get('images/playlist-covers/:file')
  async file(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const digest = DIGEST_FILE.exec(file)?.[1];
    const [row] = digest ? await this.sql.query<{ jpeg: Buffer }>(`SELECT jpeg FROM playlist_images WHERE digest = $1 LIMIT 1`, [digest]) : [];
    if (!row) throw new NotFoundError('No such image');
    await reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=31536000, immutable').send(row.jpeg);
  }
}
