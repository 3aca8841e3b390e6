// LINE messages as plain lines for a terminal (`npm run cli -- say`): text as is,
// Flex as its altText plus the texts and button labels it contains, in reading
// order, and quick-reply labels on one line.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A terminal shows the words, not the invisible joiners that keep Thai words on one line. */
function textOf(c: Json): string {
  const spans = list(c.contents).filter(isObject);
  const text = spans.length > 0 ? spans.map((s) => String(s.text ?? "")).join("") : String(c.text ?? "");
  return text.replace(/\u2060/g, "").replace(/\u00A0/g, " ");
}

function actionLabel(action: unknown): string {
  return isObject(action) ? String(action.label ?? action.text ?? action.type ?? "") : "";
}

/** Inline parts of a component: what a reader sees on one line of a horizontal box. */
function inlineParts(c: Json): string[] {
  switch (c.type) {
    case "text":
      return [textOf(c)];
    case "button":
      return [`[${actionLabel(c.action)}]`];
    case "image":
      return ["[รูปภาพ]"];
    case "box":
      return list(c.contents).filter(isObject).flatMap(inlineParts);
    default:
      return [];
  }
}

function componentLines(c: Json): string[] {
  if (c.type === "box" && c.layout === "vertical") return list(c.contents).filter(isObject).flatMap(componentLines);
  const line = inlineParts(c).filter((p) => p.trim() !== "").join("  ");
  return line ? line.split("\n") : [];
}

function bubbleLines(bubble: Json): string[] {
  return ["header", "hero", "body", "footer"].flatMap((block) => (isObject(bubble[block]) ? componentLines(bubble[block] as Json) : []));
}

/** The texts of a Flex container (bubble or carousel), one line per line of text. */
export function flattenFlex(container: unknown): string[] {
  if (!isObject(container)) return [];
  if (container.type === "carousel") {
    const bubbles = list(container.contents).filter(isObject);
    return bubbles.flatMap((b, i) => [`── ${i + 1}/${bubbles.length} ──`, ...bubbleLines(b)]);
  }
  return bubbleLines(container);
}

function templateLines(t: Json): string[] {
  const columns = t.type === "carousel" || t.type === "image_carousel" ? list(t.columns).filter(isObject) : [t];
  return columns.flatMap((col) => {
    const lines = [col.title, col.text].filter((x): x is string => typeof x === "string" && x !== "");
    const buttons = [...list(col.actions), col.action].filter(isObject).map((a) => `[${actionLabel(a)}]`);
    return buttons.length > 0 ? [...lines, buttons.join(" ")] : lines;
  });
}

/** One message as lines: the first says what it is, the rest are its content. */
export function describeMessage(message: unknown): string[] {
  if (!isObject(message)) return [String(message)];
  const lines: string[] = [];
  switch (message.type) {
    case "text":
    case "textV2":
      lines.push(...String(message.text ?? "").split("\n"));
      break;
    case "flex":
      lines.push(`[Flex] ${String(message.altText ?? "")}`, ...flattenFlex(message.contents).map((l) => `  ${l}`));
      break;
    case "template":
      lines.push(`[Template] ${String(message.altText ?? "")}`, ...templateLines(isObject(message.template) ? message.template : {}).map((l) => `  ${l}`));
      break;
    case "sticker":
      lines.push(`[สติกเกอร์ ${String(message.packageId)}/${String(message.stickerId)}]`);
      break;
    case "location":
      lines.push(`[ตำแหน่ง] ${String(message.title ?? "")} ${String(message.address ?? "")} (${String(message.latitude)}, ${String(message.longitude)})`);
      break;
    case "image":
    case "video":
      lines.push(`[${message.type === "image" ? "รูปภาพ" : "วิดีโอ"}] ${String(message.originalContentUrl ?? "")}`);
      break;
    default:
      lines.push(`[${String(message.type)}] ${String(message.altText ?? "")}`);
  }
  const quick = isObject(message.quickReply) ? list(message.quickReply.items).filter(isObject) : [];
  if (quick.length > 0) lines.push(`ตัวเลือก: ${quick.map((i) => `[${actionLabel(i.action)}]`).join(" ")}`);
  return lines;
}
