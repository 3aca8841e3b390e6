import type { SimEventInput } from "../dev/line-emulator/sim-client";
import type { SimEntry } from "../dev/line-emulator/sim-transcript";

// `say --tap "<button label>"`: taps a button or quick reply the bot sent last, the way a
// person does in the chat simulator, so nobody has to know postback data (a confirm button
// carries a draft id, for example). The newest message with such a label wins.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;

/** Every action in a message: Flex buttons and actions, template actions, quick replies. */
function actionsIn(node: unknown, out: Obj[] = []): Obj[] {
  if (Array.isArray(node)) node.forEach((n) => actionsIn(n, out));
  else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if ((k === "action" || k === "defaultAction") && isObj(v) && typeof v.type === "string") out.push(v);
      else if (k === "actions" && Array.isArray(v)) v.filter(isObj).forEach((a) => out.push(a));
      else actionsIn(v, out);
    }
  }
  return out;
}

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

export class TapError extends Error {}

/** The event a tap on `label` sends; params fill a date/time picker (e.g. {date: "2026-12-01"}). */
export function tapEvent(entries: readonly SimEntry[], label: string, params: Record<string, string> = {}): SimEventInput {
  const wanted = norm(label);
  const seen: string[] = [];
  for (const e of [...entries].reverse()) {
    if (e.from !== "bot") continue;
    const actions = actionsIn(e.message).filter((a) => typeof a.label === "string");
    seen.push(...actions.map((a) => String(a.label)));
    const a = actions.find((x) => norm(String(x.label)) === wanted);
    if (!a) continue;
    if (a.type === "message") return { type: "text", text: String(a.text) };
    if (a.type === "postback") return { type: "postback", data: String(a.data), displayText: String(a.displayText ?? a.label) };
    if (a.type === "datetimepicker") {
      if (Object.keys(params).length === 0) throw new TapError(`"${label}" opens a ${String(a.mode)} picker: add --param ${String(a.mode)}=…`);
      return { type: "postback", data: String(a.data), params };
    }
    if (a.type === "location") throw new TapError(`"${label}" asks for a location: send one with --location lat,lng`);
    if (a.type === "uri") throw new TapError(`"${label}" opens ${String(a.uri)}`);
    throw new TapError(`"${label}" is a ${String(a.type)} action, which say cannot tap`);
  }
  const known = [...new Set(seen)].slice(0, 20).map((l) => `"${l}"`).join(", ");
  throw new TapError(`no button "${label}" in the bot's recent messages${known ? `; there are: ${known}` : ""}`);
}
