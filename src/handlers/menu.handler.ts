import { topicMenuFlex } from "../../flex-messages";
import { EXPLAINERS } from "../content/explainers";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "../webhook/bot-context";

const MENU_WORDS = new Set(["เมนู", "menu", "help", "ช่วยเหลือ", "วิธีใช้", "เริ่ม", "start"]);

export function isMenuWord(text: string | undefined): boolean {
  return text !== undefined && MENU_WORDS.has(normalizeText(text));
}

export function handleMenu(ctx: BotContext): void {
  ctx.reply(topicMenuFlex([...EXPLAINERS]));
}
