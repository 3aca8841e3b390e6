import type { Locator, Page } from "playwright-core";

// Layout checks that run inside Chromium on a rendered element: what a person would
// call "cut off" or "spills off the screen". Shared by the chat-card and dashboard
// browser tests. Written as plain browser JavaScript (the project has no DOM lib).

/** tsx compiles named inner functions with esbuild's __name helper; page callbacks need it too. */
export const NAME_SHIM = "globalThis.__name = globalThis.__name || ((f) => f);";

/** Problems inside one rendered Flex message row of the chat simulator. */
export async function flexLayoutProblems(row: Locator): Promise<string[]> {
  return row.evaluate((root: any) => {
    const out: string[] = [];
    const doc = root.ownerDocument;
    const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/\s+/g, " ");
    const viewport = doc.documentElement.clientWidth;
    for (const bubble of root.querySelectorAll("[data-testid=flex-bubble]")) {
      const box = bubble.getBoundingClientRect();
      if (!bubble.closest(".fx-carousel") && box.right > viewport + 1) out.push(`bubble wider than the screen: right edge ${Math.round(box.right)} > ${viewport}`);
      for (const child of bubble.querySelectorAll("*")) {
        const r = child.getBoundingClientRect();
        if (r.width > 0 && r.right > box.right + 1) out.push(`"${short(child.textContent ?? "")}" spills ${Math.round(r.right - box.right)}px out of its card`);
      }
    }
    for (const p of root.querySelectorAll(".fx-text p.fx-nowrap, .fx-button button span")) {
      if (p.scrollWidth > p.clientWidth + 1) out.push(`clipped on one line: "${short(p.textContent ?? "")}"`);
    }
    for (const p of root.querySelectorAll(".fx-text p.fx-clamp")) {
      if (p.scrollHeight > p.clientHeight + 1) out.push(`clipped after its last line: "${short(p.textContent ?? "")}"`);
    }
    for (const b of root.querySelectorAll(".fx-button span")) {
      if ((b.textContent ?? "").includes("…")) out.push(`button label shortened with "…": "${b.textContent}"`);
    }
    // A word wider than its column would be broken mid-syllable: measure with breaks at word boundaries only.
    for (const p of root.querySelectorAll(".fx-text p.fx-wrap")) {
      const before = p.style.overflowWrap;
      p.style.overflowWrap = "normal";
      if (p.scrollWidth > p.clientWidth + 1) out.push(`a word does not fit its column and breaks mid-word: "${short(p.textContent ?? "")}"`);
      p.style.overflowWrap = before;
      // A closing particle alone on the last line ("ค่ะ" by itself).
      const text = p.textContent ?? "";
      const m = /(\S)\s?(ค่ะ|คะ|ครับ|นะคะ)\s*$/.exec(text);
      const node = p.firstChild;
      if (m && node && node.nodeType === 3 && p.childNodes.length === 1) {
        const at = m.index;
        const range = doc.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const prev = range.getBoundingClientRect();
        range.setStart(node, text.length - m[2]!.length);
        range.setEnd(node, text.length);
        const last = range.getBoundingClientRect();
        if (last.top > prev.top + prev.height / 2) out.push(`"${m[2]}" alone on the last line of "${short(text)}"`);
      }
    }
    return out;
  });
}

/** Quick-reply chips of the latest message: no "…", no emoji next to LINE's own icon, nothing clipped. */
export async function quickReplyProblems(page: Page): Promise<string[]> {
  return page.locator("[data-testid=quick-replies]").evaluate((bar: any) => {
    const out: string[] = [];
    for (const chip of bar.querySelectorAll(".quick-chip")) {
      const label = chip.querySelector("span")?.textContent ?? "";
      if (label.includes("…")) out.push(`quick reply shortened with "…": "${label}"`);
      if (chip.querySelector("svg, img") && /\p{Extended_Pictographic}/u.test(label)) out.push(`emoji beside the icon in quick reply "${label}"`);
      const span = chip.querySelector("span");
      if (span && span.scrollWidth > span.clientWidth + 1) out.push(`quick reply clipped: "${label}"`);
    }
    return out;
  });
}

/**
 * Problems on a whole dashboard page: sideways scrolling of the page, text cut off by
 * its box (ellipsis or overflow hidden), and elements that reach past the screen edge
 * outside a box that scrolls on purpose (.table-scroll).
 */
export async function pageLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const win = globalThis as any;
    const out: string[] = [];
    const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/\s+/g, " ").trim();
    const width = doc.documentElement.clientWidth;
    if (doc.documentElement.scrollWidth > width + 1) out.push(`the page scrolls sideways by ${doc.documentElement.scrollWidth - width}px`);
    for (const el of doc.querySelectorAll("body *")) {
      if (el.closest(".table-scroll, script, style, noscript, canvas, [hidden], details:not([open]) > :not(summary)")) continue;
      const style = win.getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) out.push(`<${el.tagName.toLowerCase()}> "${short(el.textContent ?? "")}" reaches past the screen edge (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
      const clips = style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
      if (clips && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim()) out.push(`<${el.tagName.toLowerCase()}> "${short(el.textContent ?? "")}" is cut off`);
    }
    return [...new Set(out)];
  });
}
