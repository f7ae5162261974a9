import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** Extensions taken from a folder: containers ffmpeg reads and DICOM; scanners also export DICOM without one. */
const CLIP_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov', '.webm', '.mkv', '.avi', '.gif', '.dcm', '.dicom', '']);

/** Natural order (clip2 before clip10), the same on every machine and in every locale. */
export const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' }).compare;

export interface ClipList {
  clips: string[];
  /** True when a folder was named or several clips were: the batch pool and summary.csv. */
  isBatch: boolean;
}

/**
 * The clips the command line names: files as given, in order, and each folder's clips (not its
 * subfolders, nor hidden files) in natural name order, so a batch's order, and summary.csv's,
 * does not depend on the file system.
 */
export function listClips(paths: readonly string[]): ClipList {
  const clips: string[] = [];
  let sawFolder = false;
  for (const path of paths) {
    if (!isFolder(path)) {
      clips.push(path);
      continue;
    }
    sawFolder = true;
    const names = readdirSync(path)
      .filter((n) => !n.startsWith('.') && CLIP_EXTENSIONS.has(extname(n).toLowerCase()))
      .filter((n) => statSync(join(path, n)).isFile())
      .sort(naturalOrder);
    clips.push(...names.map((n) => join(path, n)));
  }
  return { clips, isBatch: sawFolder || clips.length > 1 };
}

/** Result files are named after their clip; two clips with one name would overwrite each other. */
export function findNameClash(clips: readonly string[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const clip of clips) {
    const stem = clipStem(clip);
    const other = seen.get(stem);
    if (other !== undefined) return [other, clip];
    seen.set(stem, clip);
  }
  return null;
}

export function clipStem(clip: string): string {
  return basename(clip, extname(clip));
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing clip is reported by the analysis, like any unreadable one
  }
}
