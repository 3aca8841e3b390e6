import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { issueLinkCode, lineLinkOf, setMutedByOfficer, unlinkLine } from "../../services/officer-line.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, flashFrom, sendPage } from "../http/render";
import type { Flash } from "../views/layout.view";
import { officerLineView } from "../views/officer-line.view";

// /officer/line: link the dashboard account to LINE (one-time code), mute, unlink.
export function createOfficerLineController(deps: AppDeps): Record<"show" | "issueCode" | "mute" | "unlink", RequestHandler> {
  async function render(res: Response, extra: { issued?: { code: string; expiresAt: Date }; flash?: Flash } = {}) {
    const p = principalOf(res);
    sendPage(res, officerLineView({ principal: p, csrfToken: csrfTokenOf(res), link: await lineLinkOf(p.id), timezone: deps.config.timezone, ...extra }));
  }
  return {
    show: (req, res) => render(res, { flash: flashFrom(req) }),
    async issueCode(_req, res) {
      await render(res, { issued: await issueLinkCode(principalOf(res).id, deps.now()) });
    },
    async mute(req, res) {
      const muted = field(req.body, "muted") === "1";
      await setMutedByOfficer(principalOf(res).id, muted);
      await render(res, { flash: { kind: "ok", text: muted ? "ปิดแจ้งเตือนทาง LINE แล้วค่ะ" : "เปิดแจ้งเตือนทาง LINE แล้วค่ะ" } });
    },
    async unlink(_req, res) {
      await unlinkLine(principalOf(res).id, deps.now());
      await render(res, { flash: { kind: "ok", text: "ยกเลิกการเชื่อม LINE แล้วค่ะ" } });
    },
  };
}
