import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { DeviceDto } from './dto/player.dto';
import { DeviceEntity } from './entities/device.entity';
import type { Hello } from './protocol';

/** How long a device that dropped stays listed (inactive) before it disappears. */
export const DISCONNECTED_GRACE_MS = 60_000;

/** The registry of listeners' devices, shared by every gateway instance through the database. */
@Injectable()
export class DevicesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get devices() {
    return this.db.getRepository(DeviceEntity);
  }

  /** Its id is stable for one listener and one device, and says nothing about either. */
  static deviceId(userId: string, clientDeviceId: string): string {
    return createHash('sha256').update(`${userId}\n${clientDeviceId}`).digest('hex').slice(0, 40);
  }

  async connected(userId: string, clientId: string, hello: Hello['device'], instanceId: string): Promise<DeviceEntity> {
    const device = this.devices.create({
      id: DevicesService.deviceId(userId, hello.client_device_id),
      userId,
      clientId,
      name: hello.name,
      type: hello.type,
      supportsVolume: hello.supports_volume,
      volumePercent: hello.supports_volume ? (hello.volume_percent ?? 100) : null,
      restrictions: hello.restrictions ?? [],
      instanceId,
      connectedAt: new Date(),
      disconnectedAt: null,
    });
    await this.devices.upsert(device, ['id']);
    return device;
  }

  async disconnected(deviceId: string, instanceId: string): Promise<void> {
    // Only if it has not reconnected to another instance meanwhile.
    await this.devices.update({ id: deviceId, instanceId, disconnectedAt: IsNull() }, { disconnectedAt: new Date(), instanceId: null });
  }

  /** Devices of a listener that are connected or dropped within the grace period, oldest first. */
  async listed(userId: string): Promise<DeviceEntity[]> {
    const since = new Date(Date.now() - DISCONNECTED_GRACE_MS);
    return this.devices
      .createQueryBuilder('d')
      .where('d.user_id = :userId AND (d.disconnected_at IS NULL OR d.disconnected_at > :since)', { userId, since })
      .orderBy('d.connected_at', 'ASC')
      .getMany();
  }

  find(userId: string, deviceId: string): Promise<DeviceEntity | null> {
    return this.devices.findOneBy({ id: deviceId, userId });
  }

  async setVolume(deviceId: string, volumePercent: number): Promise<void> {
    await this.devices.update({ id: deviceId }, { volumePercent });
  }

  /** Marks every device an instance held as dropped, when that instance shuts down. */
  async instanceStopped(instanceId: string): Promise<void> {
    await this.devices.update({ instanceId, disconnectedAt: IsNull() }, { disconnectedAt: new Date(), instanceId: null });
  }

  /** Spotify's device object. */
  static present(device: DeviceEntity, activeDeviceId: string | null): DeviceDto {
    return {
      id: device.id,
      is_active: device.id === activeDeviceId && device.disconnectedAt === null,
      is_private_session: false,
      is_restricted: false,
      name: device.name,
      type: device.type,
      volume_percent: device.volumePercent,
      supports_volume: device.supportsVolume,
    };
  }
}
