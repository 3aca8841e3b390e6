import { existsSync } from "node:fs";
import path from "node:path";

/** The repo root: the nearest folder with a package.json above `from` (works from src/ under tsx and from dist/). */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
