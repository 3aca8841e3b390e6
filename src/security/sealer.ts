import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from "node:crypto";

// Reporter identity and other secrets at rest: AES-256-GCM with DATA_ENCRYPTION_KEY.
// The key id travels with each value so keys can be rotated (old keys stay readable).
// Each value is bound to where it is stored: collection, field and record id are
// additional authenticated data (v2), so a sealed value copied to another field or
// record does not open (issue 18, item 14). The 16-byte GCM tag is required: a
// shortened tag would make forgeries cheaper (NIST SP 800-38D §5.2.1.2).
export interface SealerKeys {
  keyId: string;
  key: Buffer;
  oldKeys?: Record<string, Buffer>;
}

/** Where a sealed value lives; it opens only there. */
export interface SealContext {
  collection: string;
  field: string;
  id: string;
}

export interface Sealer {
  seal(plain: string, at: SealContext): string;
  /** Opens a value sealed for `at`; throws for another place, a wrong key or tampering. */
  open(sealed: string, at: SealContext): string;
  /** A keyed hash for equality lookups (e.g. "my complaints") without decrypting. */
  blindIndex(value: string): string;
  /** True when the value was sealed with an old key or without its place (v1), and should be re-sealed. */
  needsRotation(sealed: string): boolean;
}

const V2 = "v2";
/** v1 (no place bound) is still opened, so data stored before v2 stays readable; it is never written. */
const V1 = "v1";
const TAG_BYTES = 16;

function aad(version: string, keyId: string, at: SealContext): Buffer {
  if (version === V1) return Buffer.from(`${V1}:${keyId}`);
  for (const part of [at.collection, at.field, at.id]) if (!part || part.includes("\n")) throw new Error("a seal context needs collection, field and record id");
  return Buffer.from([`${V2}:${keyId}`, at.collection, at.field, at.id].join("\n"));
}

/**
 * Random 96-bit GCM nonces, drawn from the OS in blocks of 512 (one randomFillSync per
 * block instead of one randomBytes per value: 3 % of the bot's CPU at peak ingest, where
 * every webhook event's payload is sealed before the 200). Each nonce is used once, at once.
 */
function nonceSource(): () => Buffer {
  const pool = Buffer.allocUnsafe(12 * 512);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    at += 12;
    return Buffer.from(pool.subarray(at - 12, at));
  };
}

/** Blind indexes of recent values: the same few thousand LINE ids come back all day. */
const BLIND_CACHE_MAX = 4096;

export function createSealer(keys: SealerKeys): Sealer {
  if (keys.key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes");
  const all: Record<string, Buffer> = { ...(keys.oldKeys ?? {}), [keys.keyId]: keys.key };
  const indexKey = createHmac("sha256", keys.key).update("sujarit blind index v1").digest();
  const nextNonce = nonceSource();
  const blind = new Map<string, string>();
  return {
    seal(plain, at) {
      const iv = nextNonce();
      const cipher = createCipheriv("aes-256-gcm", keys.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(V2, keys.keyId, at));
      const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [V2, keys.keyId, iv.toString("base64"), tag.toString("base64"), ct.toString("base64")].join(":");
    },
    open(sealed, at) {
      const [v, keyId, iv, tag, ct] = sealed.split(":");
      if ((v !== V2 && v !== V1) || !keyId || !iv || !tag || ct === undefined) throw new Error("not a sealed value");
      const key = all[keyId];
      if (!key) throw new Error(`unknown encryption key id ${keyId}`);
      const tagBytes = Buffer.from(tag, "base64");
      if (tagBytes.length !== TAG_BYTES) throw new Error("the authentication tag must be 16 bytes");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"), { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(v, keyId, at));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
    },
    blindIndex(value) {
      let hash = blind.get(value);
      if (hash === undefined) {
        hash = createHmac("sha256", indexKey).update(value).digest("base64url");
        if (blind.size >= BLIND_CACHE_MAX) blind.clear();
        blind.set(value, hash);
      }
      return hash;
    },
    needsRotation(sealed) {
      const [v, keyId] = sealed.split(":");
      return v !== V2 || keyId !== keys.keyId;
    },
  };
}
