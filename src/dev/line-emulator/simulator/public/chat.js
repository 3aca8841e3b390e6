// The chat simulator page: pick a simulated LINE user, chat with the bot through
// the emulator's /__sim API, and follow the transcript with a long poll.
import { askLocation, closeOnCancel, runAction } from "./actions.js";
import { ChatView } from "./chat-view.js";
import { fillIcons } from "./icons.js";
import { showRichMenu } from "./richmenu.js";
import { simApi } from "./sim-api.js";

const LONG_POLL_MS = 25_000;
const STORAGE_USER = "sujarit.sim.user";
const STORAGE_DEV = "sujarit.sim.dev";

const $ = (id) => document.getElementById(id);
const ui = {
  select: $("user-select"),
  input: $("composer-input"),
  form: $("composer"),
  banner: $("banner"),
  toast: $("toast"),
  menu: $("menu"),
  attach: $("attach-sheet"),
  imageInput: $("image-input"),
  cameraInput: $("camera-input"),
  dev: $("dev-details"),
};

const state = { users: [], userId: null, cursor: 0, poll: null, generation: 0 };

function toast(text) {
  ui.toast.textContent = text;
  ui.toast.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (ui.toast.hidden = true), 3000);
}

function banner(text) {
  ui.banner.textContent = text ?? "";
  ui.banner.hidden = !text;
}

/** Sends one event as the current user; the reply arrives through the poll. */
async function send(event) {
  view.quickBar.hidden = true;
  if (event.type !== "unfollow") view.showTyping();
  try {
    const res = await simApi.sendEvent(state.userId, event);
    if (res.webhook && res.webhook.status !== 200) view.hideTyping();
  } catch (err) {
    view.hideTyping();
    toast(`ส่งไม่สำเร็จ: ${err.message}`);
  }
}

const chat = {
  sendText: (text) => (text.trim() ? send({ type: "text", text }) : undefined),
  sendPostback: (data, displayText, params) =>
    send({ type: "postback", data, ...(displayText ? { displayText } : {}), ...(params ? { params } : {}) }),
  sendLocation: (loc) => send({ type: "location", ...loc }),
  pickImage: (fromCamera) => (fromCamera ? ui.cameraInput : ui.imageInput).click(),
  setDraft: (text) => {
    ui.input.value = text;
    ui.input.focus();
  },
  toast,
};

const view = new ChatView($("chat-log"), $("quick-replies"), { onAction: (action) => runAction(action, chat) });

async function uploadImage(input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  view.quickBar.hidden = true;
  view.showTyping();
  try {
    await simApi.sendImage(state.userId, file);
  } catch (err) {
    view.hideTyping();
    toast(`ส่งรูปไม่สำเร็จ: ${err.message}`);
  }
}

/** Follows the current user's transcript until the user changes. */
async function follow(userId) {
  state.poll?.abort();
  const poll = new AbortController();
  state.poll = poll;
  const generation = ++state.generation;
  state.cursor = 0;
  view.clear();
  let first = true;
  while (!poll.signal.aborted) {
    try {
      const res = await simApi.messages(userId, state.cursor, first ? 0 : LONG_POLL_MS, poll.signal);
      if (generation !== state.generation) return;
      banner(null);
      if (first && res.entries.length === 0) view.showEmpty(() => send({ type: "follow" }));
      first = false;
      state.cursor = res.cursor;
      view.append(res.entries);
    } catch (err) {
      if (poll.signal.aborted) return;
      banner("ติดต่อ LINE emulator ไม่ได้ กำลังลองใหม่…");
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function selectUser(userId) {
  state.userId = userId;
  ui.select.value = userId;
  localStorage.setItem(STORAGE_USER, userId);
  const user = state.users.find((u) => u.userId === userId);
  document.title = `สุจริต · ${user?.displayName ?? "แชทจำลอง"}`;
  follow(userId);
  showRichMenu(userId, $("richmenu"), (action) => runAction(action, chat));
}

function renderUsers() {
  ui.select.textContent = "";
  for (const u of state.users) ui.select.append(new Option(u.displayName, u.userId));
}

async function addUser() {
  const dialog = $("user-dialog");
  const name = $("user-name");
  name.value = "";
  dialog.returnValue = "";
  dialog.showModal();
  await new Promise((r) => (dialog.onclose = r));
  if (dialog.returnValue !== "ok" || !name.value.trim()) return;
  try {
    const user = await simApi.addUser(name.value.trim());
    state.users = await simApi.listUsers();
    renderUsers();
    selectUser(user.userId);
  } catch (err) {
    toast(`เพิ่มผู้ใช้ไม่สำเร็จ: ${err.message}`);
  }
}

async function clearChats() {
  if (!confirm("ล้างแชทของผู้ใช้จำลองทุกคน และผู้ใช้ที่เพิ่มเอง แล้วเริ่มใหม่ไหมคะ (ข้อมูลในฐานข้อมูลของบอทยังอยู่)")) return;
  try {
    await simApi.clear();
    localStorage.removeItem(STORAGE_USER);
    location.reload();
  } catch (err) {
    toast(`ล้างแชทไม่สำเร็จ: ${err.message}`);
  }
}

function wire() {
  fillIcons();
  closeOnCancel();
  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = ui.input.value;
    ui.input.value = "";
    chat.sendText(text);
  });
  ui.select.addEventListener("change", () => selectUser(ui.select.value));
  ui.input.addEventListener("focus", () => $("richmenu").closeMenu?.());
  $("menu-button").addEventListener("click", () => (ui.menu.hidden = !ui.menu.hidden));
  $("attach-button").addEventListener("click", () => (ui.attach.hidden = !ui.attach.hidden));
  ui.menu.addEventListener("click", (e) => {
    const item = e.target.closest("[data-menu]")?.dataset.menu;
    if (!item) return;
    ui.menu.hidden = true;
    if (item === "add-user") addUser();
    else if (item === "clear") clearChats();
    else send({ type: item });
  });
  ui.attach.addEventListener("click", async (e) => {
    const kind = e.target.closest("[data-attach]")?.dataset.attach;
    if (!kind) return;
    ui.attach.hidden = true;
    if (kind === "image" || kind === "camera") chat.pickImage(kind === "camera");
    if (kind === "sticker") send({ type: "sticker" });
    if (kind === "location") {
      const loc = await askLocation();
      if (loc) chat.sendLocation(loc);
    }
  });
  ui.imageInput.addEventListener("change", () => uploadImage(ui.imageInput));
  ui.cameraInput.addEventListener("change", () => uploadImage(ui.cameraInput));
  ui.dev.checked = localStorage.getItem(STORAGE_DEV) === "1";
  document.body.classList.toggle("dev-on", ui.dev.checked);
  ui.dev.addEventListener("change", () => {
    localStorage.setItem(STORAGE_DEV, ui.dev.checked ? "1" : "0");
    document.body.classList.toggle("dev-on", ui.dev.checked);
  });
}

async function start() {
  wire();
  try {
    state.users = await simApi.listUsers();
  } catch {
    banner("ติดต่อ LINE emulator ไม่ได้: เปิด npm run dev ไว้หรือไม่คะ");
    return;
  }
  renderUsers();
  // ?user=<id | preset key | name> picks who you are, e.g. /simulator/?user=headman
  const wanted = new URLSearchParams(location.search).get("user") ?? localStorage.getItem(STORAGE_USER);
  const match = state.users.find((u) => u.userId === wanted || u.displayName === wanted || u.role === wanted);
  selectUser((match ?? state.users[0]).userId);
}

start();
