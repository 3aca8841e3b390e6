// The chat log and the quick-reply bar: renders transcript entries from /__sim
// (user events on the right, bot messages on the left, notes in the middle).
import { isCard, renderMessage } from "./message-render.js";
import { icon } from "./icons.js";
import { simApi } from "./sim-api.js";

const clock = new Intl.DateTimeFormat("th-TH", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Bangkok" });
const TYPING_TIMEOUT_MS = 15_000;
/** LINE draws its own icon on these quick-reply actions when no imageUrl is given. */
const DEFAULT_QUICK_ICONS = { camera: "camera", cameraRoll: "image", location: "pin", datetimepicker: "calendar" };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function userEventNode(event) {
  switch (event.type) {
    case "text":
      return el("div", "msg-bubble msg-text msg-mine", event.text);
    case "postback":
      return event.displayText ? el("div", "msg-bubble msg-text msg-mine", event.displayText) : null;
    case "location": {
      const node = el("div", "msg-bubble msg-location msg-mine");
      node.append(icon("pin", 24));
      const info = el("div");
      info.append(el("div", "msg-location-title", event.title ?? "ตำแหน่งของฉัน"));
      if (event.address) info.append(el("div", "msg-location-address", event.address));
      info.append(el("div", "msg-location-coords", `${event.latitude}, ${event.longitude}`));
      node.append(info);
      return node;
    }
    case "image": {
      const frame = el("div", "msg-picture msg-mine-picture");
      const img = el("img");
      img.alt = "รูปที่ส่ง";
      img.src = simApi.imageUrl(event.messageId);
      frame.append(img);
      return frame;
    }
    case "sticker":
    {
      const sticker = el("div", "msg-sticker");
      sticker.append(icon("smile", 72));
      return sticker;
    }
    default:
      return null;
  }
}

function userNote(event) {
  if (event.type === "follow") return "คุณเพิ่ม สุจริต เป็นเพื่อนแล้ว";
  if (event.type === "unfollow") return "คุณบล็อก สุจริต แล้ว";
  return null;
}

export class ChatView {
  constructor(log, quickBar, { onAction }) {
    this.log = log;
    this.quickBar = quickBar;
    this.onAction = onAction;
    this.clear();
  }

  clear() {
    this.log.textContent = "";
    this.lastSpeaker = null;
    this.lastMessageEntry = null;
    this.typing = null;
    this.renderQuickReplies();
  }

  showEmpty(onFollow) {
    const empty = el("div", "chat-empty");
    empty.append(el("p", "", "ยังไม่มีข้อความ ลองพิมพ์ “เมนู” หรือ “ไม่รับ ไม่ให้” ได้เลยค่ะ"));
    const follow = el("button", "chat-empty-follow", "เพิ่มเพื่อน (รับข้อความต้อนรับ)");
    follow.type = "button";
    follow.addEventListener("click", onFollow);
    empty.append(follow);
    this.log.append(empty);
  }

  append(entries) {
    if (entries.length === 0) return;
    this.log.querySelector(".chat-empty")?.remove();
    for (const entry of entries) this.appendEntry(entry);
    if (entries.some((e) => e.from === "bot")) this.hideTyping();
    this.renderQuickReplies();
    this.log.scrollTop = this.log.scrollHeight;
  }

  appendEntry(entry) {
    if (entry.from === "system") return this.appendNote(entry.text, entry.level, entry.details);
    if (entry.from === "bot") return this.appendBot(entry);
    this.lastMessageEntry = entry;
    const note = userNote(entry.event);
    if (note) return this.appendNote(note, "info");
    const node = userEventNode(entry.event);
    if (entry.event.type === "postback") {
      const params = entry.event.params ? ` ${JSON.stringify(entry.event.params)}` : "";
      this.appendNote(`postback: ${entry.event.data}${params}`, "dev");
    }
    if (!node) return;
    const row = el("div", "row row-user");
    row.dataset.seq = String(entry.seq);
    row.append(el("time", "row-time", clock.format(entry.at)), node);
    this.log.insertBefore(row, this.typing);
    this.lastSpeaker = "user";
  }

  appendBot(entry) {
    this.lastMessageEntry = entry;
    const row = el("div", "row row-bot");
    row.dataset.seq = String(entry.seq);
    const firstInRun = this.lastSpeaker !== "bot";
    const avatar = el("span", firstInRun ? "row-avatar" : "row-avatar row-avatar-blank", firstInRun ? "ส" : "");
    const content = el("div", "row-content");
    if (firstInRun) content.append(el("div", "row-name", "สุจริต"));
    const line = el("div", "msg-line");
    const message = entry.message ?? {};
    const node = renderMessage(message, { onAction: this.onAction });
    if (isCard(message)) line.classList.add("msg-line-card");
    line.append(node, el("time", "row-time", clock.format(entry.at)));
    content.append(line);
    if (message.type === "flex" || message.type === "template") content.append(el("div", "dev-detail", `altText: ${message.altText ?? ""}`));
    row.append(avatar, content);
    this.log.insertBefore(row, this.typing);
    this.lastSpeaker = "bot";
  }

  appendNote(text, level, details) {
    const row = el("div", `row row-note note-${level}`);
    const pill = el("div", "note-pill", text);
    if (details?.length) {
      const list = el("ul", "note-details");
      for (const d of details) list.append(el("li", "", d));
      pill.append(list);
    }
    row.append(pill);
    this.log.insertBefore(row, this.typing);
  }

  showTyping() {
    this.hideTyping();
    this.typing = el("div", "row row-bot row-typing");
    this.typing.append(el("span", "row-avatar row-avatar-blank"), el("div", "msg-bubble typing-dots", "• • •"));
    this.log.append(this.typing);
    this.log.scrollTop = this.log.scrollHeight;
    this.typingTimer = setTimeout(() => this.hideTyping(), TYPING_TIMEOUT_MS);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.typing?.remove();
    this.typing = null;
  }

  /** LINE shows the quick replies of the latest message only, until the user answers. */
  renderQuickReplies() {
    const bar = this.quickBar;
    bar.textContent = "";
    const last = this.lastMessageEntry;
    const items = last?.from === "bot" ? last.message?.quickReply?.items ?? [] : [];
    bar.hidden = items.length === 0;
    for (const item of items) {
      const action = item.action ?? {};
      const chip = el("button", "quick-chip");
      chip.type = "button";
      const name = item.imageUrl ? null : DEFAULT_QUICK_ICONS[action.type];
      if (name) chip.append(icon(name, 18));
      chip.append(el("span", "", action.label ?? ""));
      chip.addEventListener("click", () => this.onAction(action, chip));
      bar.append(chip);
    }
  }
}
