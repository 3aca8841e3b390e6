// The one barrel file allowed (STYLE.md): every Flex builder and shared piece.
export * from "./components.flex";
export * from "./explainer.flex";
export * from "./greeting.flex";
export * from "./main-actions";
export * from "./thai-date";
export * from "./theme";
export * from "./topic-menu.flex";
