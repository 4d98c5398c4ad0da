import { extensionApi } from '../../lib/extension-api';

/**
 * Stands in for WXT's ContentScriptContext in the news content script (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for the build). WXT's own context announces every
 * start with a CustomEvent on `document`, which the page can hear (so it learns Backstory is there)
 * and forge (a page that dispatches one stops Backstory). This one talks to nobody: it is invalidated
 * only when the extension goes away (updated, reloaded, disabled), which `isInvalid` notices, and a
 * second copy in the same world is kept from starting by the content script itself.
 *
 * It offers the part of WXT's interface that the content script and WXT's entry wrapper use.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (extensionApi().runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  block<T>(): Promise<T> {
    return new Promise<T>(() => undefined);
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearInterval(id));
    return id as unknown as number;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id as unknown as number;
  }
}
