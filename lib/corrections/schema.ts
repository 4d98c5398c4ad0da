import { z } from 'zod';
import { pageOf } from './where';

/** Enough for years of corrections; a reader past it is told to tidy the list in the options page. */
export const MAX_CORRECTIONS = 10_000;

/** A host name as `siteOf` gives it: lowercase labels, without "www.". */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function isKeptPage(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && pageOf(url) === value;
  } catch {
    return false;
  }
}

/**
 * The fields of a correction as files carry them (the edits file, the backup), checked as Backstory
 * writes them rather than mended: a page is an http(s) address without query or fragment, a site a
 * bare host name. A file that says anything else is refused with the field's path, and nothing is
 * imported. Built by each file's schema when that is first used, not when the module loads.
 */
export const correctionFields = () => ({
  entityName: z.string().min(1).max(300),
  /** The words as corrections compare them (folded: see `correctionWords`). */
  words: z.string().min(1).max(600).optional(),
  text: z.string().min(1).max(300).optional(),
  page: z
    .string()
    .max(2_000)
    .refine(isKeptPage, 'must be an http:// or https:// page address with a lowercase host and no query or fragment')
    .optional(),
  site: z
    .string()
    .max(253)
    .refine((value) => HOST.test(value), 'must be a lowercase host name like "example.org"')
    .refine((value) => !value.startsWith('www.'), 'must be the host name without "www."')
    .optional(),
  createdAt: z.iso.datetime(),
});

/** What a correction may say, as `addCorrection` makes them: words with their text, and no place for "every mark of the entity". */
export function checkConsistent(
  correction: { words?: string; text?: string; page?: string; site?: string },
  context: z.RefinementCtx,
): void {
  if ((correction.words === undefined) !== (correction.text === undefined))
    context.addIssue({
      code: 'custom',
      path: ['words'],
      message: 'words and text go together (both, or neither for every mark of the entity)',
    });
  if (correction.page !== undefined && correction.site !== undefined)
    context.addIssue({ code: 'custom', path: ['site'], message: 'a correction applies to one page or one site, not both' });
  if (correction.words === undefined && (correction.page !== undefined || correction.site !== undefined))
    context.addIssue({ code: 'custom', path: ['words'], message: 'a correction of every mark of the entity applies everywhere' });
}
