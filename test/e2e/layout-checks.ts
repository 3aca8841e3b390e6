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
      const node = p.firstChild;
      if (!node || node.nodeType !== 3 || p.childNodes.length !== 1) continue;
      const text: string = node.data;
      const range = doc.createRange();
      const lines = (from: number, to: number) => {
        range.setStart(node, from);
        range.setEnd(node, to);
        return new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top))).size;
      };
      // A quoted label ("ตอบกลับ") or a name that must not be split across two lines.
      const keep = /"[^"\n]{1,60}"|ไม่รับ[ \u00A0]ไม่ให้|ศูนย์ดำรงธรรม|ปีงบประมาณ|ป\.ป\.ช\. \d+|ป\.ป\.ท\. \d+/g;
      for (const m of text.matchAll(keep)) {
        if (m[0].replace(/\u2060/g, "").length > 26) continue; // a long quotation may wrap
        if (lines(m.index!, m.index! + m[0].length) > 1) out.push(`"${m[0]}" is split across two lines in "${short(text)}"`);
      }
      // A lone short word on the last line of a paragraph ("ค่ะ", "นี้"): count what shares the paragraph's last character's line.
      let from = 0;
      for (const para of text.split("\n")) {
        const end = from + para.trimEnd().length;
        const paraStart = from;
        from += para.length + 1;
        if (end <= paraStart || lines(paraStart, end) < 2) continue;
        range.setStart(node, end - 1);
        range.setEnd(node, end);
        const lastTop = range.getBoundingClientRect().top;
        let start = end - 1;
        while (start > paraStart) {
          range.setStart(node, start - 1);
          range.setEnd(node, start);
          const r = range.getBoundingClientRect();
          if (r.width > 0 && r.top < lastTop - 2) break;
          start--;
        }
        const tail = text.slice(start, end).replace(/[\u2060\s\u00A0]/g, "");
        if (tail.length <= 4) out.push(`"${tail}" alone on the last line of "${short(para)}"`);
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
 * outside a box that scrolls on purpose (.table-wrap of a number table).
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
      // Number tables scroll inside their box on purpose; lists (table.stack) must fit.
      if (el.closest(".table-wrap:not(:has(> table.stack)), .skip, script, style, noscript, canvas, [hidden], details:not([open]) > :not(summary)")) continue;
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
