import { browser } from 'wxt/browser';
import { createClient } from '../messaging/client';

/** The message client for extension pages and content scripts. */
export const call = createClient((message) => browser.runtime.sendMessage(message));
