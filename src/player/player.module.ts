import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { OAuthModule } from '../oauth/oauth.module';
import { PlaylistsModule } from '../playlists/playlists.module';
import { DeviceHub } from './device-hub';
import { DevicesService } from './devices.service';
import { PlayerController } from './player.controller';
import { PlayerService } from './player.service';

@Module({
  imports: [CatalogModule, OAuthModule, PlaylistsModule],
  controllers: [PlayerController],
  providers: [DeviceHub, DevicesService, PlayerService],
  exports: [PlayerService],
})
export class PlayerModule {}
