/** Triggers and the dialog talk through one window event, so the dialog is mounted once. */
export const OPEN_SEARCH_EVENT = "portico:open-search";

export function openGlobalSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
}
