// Renders one LINE message object (what the bot sent) as the LINE app shows it:
// text, sticker, image, video, audio, location, imagemap, template (buttons,
// confirm, carousel, image carousel) and Flex (see flex-render.js).
import { renderFlexContainer } from "./flex-render.js";
import { icon } from "./icons.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : undefined;
}

function picture(url, className, label) {
  const frame = el("div", className);
  const src = safeUrl(url);
  const missing = () => {
    frame.textContent = "";
    frame.classList.add("msg-picture-missing");
    frame.append(el("span", "", label));
  };
  if (!src) {
    missing();
    return frame;
  }
  const img = el("img");
  img.alt = label;
  img.src = src;
  img.addEventListener("error", missing, { once: true });
  frame.append(img);
  return frame;
}

/** LINE text: plain characters; $ emoji placeholders stay as "$" like on old clients. textV2 fills {name}. */
function renderText(message) {
  const bubble = el("div", "msg-bubble msg-text");
  let text = message.text ?? "";
  if (message.type === "textV2" && message.substitution) {
    text = text.replace(/\{([A-Za-z0-9_]+)\}/g, (all, key) => {
      const sub = message.substitution[key];
      if (!sub) return all;
      if (sub.type === "mention") return sub.mentionee?.type === "all" ? "@All" : "@ผู้ใช้";
      return "😀";
    });
  }
  bubble.textContent = text;
  return bubble;
}

function actionButton(action, ctx, className) {
  const button = el("button", className, action?.label ?? "");
  button.type = "button";
  if (action && ctx.onAction) button.addEventListener("click", () => ctx.onAction(action, button));
  return button;
}

function templateColumn(t, ctx) {
  const card = el("div", "tpl-card");
  if (t.thumbnailImageUrl) {
    const ratio = t.imageAspectRatio === "square" ? "1 / 1" : "1.51 / 1";
    const img = picture(t.thumbnailImageUrl, "tpl-thumb", "รูปภาพ");
    img.style.aspectRatio = ratio;
    card.append(img);
  }
  const body = el("div", "tpl-body");
  if (t.title) body.append(el("div", "tpl-title", t.title));
  body.append(el("div", "tpl-text", t.text ?? ""));
  card.append(body);
  for (const a of t.actions ?? []) card.append(actionButton(a, ctx, "tpl-action"));
  return card;
}

function renderTemplate(message, ctx) {
  const t = message.template ?? {};
  if (t.type === "buttons") return templateColumn(t, ctx);
  if (t.type === "confirm") {
    const card = el("div", "tpl-card tpl-confirm");
    card.append(el("div", "tpl-body tpl-text", t.text ?? ""));
    const row = el("div", "tpl-confirm-actions");
    for (const a of t.actions ?? []) row.append(actionButton(a, ctx, "tpl-action"));
    card.append(row);
    return card;
  }
  const strip = el("div", "fx-carousel");
  if (t.type === "carousel") for (const c of t.columns ?? []) strip.append(templateColumn(c, ctx));
  if (t.type === "image_carousel") {
    for (const c of t.columns ?? []) {
      const item = el("div", "tpl-image-item");
      item.append(picture(c.imageUrl, "tpl-image", "รูปภาพ"));
      item.append(actionButton(c.action, ctx, "tpl-image-label"));
      strip.append(item);
    }
  }
  return strip;
}

function renderLocation(m) {
  const card = el("div", "msg-bubble msg-location");
  card.append(icon("pin", 24));
  const info = el("div");
  info.append(el("div", "msg-location-title", m.title ?? "ตำแหน่ง"));
  info.append(el("div", "msg-location-address", m.address ?? ""));
  info.append(el("div", "msg-location-coords", `${m.latitude}, ${m.longitude}`));
  card.append(info);
  return card;
}

/** One bot message as DOM; ctx.onAction runs taps on its actions. */
export function renderMessage(message, ctx = {}) {
  switch (message?.type) {
    case "text":
    case "textV2":
      return renderText(message);
    case "flex": {
      const node = renderFlexContainer(message.contents, ctx);
      node.title = `ข้อความแจ้งเตือน (ที่ LINE แสดงแทนการ์ด): ${message.altText ?? ""}`;
      return node;
    }
    case "template":
      return renderTemplate(message, ctx);
    case "sticker": {
      const sticker = el("div", "msg-sticker");
      sticker.append(icon("smile", 56), el("div", "msg-sticker-id", `สติกเกอร์ ${message.packageId}/${message.stickerId}`));
      return sticker;
    }
    case "image":
      return picture(message.previewImageUrl ?? message.originalContentUrl, "msg-picture", "รูปภาพ");
    case "video":
      return picture(message.previewImageUrl, "msg-picture msg-video", "วิดีโอ");
    case "audio":
      return el("div", "msg-bubble", `ข้อความเสียง ${Math.round((message.duration ?? 0) / 1000)} วินาที`);
    case "location":
      return renderLocation(message);
    case "imagemap": {
      const node = picture(`${message.baseUrl}/1040`, "msg-picture", message.altText ?? "imagemap");
      node.title = message.altText ?? "";
      return node;
    }
    default:
      return el("div", "msg-bubble", `[ข้อความชนิด ${message?.type ?? "?"}]`);
  }
}

/** Flex and template messages are cards, not speech bubbles. */
export function isCard(message) {
  return message?.type === "flex" || message?.type === "template" || message?.type === "image" || message?.type === "video" || message?.type === "imagemap" || message?.type === "sticker";
}
