// The rich menu under the chat, as the LINE app shows it: a bar with chatBarText
// that opens and closes the menu picture; each area of the picture is a button
// that runs its action (usually a postback with displayText).

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const percent = (part, whole) => `${(100 * part) / whole}%`;

/** Shows the user's rich menu in `container` (hidden when the user has none). */
export async function showRichMenu(userId, container, onAction) {
  container.textContent = "";
  container.hidden = true;
  const res = await fetch(`/__sim/users/${encodeURIComponent(userId)}/richmenu`).catch(() => null);
  if (!res?.ok) return;
  const menu = await res.json();
  const { width, height } = menu.size ?? { width: 2500, height: 1686 };
  const panel = el("div", "richmenu-panel");
  panel.dataset.testid = "richmenu";
  panel.style.aspectRatio = `${width} / ${height}`;
  const img = el("img");
  img.src = menu.imageUrl;
  img.alt = menu.chatBarText ?? "rich menu";
  panel.append(img);
  for (const area of menu.areas ?? []) {
    const b = area.bounds ?? {};
    const button = el("button", "richmenu-area");
    button.type = "button";
    button.setAttribute("aria-label", area.action?.label ?? area.action?.displayText ?? "เมนู");
    Object.assign(button.style, { left: percent(b.x, width), top: percent(b.y, height), width: percent(b.width, width), height: percent(b.height, height) });
    button.addEventListener("click", () => onAction(area.action));
    panel.append(button);
  }
  const bar = el("button", "richmenu-bar");
  bar.type = "button";
  const label = el("span", "", menu.chatBarText ?? "เมนู");
  const chevron = el("span", "richmenu-chevron", "▾");
  bar.append(label, chevron);
  // LINE: `selected: true` means the menu starts open.
  const setOpen = (open) => {
    panel.hidden = !open;
    chevron.textContent = open ? "▾" : "▴";
    bar.setAttribute("aria-expanded", String(open));
  };
  bar.addEventListener("click", () => setOpen(panel.hidden));
  // Typing closes the menu, as switching to the keyboard does in LINE.
  container.closeMenu = () => setOpen(false);
  setOpen(Boolean(menu.selected));
  container.append(bar, panel);
  container.hidden = false;
}
