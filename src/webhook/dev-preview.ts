import type { webhook } from "@line/bot-sdk";
import type { DevPreview } from "../logger-pretty";

// What the dev terminal shows of an event: who sent it and a short form of what it
// carried. Only the pretty log format (npm run dev) asks for it; it may hold what a
// resident typed, so JSON logs never do (STYLE.md rule 10, logger.ts).
export function devPreview(event: webhook.Event): DevPreview {
  const source = (event as { source?: { userId?: string } }).source;
  return { user: source?.userId, said: said(event) };
}

function said(event: webhook.Event): string {
  if (event.type === "message") {
    const m = event.message;
    return m.type === "text" ? m.text : `(${m.type})`;
  }
  if (event.type === "postback") return `(postback) ${event.postback.data}`;
  return `(${event.type})`;
}
