/**
 * Messages of the options page's data management (import, edit, export, subscriptions).
 * Part of the one protocol map in `protocol.ts`; kept in its own file because it is large.
 */
export const dataMessages = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DataResults {}
