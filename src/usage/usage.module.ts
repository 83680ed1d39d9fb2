import { Module } from '@nestjs/common';
import { OAuthModule } from '../oauth/oauth.module';
import { UsageController } from './usage.controller';
import { UsageRecorder } from './usage-recorder.service';
import { UsageService } from './usage.service';

/** Per-app API usage: counted per minute and route (UsageRecorder), shown on the dashboard (UsageController). */
@Module({
  imports: [OAuthModule],
  controllers: [UsageController],
  providers: [UsageRecorder, UsageService],
  exports: [UsageRecorder, UsageService],
})
export class UsageModule {}
