import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { HttpMetrics } from './metrics/metrics';
import { UrlBuilder } from './http/url-builder';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [HttpMetrics, UrlBuilder],
  exports: [HttpMetrics, UrlBuilder],
})
export class CommonModule {}
