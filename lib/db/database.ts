import Dexie from 'dexie';
import { declareVersions } from './migrations';
import type { BackstoryDB } from './tables';

/**
 * Opens Backstory's database (lazily: Dexie opens it on first use, so a restarted service worker
 * simply reopens it). Only the extension's origin opens it; content scripts never import lib/db.
 * The rows are described in `tables.ts`, the versions in `migrations.ts`.
 */
export function openDatabase(name = 'backstory'): BackstoryDB {
  const db = new Dexie(name) as BackstoryDB;
  declareVersions(db);
  return db;
}
