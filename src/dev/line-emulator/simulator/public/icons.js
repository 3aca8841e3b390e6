// Small line icons drawn as SVG, so the page does not depend on an emoji font
// (headless Chromium and many Linux desktops have none).

const SVG_NS = "http://www.w3.org/2000/svg";

const SHAPES = {
  camera: [["path", { d: "M4 8h3l2-3h6l2 3h3v11H4z" }], ["circle", { cx: 12, cy: 13, r: 3.5 }]],
  image: [["rect", { x: 3, y: 5, width: 18, height: 14, rx: 2 }], ["path", { d: "M3 17l5-5 4 4 3-3 6 6" }], ["circle", { cx: 16, cy: 9, r: 1.5 }]],
  pin: [["path", { d: "M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" }], ["circle", { cx: 12, cy: 10, r: 2.3 }]],
  calendar: [["rect", { x: 3.5, y: 5, width: 17, height: 15, rx: 2 }], ["path", { d: "M3.5 10h17M8 3v4M16 3v4" }]],
  smile: [["circle", { cx: 12, cy: 12, r: 9 }], ["path", { d: "M8 14.5c1 1.5 2.4 2.2 4 2.2s3-.7 4-2.2" }], ["path", { d: "M9 9.5v.5M15 9.5v.5" }]],
};

/** An SVG icon by name (camera, image, pin, calendar, smile) at `size` px, drawn in currentColor. */
export function icon(name, size = 20) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("fill", "none");
  svg.setAttribute("stroke", "currentColor");
  svg.setAttribute("stroke-width", "1.8");
  svg.setAttribute("stroke-linecap", "round");
  svg.setAttribute("stroke-linejoin", "round");
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("icon");
  for (const [tag, attrs] of SHAPES[name] ?? []) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
    svg.append(shape);
  }
  return svg;
}

/** Fills every <… data-icon="name"> in the page. */
export function fillIcons(root = document) {
  for (const node of root.querySelectorAll("[data-icon]")) node.prepend(icon(node.dataset.icon, Number(node.dataset.iconSize ?? 22)));
}
