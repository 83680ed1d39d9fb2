import { Controller, Get, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { MessageBus } from '../bus/message-bus';
import { RateLimitStore } from './rate-limit-store';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    // Absent in the CLI contexts, which import CommonModule without BusModule.
    @Optional() private readonly bus?: MessageBus,
    @Optional() private readonly limiter?: RateLimitStore,
  ) {}

  /** The process is up. */
  @Public()
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** The process can serve: its database answers. Without Redis it still serves, degraded. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const { bus, limiter } = this;
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      ...(bus ? [() => this.messageBus(bus)] : []),
      ...(limiter ? [() => this.rateLimitStore(limiter)] : []),
    ]);
  }

  /** Without Redis the limiter counts per instance (degraded) or, configured to fail closed, refuses API calls (down). */
  private rateLimitStore(limiter: RateLimitStore) {
    const indicator = this.indicators.check('rateLimitStore');
    const { store, connected, onFailure } = limiter.status();
    if (connected) return indicator.up({ store });
    const details = { store, onFailure, message: 'Redis unreachable' };
    return onFailure === 'open' ? indicator.degraded({ ...details, message: 'Redis unreachable: each instance counts in its own memory' }) : indicator.down(details);
  }

  // Degraded, not down: a Redis outage hits every instance alike, and catalog and auth still work.
  private messageBus(bus: MessageBus) {
    const indicator = this.indicators.check('messageBus');
    const { transport, connected } = bus.status();
    return connected ? indicator.up({ transport }) : indicator.degraded({ transport, message: 'Redis unreachable: player commands cannot reach other instances' });
  }
}
