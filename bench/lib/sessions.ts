import type { LineEmulator, WebhookEventInput } from "../../src/dev/line-emulator";
import { makeUserId } from "../../src/dev/line-emulator";
import { EXPLAINERS } from "../../src/content/explainers";
import { postbackData } from "../../src/webhook/postback";

// Simulated residents for the end-to-end benchmark. Each one waits for the bot's
// answer before the next step, like a person: explainers (1–3 questions), the
// pledge (start, then tap the pledge buttons the bot offers) and a complaint
// (start, tap its buttons or answer in words, then cancel so nothing is filed).
export type SessionKind = "explainer" | "pledge" | "complaint";

export interface Session {
  kind: SessionKind;
  user: string;
  step: number;
  lastReply: unknown[];
  done: boolean;
}

const COMPLAINT_ANSWER = "มีการเรียกเก็บเงินค่าธรรมเนียมเกินกว่าที่ประกาศไว้ที่สำนักงานค่ะ";
const MAX_STEPS: Record<SessionKind, number> = { explainer: 3, pledge: 6, complaint: 8 };

/** Postback data of the buttons and quick replies in a reply, in order. */
export function postbacksIn(messages: unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (o.type === "postback" && typeof o.data === "string") out.push(o.data);
    for (const x of Object.values(o)) walk(x);
  };
  walk(messages);
  return out;
}

const actionOf = (data: string) => new URLSearchParams(data).get("a") ?? "";

export function newSession(kind: SessionKind, n: number): Session {
  return { kind, user: makeUserId(`e2e-${kind}-${n}`), step: 0, lastReply: [], done: false };
}

/** The next event of a session, or undefined when it has finished. */
export function nextEvent(line: LineEmulator, s: Session, rand: () => number): WebhookEventInput | undefined {
  if (s.done || s.step >= MAX_STEPS[s.kind]) return undefined;
  const step = s.step++;
  if (s.kind === "explainer") {
    if (step > 0 && rand() < 0.4) return undefined;
    const pick = rand();
    if (pick < 0.3) return line.events.text(s.user, "ไม่รับ ไม่ให้");
    if (pick < 0.5) return line.events.text(s.user, "เมนู");
    const topic = EXPLAINERS[Math.floor(rand() * EXPLAINERS.length)]!;
    return line.events.postback(s.user, postbackData("topic.show", { t: topic.id }));
  }
  if (step === 0) return line.events.text(s.user, s.kind === "pledge" ? "ประกาศเจตนารมณ์" : "แจ้งเรื่องร้องเรียน");
  const prefix = `${s.kind}.`;
  const taps = postbacksIn(s.lastReply).filter((d) => actionOf(d).startsWith(prefix) && !/cancel|withdraw|clear|edit|track/i.test(actionOf(d)));
  if (s.kind === "complaint" && step === MAX_STEPS.complaint - 1) return line.events.text(s.user, "ยกเลิก");
  if (taps.length > 0) return line.events.postback(s.user, taps[0]!);
  if (s.kind === "complaint") return line.events.text(s.user, COMPLAINT_ANSWER);
  return undefined; // the pledge offers nothing more to tap: done
}
