import type Sharp from "sharp";

// Removes what a photo says about where, when and with what it was taken: EXIF
// (GPS position, time, camera serial), XMP, IPTC, comments and the embedded
// thumbnail, by decoding the pixels and encoding them again (sharp/libvips writes
// no metadata unless asked to). The EXIF orientation is applied to the pixels
// first, so the photo still looks the right way up. Used for complaint evidence,
// whose reporter may be anonymous, and meant for any photo a resident sends.
export type StrippableType = "image/jpeg" | "image/png" | "image/webp";

/** Decoded pixels at most this many (a 10 MB photo is far below; a decompression bomb is not). */
export const MAX_INPUT_PIXELS = 50_000_000;

export class UndecodableImageError extends Error {
  override name = "UndecodableImageError";
}

// sharp (libvips, about 9 MB resident with its threads) is loaded with the first
// photo: most processes (the webhook's text traffic, the CLI) never decode one.
let sharpModule: typeof Sharp | undefined;
function loadSharp(): typeof Sharp {
  sharpModule ??= require("sharp") as typeof Sharp;
  return sharpModule;
}

export async function stripImageMetadata(data: Buffer, type: StrippableType): Promise<Buffer> {
  const sharp = loadSharp();
  try {
    const img = sharp(data, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    if (type === "image/jpeg") return await img.jpeg({ quality: 90 }).toBuffer();
    if (type === "image/png") return await img.png().toBuffer();
    return await img.webp({ quality: 90 }).toBuffer();
  } catch (err) {
    throw new UndecodableImageError(`not a decodable ${type}: ${(err as Error).message}`);
  }
}
