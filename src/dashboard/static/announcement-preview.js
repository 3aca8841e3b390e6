// The live preview of an announcement, drawn by the LINE chat simulator's own Flex
// renderer (src/dev/line-emulator/simulator/public, served at /officer/static/sim/).
// The message comes from the server (POST /officer/announcements/preview builds it with
// the same function that builds what LINE receives), so what is shown is what is sent.
import { renderMessage } from "./sim/message-render.js";

const root = document.getElementById("preview");
const form = document.getElementById("announcement-form");
const errors = document.getElementById("preview-errors");
const size = document.getElementById("audience-size");
let localImage = "";

function draw(messages) {
  root.replaceChildren(...messages.map((m) => renderMessage(m, {})));
  // A chosen but not yet uploaded image: shown from the file itself.
  if (localImage) for (const img of root.querySelectorAll("img")) if (img.src.endsWith("/media/announcements/pending")) img.src = localImage;
}

async function refresh() {
  const body = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string") body.append(k, v);
  if (localImage) body.set("pendingImage", "1");
  const res = await fetch(root.dataset.url, { method: "POST", body, credentials: "same-origin" });
  if (!res.ok) return;
  const j = await res.json();
  draw(j.messages);
  errors.replaceChildren(...j.problems.map((p) => Object.assign(document.createElement("li"), { textContent: p })));
  if (size) {
    size.textContent = j.audience
      ? `ผู้รับตอนนี้ ${j.audience.recipients.toLocaleString("th-TH")} คน ใน ${j.audience.districts} อำเภอ${j.audience.approvalRequired ? " · ต้องให้ผู้ดูแลระบบอีกคนอนุมัติ" : ""}`
      : "";
  }
  root.dataset.ready = "1";
}

if (form) {
  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", (e) => {
    if (e.target.name === "image") {
      if (localImage) URL.revokeObjectURL(localImage);
      const file = e.target.files?.[0];
      localImage = file ? URL.createObjectURL(file) : "";
    }
    later();
  });
  void refresh();
} else {
  draw(JSON.parse(document.getElementById("preview-data").textContent));
  root.dataset.ready = "1";
}
