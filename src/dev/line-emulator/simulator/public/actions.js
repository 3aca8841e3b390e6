// What a tap does, per LINE action type: message and postback send events;
// datetimepicker, camera / cameraRoll and location open a picker first, the way
// the LINE app does; uri opens a tab; clipboard copies.

/** Preset places for the location picker. */
export const LOCATION_PRESETS = [
  { name: "ศาลากลางจังหวัดขอนแก่น", latitude: 16.4419, longitude: 102.836, address: "อำเภอเมืองขอนแก่น จังหวัดขอนแก่น" },
  { name: "กำหนดเอง", latitude: 16.4419, longitude: 102.836, address: "" },
];

const PICKER_INPUT = { date: "date", time: "time", datetime: "datetime-local" };
const PICKER_TITLE = { date: "เลือกวันที่", time: "เลือกเวลา", datetime: "เลือกวันและเวลา" };

/** Resolves with the dialog's input value, or null when cancelled. */
function askDateTime(action) {
  const dialog = document.getElementById("datetime-dialog");
  const input = document.getElementById("datetime-input");
  const mode = PICKER_INPUT[action.mode] ? action.mode : "datetime";
  input.type = PICKER_INPUT[mode];
  document.getElementById("datetime-title").textContent = PICKER_TITLE[mode];
  // LINE formats: date 2017-12-25, time 01:00, datetime 2017-12-25T01:00 (the input's own format).
  input.min = action.min ?? "";
  input.max = action.max ?? "";
  input.value = action.initial ?? "";
  return new Promise((resolve) => {
    dialog.onclose = () => resolve(dialog.returnValue === "ok" && input.value ? { mode, value: input.value } : null);
    dialog.returnValue = "";
    dialog.showModal();
    input.focus();
  });
}

export function askLocation() {
  const dialog = document.getElementById("location-dialog");
  const preset = document.getElementById("location-preset");
  const fields = {
    title: document.getElementById("location-title"),
    address: document.getElementById("location-address"),
    lat: document.getElementById("location-lat"),
    lng: document.getElementById("location-lng"),
  };
  if (preset.options.length === 0) {
    LOCATION_PRESETS.forEach((p, i) => preset.append(new Option(p.name, String(i))));
    preset.addEventListener("change", () => fill(LOCATION_PRESETS[Number(preset.value)]));
  }
  function fill(p) {
    fields.title.value = p.address ? p.name : "";
    fields.address.value = p.address;
    fields.lat.value = String(p.latitude);
    fields.lng.value = String(p.longitude);
  }
  preset.value = "0";
  fill(LOCATION_PRESETS[0]);
  return new Promise((resolve) => {
    dialog.onclose = () => {
      if (dialog.returnValue !== "ok") return resolve(null);
      resolve({
        latitude: Number(fields.lat.value),
        longitude: Number(fields.lng.value),
        ...(fields.title.value.trim() ? { title: fields.title.value.trim() } : {}),
        ...(fields.address.value.trim() ? { address: fields.address.value.trim() } : {}),
      });
    };
    dialog.returnValue = "";
    dialog.showModal();
  });
}

/**
 * Runs a LINE action. `chat` offers: sendText(text), sendPostback(data, displayText, params),
 * sendLocation(loc), pickImage(fromCamera), setDraft(text), toast(text).
 */
export async function runAction(action, chat) {
  switch (action?.type) {
    case "message":
      return chat.sendText(action.text ?? action.label ?? "");
    case "postback": {
      await chat.sendPostback(action.data, action.displayText ?? action.text, undefined);
      if (action.inputOption === "openKeyboard") chat.setDraft(action.fillInText ?? "");
      return;
    }
    case "datetimepicker": {
      const picked = await askDateTime(action);
      // LINE sends postback.params {date|time|datetime: value} and shows nothing in the chat.
      if (picked) await chat.sendPostback(action.data, undefined, { [picked.mode]: picked.value });
      return;
    }
    case "richmenuswitch":
      return chat.sendPostback(action.data, undefined, { newRichMenuAliasId: action.richMenuAliasId, status: "SUCCESS" });
    case "camera":
      return chat.pickImage(true);
    case "cameraRoll":
      return chat.pickImage(false);
    case "location": {
      const loc = await askLocation();
      if (loc) await chat.sendLocation(loc);
      return;
    }
    case "uri": {
      const uri = action.uri ?? "";
      if (/^https?:\/\//i.test(uri)) window.open(uri, "_blank", "noopener");
      else chat.toast(`ลิงก์ ${uri} เปิดได้ในแอป LINE เท่านั้น`);
      return;
    }
    case "clipboard":
      await navigator.clipboard?.writeText(action.clipboardText ?? "").catch(() => undefined);
      return chat.toast("คัดลอกแล้ว");
    default:
      return chat.toast(`ยังไม่รองรับการกระทำแบบ ${action?.type ?? "?"}`);
  }
}

export function closeOnCancel() {
  for (const button of document.querySelectorAll("dialog [data-close]")) {
    button.addEventListener("click", () => button.closest("dialog").close("cancel"));
  }
}
