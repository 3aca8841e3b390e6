import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

// Reporter identity at rest: AES-256-GCM with DATA_ENCRYPTION_KEY. The key id
// travels with each value so keys can be rotated (old keys stay readable).
export interface SealerKeys {
  keyId: string;
  key: Buffer;
  oldKeys?: Record<string, Buffer>;
}

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A keyed hash for equality lookups (e.g. "my complaints") without decrypting. */
  blindIndex(value: string): string;
  /** True when the value was sealed with an old key and should be re-sealed. */
  needsRotation(sealed: string): boolean;
}

const PREFIX = "v1";

export function createSealer(keys: SealerKeys): Sealer {
  if (keys.key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes");
  const all: Record<string, Buffer> = { ...(keys.oldKeys ?? {}), [keys.keyId]: keys.key };
  const indexKey = createHmac("sha256", keys.key).update("sujarit blind index v1").digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys.key, iv);
      cipher.setAAD(Buffer.from(`${PREFIX}:${keys.keyId}`));
      const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [PREFIX, keys.keyId, iv.toString("base64"), tag.toString("base64"), ct.toString("base64")].join(":");
    },
    open(sealed) {
      const [v, keyId, iv, tag, ct] = sealed.split(":");
      if (v !== PREFIX || !keyId || !iv || !tag || ct === undefined) throw new Error("not a sealed value");
      const key = all[keyId];
      if (!key) throw new Error(`unknown encryption key id ${keyId}`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAAD(Buffer.from(`${PREFIX}:${keyId}`));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
    },
    blindIndex(value) {
      return createHmac("sha256", indexKey).update(value).digest("base64url");
    },
    needsRotation(sealed) {
      return sealed.split(":")[1] !== keys.keyId;
    },
  };
}
