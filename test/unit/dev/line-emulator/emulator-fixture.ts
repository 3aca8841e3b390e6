import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { startLineEmulator, type EmulatorOptions, type LineEmulator } from "../../../../src/dev/line-emulator";

// Shared setup for the emulator tests: an emulator plus the real SDK clients pointed at it.
export const CHANNEL = { channelSecret: "test-secret-0123456789abcdef", channelAccessToken: "test-access-token" };

export interface EmulatorFixture {
  emu: LineEmulator;
  client: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
}

export async function startFixture(opts: Partial<EmulatorOptions> = {}): Promise<EmulatorFixture> {
  const emu = await startLineEmulator({ ...CHANNEL, ...opts });
  const config = { channelAccessToken: CHANNEL.channelAccessToken, baseURL: emu.url };
  return { emu, client: new messagingApi.MessagingApiClient(config), blob: new messagingApi.MessagingApiBlobClient(config) };
}

export interface LineHttpError {
  status: number;
  body: { message?: string; details?: Array<{ message: string; property: string }>; sentMessages?: unknown[] };
  headers: Headers;
}

/** Awaits a call that must fail and returns LINE's error (status, parsed body, headers). */
export async function lineError(call: Promise<unknown>): Promise<LineHttpError> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof HTTPFetchError)) throw err;
    return { status: err.status, body: err.body ? JSON.parse(err.body) : {}, headers: err.headers };
  }
  throw new Error("expected the LINE call to fail, but it succeeded");
}

export const text = (t: string): messagingApi.TextMessage => ({ type: "text", text: t });
