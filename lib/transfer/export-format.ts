// Paperboy's JSON export format, apart from the serialisers so the background's import does
// not carry the BibTeX code.
import type { Paper } from '../source/entry';

export const EXPORT_FORMAT = 'paperboy-papers';
export const EXPORT_VERSION = 1;

export interface ExportedPaper extends Paper {
  savedAt?: number;
  readAt?: number;
}

/** A saved paper known only by its id (saved on another device, details not fetched yet). */
export interface ExportedSavedId {
  id: string;
  savedAt: number;
  readAt?: number;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  papers: ExportedPaper[];
  savedWithoutDetails: ExportedSavedId[];
}
