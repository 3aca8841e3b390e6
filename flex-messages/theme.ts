// Colours and sizes for every Sujarit Flex message. Text colours meet WCAG 2.x AA
// (contrast ≥ 4.5:1 for normal text) on the background they are drawn on; the
// pairs are listed in CONTRAST_PAIRS and checked by test/unit/flex-messages/theme.test.ts.

export const COLORS = {
  /** Deep teal: header background, primary buttons, link buttons and headings. */
  brand: "#0B5D55",
  /** Text on the brand colour (titles in headers, primary button labels). */
  onBrand: "#FFFFFF",
  /** Secondary text on the brand colour (header subtitles). */
  onBrandMuted: "#D7EFEA",
  /** Body text on white. */
  text: "#1F2937",
  /** Secondary text (sources, notes) on white or the tinted footer. */
  textMuted: "#4B5563",
  surface: "#FFFFFF",
  /** Footer and note background. */
  surfaceTint: "#F1F8F6",
  /** Background of "secondary" buttons; LINE draws their label in a near-black colour. */
  secondaryButton: "#E3F1EE",
  separator: "#C9D6D3",
} as const;

/**
 * The label colour LINE uses on style:"secondary" buttons. LINE does not let us set it;
 * #111111 is what the LINE app renders, and we keep our button background light enough
 * that even pure black-on-background passes.
 */
export const LINE_SECONDARY_BUTTON_LABEL = "#111111";

/** Every (foreground, background) pair the builders actually draw text with. */
export const CONTRAST_PAIRS: readonly { name: string; fg: string; bg: string }[] = [
  { name: "header title", fg: COLORS.onBrand, bg: COLORS.brand },
  { name: "header subtitle", fg: COLORS.onBrandMuted, bg: COLORS.brand },
  { name: "body text", fg: COLORS.text, bg: COLORS.surface },
  { name: "heading / link on white", fg: COLORS.brand, bg: COLORS.surface },
  { name: "muted text on white", fg: COLORS.textMuted, bg: COLORS.surface },
  { name: "muted text on tint", fg: COLORS.textMuted, bg: COLORS.surfaceTint },
  { name: "heading on tint", fg: COLORS.brand, bg: COLORS.surfaceTint },
  { name: "primary button label", fg: COLORS.onBrand, bg: COLORS.brand },
  { name: "secondary button label", fg: LINE_SECONDARY_BUTTON_LABEL, bg: COLORS.secondaryButton },
];

/** WCAG 2.x AA minimum for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * Flex text sizes. Thai stacks vowels and tone marks above and below the line, so any
 * running text (body, summaries, the source note) is "sm" or larger; "xs" is only for
 * short labels such as "สุจริต · เรื่องน่ารู้", and "xxs" is never used.
 */
export const SIZES = {
  title: "lg",
  heading: "md",
  body: "sm",
  summary: "sm",
  source: "sm",
  label: "xs",
} as const;

/** Sizes allowed for running text (more than a short label). */
export const READABLE_TEXT_SIZES: readonly string[] = ["sm", "md", "lg", "xl"];
/** A text longer than this counts as running text and must use READABLE_TEXT_SIZES. */
export const SHORT_LABEL_MAX = 30;

/** Relative luminance of an sRGB colour "#RRGGBB" (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Colour must look like #RRGGBB, got "${hex}"`);
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
