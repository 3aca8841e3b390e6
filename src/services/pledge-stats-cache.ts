// A small in-process cache for slow aggregate counts: a value younger than ttlMs is
// returned as is; an older one is returned too while a single refresh runs in the
// background (stale-while-revalidate), so only the first read ever waits.
interface Entry<T> {
  value?: T;
  at: number;
  loading?: Promise<T>;
}

export class StaleCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<T>, fresh = false): Promise<T> {
    const entry = this.entries.get(key);
    if (!fresh && entry && "value" in entry) {
      if (this.clock() - entry.at > this.ttlMs && !entry.loading) void this.refresh(key, load).catch(() => undefined);
      return entry.value as T;
    }
    if (!fresh && entry?.loading) return entry.loading;
    return this.refresh(key, load);
  }

  clear(): void {
    this.entries.clear();
  }

  private refresh(key: string, load: () => Promise<T>): Promise<T> {
    const entry: Entry<T> = this.entries.get(key) ?? { at: 0 };
    const loading = load().then(
      (value) => {
        this.entries.set(key, { value, at: this.clock() });
        return value;
      },
      (err: unknown) => {
        delete entry.loading;
        throw err;
      },
    );
    entry.loading = loading;
    this.entries.set(key, entry);
    return loading;
  }
}
