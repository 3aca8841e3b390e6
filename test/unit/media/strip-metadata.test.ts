import assert from "node:assert/strict";
import { test } from "node:test";
import sharp from "sharp";
import { UndecodableImageError, stripImageMetadata } from "../../../src/media/strip-metadata";

// Issue 18 item 6: photos lose EXIF (GPS), XMP and comments, and keep their pixels.
export async function photoWithGps(format: "jpeg" | "png" | "webp"): Promise<Buffer> {
  const img = sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 10, g: 120, b: 200 } } }).withExif({
    IFD0: { Make: "SecretPhone", Model: "X-GPS-1", Copyright: "REPORTER-NAME" },
    IFD3: { GPSLatitudeRef: "N", GPSLatitude: "16/1 26/1 1234/100", GPSLongitudeRef: "E", GPSLongitude: "102/1 50/1 0/1" },
  });
  return format === "jpeg" ? img.jpeg().toBuffer() : format === "png" ? img.png().toBuffer() : img.webp().toBuffer();
}

for (const [format, type] of [["jpeg", "image/jpeg"], ["png", "image/png"], ["webp", "image/webp"]] as const) {
  test(`${format}: GPS and camera tags are gone, the picture stays`, async () => {
    const input = await photoWithGps(format);
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.exif.includes(Buffer.from("SecretPhone")), "the fixture carries EXIF");
    const out = await stripImageMetadata(input, type);
    const after = await sharp(out).metadata();
    assert.equal(after.exif, undefined);
    assert.equal(after.xmp, undefined);
    assert.equal(after.format, format);
    assert.deepEqual([after.width, after.height], [24, 16]);
    for (const s of ["SecretPhone", "REPORTER-NAME", "Exif"]) assert.equal(out.includes(Buffer.from(s)), false, s);
  });
}

test("bytes that only look like an image are refused", async () => {
  await assert.rejects(stripImageMetadata(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), "image/png"), UndecodableImageError);
});
