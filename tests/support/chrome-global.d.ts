/**
 * The few extension APIs that end-to-end tests call inside the service worker or an extension page
 * (through `evaluate`), where `chrome` is a global.
 */
declare const chrome: {
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean; url?: string }): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  permissions: { request(permissions: { origins: string[] }): Promise<boolean>; contains(permissions: { origins: string[] }): Promise<boolean> };
};
