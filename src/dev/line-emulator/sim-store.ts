import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SimEntry, SimTranscript } from "./sim-transcript";
import type { SimUser, SimUsers } from "./sim-users";

// Keeps the chat simulator's people and chat history across restarts of `npm run dev`,
// in <data dir>/simulator/ (git-ignored): chat.json (users added by hand, every entry
// and the sequence counter) and images/ (photos a simulated user sent). Written about
// once a second while something changes, and once more at stop. clear() starts afresh.

interface Saved {
  version: 1;
  seq: number;
  users: SimUser[];
  entries: SimEntry[];
}

const SAVE_EVERY_MS = 1000;
const IMAGE_ID = /^[0-9A-Za-z_-]{1,64}$/;

export interface StoredImage {
  contentType: string;
  body: Buffer;
}

export class SimStore {
  private readonly file: string;
  private readonly imageDir: string;
  private timer: NodeJS.Timeout | undefined;
  private savedSeq = -1;
  private savedUsers = -1;

  constructor(
    dir: string,
    private readonly users: SimUsers,
    private readonly transcript: SimTranscript,
  ) {
    this.file = path.join(dir, "chat.json");
    this.imageDir = path.join(dir, "images");
  }

  /** Loads what the last run saved (a damaged file is set aside, not fatal), then saves as things change. */
  start(): void {
    if (existsSync(this.file)) {
      try {
        const saved = JSON.parse(readFileSync(this.file, "utf8")) as Saved;
        for (const u of saved.users) this.users.restore(u);
        this.transcript.restore(saved.seq, saved.entries);
      } catch (err) {
        renameSync(this.file, `${this.file}.damaged`);
        console.error(`chat simulator: ${this.file} could not be read (${(err as Error).message}); set aside as chat.json.damaged`);
      }
    }
    this.savedSeq = this.transcript.cursor;
    this.savedUsers = this.users.list().length;
    this.timer = setInterval(() => this.save(), SAVE_EVERY_MS);
    this.timer.unref();
  }

  /** Writes the file when something changed since the last write (atomically: temp file, then rename). */
  save(): void {
    this.transcript.sync();
    const users = this.users.list();
    if (this.transcript.cursor === this.savedSeq && users.length === this.savedUsers) return;
    const saved: Saved = { version: 1, seq: this.transcript.cursor, users: users.filter((u) => !u.preset), entries: this.transcript.all() };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(saved));
    renameSync(tmp, this.file);
    this.savedSeq = saved.seq;
    this.savedUsers = users.length;
  }

  saveImage(messageId: string, image: StoredImage): void {
    if (!IMAGE_ID.test(messageId)) return;
    mkdirSync(this.imageDir, { recursive: true });
    writeFileSync(path.join(this.imageDir, messageId), image.body);
    writeFileSync(path.join(this.imageDir, `${messageId}.type`), image.contentType);
  }

  loadImage(messageId: string): StoredImage | undefined {
    const file = path.join(this.imageDir, messageId);
    if (!IMAGE_ID.test(messageId) || !existsSync(file)) return undefined;
    return { contentType: readFileSync(`${file}.type`, "utf8"), body: readFileSync(file) };
  }

  /** The "clear" button: forgets every chat, the users added by hand and the photos. */
  clear(): void {
    this.transcript.clear();
    this.users.clear();
    if (existsSync(this.imageDir)) for (const f of readdirSync(this.imageDir)) rmSync(path.join(this.imageDir, f), { force: true });
    this.savedSeq = -1;
    this.save();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.save();
  }
}
