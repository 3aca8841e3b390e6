import type { RequestHandler } from "express";
import busboy from "busboy";
import type { Readable } from "node:stream";

// multipart/form-data (RFC 7578) for the CSV upload forms, parsed by busboy with
// limits on parts, fields, field and file size, and file count. Text fields land in
// req.body like urlencoded ones; files in req.body.files by field name.
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface Multipart {
  /** A repeated name (a group of checkboxes) becomes a list, as urlencoded forms do. */
  fields: Record<string, string | string[]>;
  files: Record<string, UploadedFile>;
}

/** The forms: CSV uploads (a CSRF token, a pasted-CSV field, one file) and announcements (about 20 fields, up to 26 district checkboxes, one image). */
export const MULTIPART_LIMITS = {
  /** Whole body (fields and files together), as the 2 MB raw-body limit before busboy. */
  totalBytes: 2 * 1024 * 1024,
  fileSize: 2 * 1024 * 1024,
  fieldSize: 2 * 1024 * 1024,
  fieldNameSize: 100,
  fields: 60,
  files: 1,
  parts: 61,
  headerPairs: 20,
};

const tooLarge = (what: string) => Object.assign(new Error(`multipart ${what} over the limit`), { type: "entity.too.large", status: 413 });
const malformed = (err: Error) => Object.assign(new Error(`multipart: ${err.message}`), { type: "entity.parse.failed", status: 400 });

/** Reads a whole multipart body; rejects with a 413-typed error at any limit, 400 when malformed. */
export function parseMultipart(body: Readable | Buffer, contentType: string, limits = MULTIPART_LIMITS): Promise<Multipart> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // busboy marks a part truncated when it reaches its limit: one byte more lets a part of exactly the limit through.
      const own = { ...limits, fileSize: limits.fileSize + 1, fieldSize: limits.fieldSize + 1 };
      bb = busboy({ headers: { "content-type": contentType }, limits: own, defParamCharset: "utf8" });
    } catch (err) {
      return reject(malformed(err as Error));
    }
    const out: Multipart = { fields: {}, files: {} };
    let total = 0;
    let done = false;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      if (!Buffer.isBuffer(body)) {
        body.unpipe(bb);
        body.resume(); // the rest is read and dropped, so the 413 can be answered
      }
      reject(err);
    };
    const count = (n: number) => {
      total += n;
      if (total > limits.totalBytes) fail(tooLarge("body"));
    };
    bb.on("field", (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail(tooLarge("field"));
      count(Buffer.byteLength(value));
      const have = out.fields[name];
      out.fields[name] = have === undefined ? value : Array.isArray(have) ? [...have, value] : [have, value];
    });
    bb.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => {
        chunks.push(c);
        count(c.length);
      });
      stream.on("limit", () => fail(tooLarge("file")));
      stream.on("end", () => {
        if (!stream.truncated) out.files[name] = { filename: info.filename ?? "", contentType: info.mimeType, data: Buffer.concat(chunks) };
      });
    });
    bb.on("partsLimit", () => fail(tooLarge("parts")));
    bb.on("filesLimit", () => fail(tooLarge("files")));
    bb.on("fieldsLimit", () => fail(tooLarge("fields")));
    bb.on("error", (err: Error) => fail(malformed(err)));
    bb.on("close", () => {
      if (done) return;
      done = true;
      resolve(out);
    });
    if (Buffer.isBuffer(body)) bb.end(body);
    else body.pipe(bb);
  });
}

/** Reads a multipart body into req.body ({ ...fields, files }); other content types pass through. */
export const multipartBody: RequestHandler[] = [
  (req, _res, next) => {
    const type = req.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) return next();
    parseMultipart(req, type).then(({ fields, files }) => {
      req.body = { ...fields, files };
      next();
    }, next);
  },
];
