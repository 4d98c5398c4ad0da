/**
 * The few extension APIs that the Firefox end-to-end tests call inside an extension page (through
 * `evaluate`), where `browser` is a global.
 */
declare const browser: {
  tabs: {
    query(query: { active?: boolean; currentWindow?: boolean; url?: string }): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  extension: { getViews(): Window[] };
};
