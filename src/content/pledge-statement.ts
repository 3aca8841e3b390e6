// The one pledge of the "ไม่รับ ไม่ให้" campaign, in Sujarit's own plain words (not an
// official oath; the campaign and its village-meeting pledges are Khon Kaen's, thai.md,
// 9 Dec 2021 article). A resident pledges these words in the chat, and the headman reads
// the same words aloud at the village meeting, so both count the same promise.
export const PLEDGE_STATEMENT =
  "ข้าพเจ้าขอประกาศเจตนารมณ์ว่า จะไม่รับ และไม่ให้ เงิน ของขวัญ หรือประโยชน์ใด ๆ " +
  "เพื่อแลกกับการทำหน้าที่หรือบริการของรัฐ และจะร่วมเป็นหูเป็นตา สร้างหมู่บ้านของเราให้สุจริต โปร่งใส";
