import type { RequestHandler } from "express";
import express from "express";

// multipart/form-data (RFC 7578) for the CSV upload forms, without a dependency:
// the body (≤ 2 MB) is read whole and split on the boundary. Text fields land in
// req.body like urlencoded ones; files in req.body.files by field name.
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export const MULTIPART_LIMIT = "2mb";

export function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string | string[]>; files: Record<string, UploadedFile> } {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) throw Object.assign(new Error("multipart boundary missing"), { type: "entity.parse.failed" });
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, UploadedFile> = {};
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the boundary and before the next
    const split = part.indexOf("\r\n\r\n");
    if (split >= 0) {
      const headers = part.subarray(0, split).toString("utf8");
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream";
      if (name !== undefined && filename !== undefined) files[name] = { filename, contentType: type.trim(), data };
      else if (name !== undefined) {
        // A repeated name (a group of checkboxes) becomes a list, as urlencoded forms do.
        const have = fields[name];
        const value = data.toString("utf8");
        fields[name] = have === undefined ? value : Array.isArray(have) ? [...have, value] : [have, value];
      }
    }
    pos = next;
  }
  return { fields, files };
}

/** Reads a multipart body into req.body ({ ...fields, files }); other content types pass through. */
export const multipartBody: RequestHandler[] = [
  express.raw({ type: "multipart/form-data", limit: MULTIPART_LIMIT }),
  (req, _res, next) => {
    const type = req.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data") || !Buffer.isBuffer(req.body)) return next();
    try {
      const { fields, files } = parseMultipart(req.body, type);
      req.body = { ...fields, files };
      next();
    } catch (err) {
      next(err);
    }
  },
];
