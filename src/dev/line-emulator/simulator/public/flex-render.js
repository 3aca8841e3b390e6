// Renders a LINE Flex container (bubble or carousel) into DOM, close enough to the
// LINE app to judge a design: box layouts (vertical / horizontal / baseline), flex
// ratios, spacing and margins, paddings, text size/weight/colour/wrap/maxLines,
// spans, separators, buttons (primary / secondary / link, sm / md), images and
// icons (a placeholder when the URL cannot be loaded), block backgrounds and
// separators, and carousels that scroll sideways.
// Sizes follow LINE's Flex Message documentation and its Flex Message Simulator.

/** text and icon sizes, px */
const TEXT_SIZES = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, "3xl": 35, "4xl": 48, "5xl": 74 };
/** spacing, margin, padding, offsets and corner radius keywords, px */
const SPACES = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const IMAGE_SIZES = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, "3xl": 180, "4xl": 240, "5xl": 360 };
const BORDER_WIDTHS = { none: 0, light: 0.5, normal: 1, medium: 2, "semi-bold": 3, bold: 4 };
export const BUBBLE_WIDTHS = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
/** LINE's defaults: primary #17C950, secondary #DCDFE5, link #42659A */
const BUTTON_COLORS = { primary: "#17C950", secondary: "#DCDFE5", link: "#42659A" };
const DEFAULT_TEXT_COLOR = "#111111";
const DEFAULT_SEPARATOR = "#D4D6DA";

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** A keyword, "12px" or "50%" as CSS; undefined when absent or not understood. */
function length(value, table) {
  if (value === undefined || value === null) return undefined;
  if (table && Object.prototype.hasOwnProperty.call(table, value)) return `${table[value]}px`;
  if (typeof value === "string" && /^-?\d+(\.\d+)?(px|%)$/.test(value)) return value;
  return undefined;
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : undefined;
}

function makeClickable(node, action, ctx) {
  if (!action || !ctx.onAction) return;
  node.classList.add("fx-clickable");
  node.tabIndex = 0;
  node.addEventListener("click", (e) => {
    e.stopPropagation();
    ctx.onAction(action, node);
  });
}

/** How a child sits in its parent box: flex ratio, margin or the parent's spacing, position. */
function placeChild(node, c, parent, index) {
  const row = parent.layout === "horizontal" || parent.layout === "baseline";
  const fixed = c.type === "separator" || c.type === "icon" || c.type === "spacer";
  const flex = typeof c.flex === "number" ? c.flex : fixed ? 0 : row || c.type === "filler" ? 1 : 0;
  node.style.flex = flex > 0 ? `${flex} 0 ${row ? "0" : "auto"}` : "0 0 auto";
  if (row) node.style.minWidth = "0";
  const side = row ? "marginInlineStart" : "marginTop";
  // LINE: a component's own margin wins over the parent's spacing; fillers take neither.
  const gap = c.margin !== undefined ? length(c.margin, SPACES) : index > 0 && c.type !== "filler" ? length(parent.spacing, SPACES) : undefined;
  if (gap) node.style[side] = gap;
  if (c.position === "absolute") node.style.position = "absolute";
  else if (c.offsetTop || c.offsetBottom || c.offsetStart || c.offsetEnd) node.style.position = "relative";
  if (c.offsetTop) node.style.top = length(c.offsetTop, SPACES);
  if (c.offsetBottom) node.style.bottom = length(c.offsetBottom, SPACES);
  if (c.offsetStart) node.style.insetInlineStart = length(c.offsetStart, SPACES);
  if (c.offsetEnd) node.style.insetInlineEnd = length(c.offsetEnd, SPACES);
  const gravity = { top: "flex-start", bottom: "flex-end", center: "center" }[c.gravity];
  if (gravity && row && parent.layout !== "baseline") node.style.alignSelf = gravity;
}

function renderSpan(s) {
  const span = el("span", "fx-span");
  span.textContent = s.text ?? "";
  applyTextStyle(span, s);
  return span;
}

function applyTextStyle(node, t) {
  const size = length(t.size, TEXT_SIZES);
  if (size) node.style.fontSize = size;
  if (t.color) node.style.color = t.color;
  if (t.weight === "bold") node.style.fontWeight = "700";
  if (t.weight === "regular") node.style.fontWeight = "400";
  if (t.style === "italic") node.style.fontStyle = "italic";
  if (t.decoration === "underline" || t.decoration === "line-through") node.style.textDecoration = t.decoration;
}

function renderText(t, ctx) {
  const node = el("div", "fx-text");
  const p = el("p");
  if (Array.isArray(t.contents) && t.contents.length > 0) t.contents.forEach((s) => p.append(renderSpan(s)));
  else p.textContent = t.text ?? "";
  node.style.fontSize = length(t.size ?? "md", TEXT_SIZES) ?? "16px";
  node.style.color = t.color ?? DEFAULT_TEXT_COLOR;
  applyTextStyle(p, { weight: t.weight, style: t.style, decoration: t.decoration });
  if (t.align === "center" || t.align === "end" || t.align === "start") p.style.textAlign = t.align;
  p.classList.add(t.wrap ? "fx-wrap" : "fx-nowrap");
  if (t.wrap && t.maxLines > 0) {
    p.classList.add("fx-clamp");
    p.style.webkitLineClamp = String(t.maxLines);
  }
  const extra = length(t.lineSpacing);
  if (extra) p.style.lineHeight = `calc(1.4em + ${extra})`;
  node.append(p);
  makeClickable(node, t.action, ctx);
  return node;
}

function renderButton(b, ctx) {
  const style = b.style ?? "link";
  const node = el("div", `fx-button fx-btn-${style} fx-btn-${b.height === "sm" ? "sm" : "md"}`);
  const button = el("button");
  button.type = "button";
  const label = el("span");
  label.textContent = b.action?.label ?? "";
  button.append(label);
  const color = b.color ?? BUTTON_COLORS[style] ?? BUTTON_COLORS.link;
  if (style === "link") button.style.color = color;
  else button.style.backgroundColor = color;
  if (ctx.onAction && b.action) button.addEventListener("click", () => ctx.onAction(b.action, button));
  else button.disabled = true;
  node.append(button);
  return node;
}

/** An image frame of the right size and ratio; a labelled placeholder when the URL cannot load. */
function renderImage(img, ctx) {
  const node = el("div", "fx-image");
  const align = { start: "flex-start", end: "flex-end", center: "center" }[img.align ?? "center"];
  node.style.alignItems = align;
  const frame = el("div", "fx-image-frame");
  const size = img.size ?? "md";
  frame.style.width = size === "full" ? "100%" : length(size, IMAGE_SIZES) ?? "100px";
  const [w, h] = String(img.aspectRatio ?? "1:1").split(":").map(Number);
  frame.style.aspectRatio = w > 0 && h > 0 ? `${w} / ${h}` : "1 / 1";
  if (img.backgroundColor) frame.style.backgroundColor = img.backgroundColor;
  const url = safeUrl(img.url);
  const missing = () => {
    frame.classList.add("fx-image-missing");
    frame.textContent = "";
    const note = el("span");
    note.textContent = url ? `รูปภาพ · ${new URL(url).host}` : "รูปภาพ";
    frame.append(note);
  };
  if (url) {
    const image = el("img");
    image.alt = "";
    image.loading = "lazy";
    image.src = url;
    image.style.objectFit = img.aspectMode === "cover" ? "cover" : "contain";
    image.addEventListener("error", missing, { once: true });
    frame.append(image);
  } else missing();
  node.append(frame);
  makeClickable(node, img.action, ctx);
  return node;
}

function renderIcon(icon) {
  const node = el("div", "fx-icon");
  node.style.fontSize = length(icon.size ?? "md", TEXT_SIZES) ?? "16px";
  const [w, h] = String(icon.aspectRatio ?? "1:1").split(":").map(Number);
  const image = el("img");
  image.alt = "";
  image.style.width = `${w > 0 && h > 0 ? w / h : 1}em`;
  const url = safeUrl(icon.url);
  if (url) image.src = url;
  image.addEventListener("error", () => image.classList.add("fx-icon-missing"), { once: true });
  if (!url) image.classList.add("fx-icon-missing");
  node.append(image);
  return node;
}

function renderSeparator(sep, parent) {
  const row = parent.layout === "horizontal" || parent.layout === "baseline";
  const node = el("div", row ? "fx-sep fx-sep-v" : "fx-sep fx-sep-h");
  node.style.borderColor = sep.color ?? DEFAULT_SEPARATOR;
  return node;
}

function renderVideo(video, ctx) {
  if (video.altContent) return renderComponent(video.altContent, ctx, { layout: "vertical" }, 0);
  return renderImage({ url: video.previewUrl, size: "full", aspectRatio: video.aspectRatio ?? "16:9", aspectMode: "cover" }, ctx);
}

function gradient(bg) {
  if (!bg || bg.type !== "linearGradient") return undefined;
  const stops = bg.centerColor
    ? `${bg.startColor} 0%, ${bg.centerColor} ${bg.centerPosition ?? "50%"}, ${bg.endColor} 100%`
    : `${bg.startColor} 0%, ${bg.endColor} 100%`;
  return `linear-gradient(${bg.angle ?? "0deg"}, ${stops})`;
}

export function renderBox(box, ctx, defaultPadding) {
  const layout = box.layout ?? "vertical";
  const node = el("div", `fx-box fx-${layout}`);
  const s = node.style;
  const pad = (v) => length(v, SPACES);
  const all = pad(box.paddingAll);
  const sides = { paddingTop: box.paddingTop, paddingBottom: box.paddingBottom, paddingInlineStart: box.paddingStart, paddingInlineEnd: box.paddingEnd };
  for (const [prop, value] of Object.entries(sides)) {
    const fallback = all ?? (defaultPadding ? `${defaultPadding[prop]}px` : undefined);
    const v = pad(value) ?? fallback;
    if (v) s[prop] = v;
  }
  if (box.backgroundColor) s.backgroundColor = box.backgroundColor;
  const bg = gradient(box.background);
  if (bg) s.backgroundImage = bg;
  if (box.borderColor || box.borderWidth) {
    s.borderStyle = "solid";
    s.borderColor = box.borderColor ?? "#000000";
    s.borderWidth = length(box.borderWidth, BORDER_WIDTHS) ?? "1px";
  }
  if (box.cornerRadius) s.borderRadius = length(box.cornerRadius, SPACES);
  for (const prop of ["width", "maxWidth", "height", "maxHeight"]) if (box[prop]) s[prop] = length(box[prop]);
  if (box.justifyContent) s.justifyContent = box.justifyContent;
  if (box.alignItems) s.alignItems = box.alignItems;
  (box.contents ?? []).forEach((c, i) => node.append(renderComponent(c, ctx, box, i)));
  makeClickable(node, box.action, ctx);
  return node;
}

export function renderComponent(c, ctx, parent, index) {
  let node;
  switch (c.type) {
    case "box": node = renderBox(c, ctx); break;
    case "text": node = renderText(c, ctx); break;
    case "button": node = renderButton(c, ctx); break;
    case "image": node = renderImage(c, ctx); break;
    case "icon": node = renderIcon(c); break;
    case "separator": node = renderSeparator(c, parent); break;
    case "video": node = renderVideo(c, ctx); break;
    case "filler": node = el("div", "fx-filler"); break;
    case "spacer": {
      node = el("div", "fx-spacer");
      const size = length(c.size ?? "md", SPACES);
      node.style[parent.layout === "vertical" ? "height" : "width"] = size;
      break;
    }
    default:
      node = el("div", "fx-unknown");
      node.textContent = `[${c.type}]`;
  }
  placeChild(node, c, parent, index);
  return node;
}

// Block paddings LINE draws when the block's box sets none (Flex Message Simulator).
function blockPadding(size, block, hasFooter) {
  const compact = ["nano", "micro", "deca", "hecto", "kilo"].includes(size);
  const p = block === "footer" ? 10 : size === "nano" || size === "micro" ? 10 : compact ? 13 : 20;
  const bottom = block === "body" && hasFooter && !compact ? 10 : p;
  return { paddingTop: p, paddingBottom: bottom, paddingInlineStart: p, paddingInlineEnd: p };
}

export function renderBubble(bubble, ctx) {
  const size = bubble.size ?? "mega";
  const node = el("div", `fx-bubble fx-bubble-${size}`);
  node.dataset.testid = "flex-bubble";
  node.style.width = `${BUBBLE_WIDTHS[size] ?? 300}px`;
  if (bubble.direction === "rtl") node.dir = "rtl";
  const styles = bubble.styles ?? {};
  let first = true;
  for (const name of ["header", "hero", "body", "footer"]) {
    const content = bubble[name];
    if (!content) continue;
    const block = el("div", `fx-block fx-block-${name}`);
    const st = styles[name] ?? {};
    if (st.backgroundColor) block.style.backgroundColor = st.backgroundColor;
    if (st.separator && !first) block.style.borderTop = `1px solid ${st.separatorColor ?? DEFAULT_SEPARATOR}`;
    const root = { layout: "vertical" };
    if (content.type === "box") block.append(renderBox(content, ctx, blockPadding(size, name, Boolean(bubble.footer))));
    else block.append(renderComponent(content, ctx, root, 0));
    node.append(block);
    first = false;
  }
  makeClickable(node, bubble.action, ctx);
  return node;
}

export function renderCarousel(carousel, ctx) {
  const node = el("div", "fx-carousel");
  node.dataset.testid = "flex-carousel";
  (carousel.contents ?? []).forEach((b) => node.append(renderBubble(b, ctx)));
  return node;
}

/** A Flex container as DOM; ctx.onAction(action, element) runs taps on buttons and actions. */
export function renderFlexContainer(container, ctx = {}) {
  if (container?.type === "carousel") return renderCarousel(container, ctx);
  if (container?.type === "bubble") return renderBubble(container, ctx);
  const unknown = el("div", "fx-unknown");
  unknown.textContent = "[Flex container ที่ไม่รู้จัก]";
  return unknown;
}
