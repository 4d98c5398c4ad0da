import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Scripts that tests and the bench inject into pages, resolved as packages (so they stay declared dependencies). */
export const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
export const MARK_JS_SCRIPT = require.resolve('mark.js/dist/mark.min.js');
