import type { webhook } from "@line/bot-sdk";

// LINE sends several photos chosen at once as separate events that share an
// imageSet {id, total}. A flow answers once, after the set's last photo, with what
// was kept and why any were not. The progress of each open set is kept in the flow's
// own state (the complaint draft, the meeting-report photo step).
export interface ImageSetProgress {
  id: string;
  total: number;
  seen: number;
  stored: number;
  /** Thai messages for photos that could not be kept. */
  problems: string[];
}

/**
 * Counts one photo. A lone photo (no set, or a set of one) gives undefined; a photo
 * before its set's last gives "wait" (stay quiet); the last one gives the finished
 * set, which is taken out of `sets`.
 */
export function countImageSetPhoto(
  sets: ImageSetProgress[],
  msg: webhook.ImageMessageContent,
  outcome: { problem?: string; stored: boolean },
): ImageSetProgress | "wait" | undefined {
  const set = msg.imageSet;
  if (!set?.id || typeof set.total !== "number" || set.total <= 1) return undefined;
  let entry = sets.find((s) => s.id === set.id);
  if (!entry) {
    entry = { id: String(set.id).slice(0, 100), total: Math.min(set.total, 50), seen: 0, stored: 0, problems: [] };
    sets.push(entry);
  }
  entry.seen += 1;
  if (outcome.problem) entry.problems.push(outcome.problem);
  else if (outcome.stored) entry.stored += 1;
  if (entry.seen < entry.total) return "wait";
  sets.splice(sets.indexOf(entry), 1);
  return entry;
}
