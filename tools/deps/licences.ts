import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Licence check of the production dependency tree (`npm ls --omit=dev --all`): every
// package must be MIT, ISC, Apache-2.0 or BSD (TEAM.md). It reads each package.json
// `license`; when that field is missing it recognises the LICENSE file's text.
// Exit 1 naming every other package. `npx tsx tools/deps/licences.ts` (.ci/run runs it).
export const ALLOWED = new Set(["MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD"]);

/**
 * Reviewed exceptions, each with its reason (README's dependency table repeats them).
 * A package not named here still fails the check.
 */
export const REVIEWED: Readonly<Record<string, string>> = {
  "@img/sharp-libvips-linux-x64":
    "LGPL-3.0-or-later: libvips, the image library under sharp (Apache-2.0), shipped unmodified as a separate shared library in its own npm package and loaded dynamically, so it can be replaced as the LGPL requires",
};

/** An SPDX expression is allowed when every AND-part has an allowed OR-choice. */
export function allowed(spdx: string): boolean {
  const expr = spdx.replace(/[()]/g, " ").trim();
  return expr.split(/\s+AND\s+/i).every((part) => part.split(/\s+OR\s+/i).some((id) => ALLOWED.has(id.trim())));
}

function fromLicenceFile(dir: string): string | undefined {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!file) return undefined;
  const text = readFileSync(path.join(dir, file), "utf8");
  if (/Permission is hereby granted, free of charge/.test(text)) return "MIT";
  if (/Permission to use, copy, modify, and\/or distribute this software for any/.test(text)) return "ISC";
  if (/Apache License[\s\S]*Version 2\.0/.test(text)) return "Apache-2.0";
  if (/Redistribution and use in source and binary forms/.test(text)) return /Neither the name/.test(text) ? "BSD-3-Clause" : "BSD-2-Clause";
  return undefined;
}

export function licenceOf(dir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { license?: unknown; licenses?: { type?: string }[] };
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license && typeof (pkg.license as { type?: unknown }).type === "string") return (pkg.license as { type: string }).type;
  if (Array.isArray(pkg.licenses) && pkg.licenses.length) return pkg.licenses.map((l) => l.type).join(" OR ");
  return fromLicenceFile(dir) ?? "UNKNOWN";
}

function main(): void {
  const root = path.resolve(__dirname, "../..");
  const dirs = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((d) => d && d !== root && existsSync(path.join(d, "package.json")));
  const bad: string[] = [];
  const seen = new Map<string, number>();
  for (const dir of new Set(dirs)) {
    const name = path.relative(path.join(root, "node_modules"), dir).replace(/\\/g, "/");
    const licence = licenceOf(dir);
    seen.set(licence, (seen.get(licence) ?? 0) + 1);
    if (REVIEWED[name]) console.log(`licence check: ${name} (${licence}) is a reviewed exception: ${REVIEWED[name]}`);
    else if (!allowed(licence)) bad.push(`${name}: ${licence}`);
  }
  const summary = [...seen].map(([l, n]) => `${l} ${n}`).join(", ");
  if (bad.length) {
    console.error(`licence check: ${bad.length} production package(s) outside MIT/ISC/Apache-2.0/BSD:\n  ${bad.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`licence check: ${dirs.length} production packages, all MIT/ISC/Apache-2.0/BSD or a reviewed exception (${summary})`);
}

if (require.main === module) main();
