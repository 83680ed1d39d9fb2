import { z } from 'zod';

/**
 * The Backbeat device protocol, version 1 (docs/devices.md): JSON text frames over a WebSocket at
 * /v1/devices/connect. A device says `hello`, the server answers `welcome`; the server sends `command`s,
 * which the device acknowledges with `ack`; the device reports what it does with `state`. Every frame
 * names its `type`; unknown or malformed frames get an `error` frame and change nothing.
 */
export const PROTOCOL_VERSION = 1;

export const DEVICE_TYPES = ['Computer', 'Smartphone', 'Tablet', 'Speaker', 'TV', 'AVR', 'STB', 'AudioDongle', 'GameConsole', 'CastVideo', 'CastAudio', 'Automobile', 'Unknown'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const REPEAT_STATES = ['off', 'context', 'track'] as const;
export type RepeatState = (typeof REPEAT_STATES)[number];

/** What a device can refuse to do, as it announces in `hello`. */
export const DEVICE_RESTRICTIONS = ['seek', 'volume', 'skip_previous'] as const;

const id = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores');

export const helloSchema = z.object({
  type: z.literal('hello'),
  v: z.literal(PROTOCOL_VERSION),
  /** A token may come here instead of the Authorization header (browsers cannot set WebSocket headers). */
  token: z.string().min(16).max(512).optional(),
  device: z.object({
    /** The device's own stable id (e.g. a serial number): it keeps its Backbeat device id across reconnects. */
    client_device_id: id,
    name: z.string().trim().min(1).max(100),
    type: z.enum(DEVICE_TYPES),
    supports_volume: z.boolean(),
    volume_percent: z.number().int().min(0).max(100).nullable().optional(),
    restrictions: z.array(z.enum(DEVICE_RESTRICTIONS)).max(DEVICE_RESTRICTIONS.length).optional(),
  }),
});

export const ackSchema = z.object({
  type: z.literal('ack'),
  id: z.string().min(1).max(64),
  /** Present when the device could not carry the command out. */
  error: z.object({ code: z.string().max(64), message: z.string().max(500) }).optional(),
});

export const STATE_EVENTS = ['playing', 'paused', 'position', 'buffering', 'track_ended', 'error'] as const;

export const stateSchema = z.object({
  type: z.literal('state'),
  event: z.enum(STATE_EVENTS),
  /** The track the report is about; reports about another track than the current one are stale and ignored. */
  item_uri: z.string().max(200).optional(),
  position_ms: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
  error: z.object({ code: z.string().max(64), message: z.string().max(500) }).optional(),
});

export const deviceMessageSchema = z.discriminatedUnion('type', [helloSchema, ackSchema, stateSchema]);
export type DeviceMessage = z.infer<typeof deviceMessageSchema>;
export type Hello = z.infer<typeof helloSchema>;
export type StateReport = z.infer<typeof stateSchema>;

/** Commands a device receives; each carries the whole playback the device should be in afterwards. */
export const COMMANDS = ['play', 'pause', 'resume', 'seek', 'volume', 'shuffle', 'repeat', 'transfer_in', 'transfer_out'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The playback a command asks for: the device plays `item` from `position_ms` when `is_playing`. */
export interface TargetPlayback {
  item: { uri: string; id: string; name: string; duration_ms: number } | null;
  position_ms: number;
  is_playing: boolean;
  volume_percent: number | null;
  shuffle: boolean;
  repeat: RepeatState;
}

/** Frames the server sends. */
export type ServerMessage =
  | { type: 'welcome'; v: typeof PROTOCOL_VERSION; device_id: string; heartbeat_ms: number }
  | { type: 'command'; id: string; command: CommandName; playback: TargetPlayback }
  | { type: 'error'; code: ProtocolErrorCode; message: string };

export type ProtocolErrorCode = 'INVALID_MESSAGE' | 'UNAUTHORIZED' | 'INSUFFICIENT_SCOPE' | 'NOT_READY' | 'UNKNOWN_COMMAND';

/** Parses a frame; the error names what is wrong in words a device developer can act on. */
export function parseDeviceMessage(raw: string): { ok: true; message: DeviceMessage } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Frames must be JSON objects' };
  }
  const result = deviceMessageSchema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue.path.join('.') || 'frame'}: ${issue.message}` };
}
