import { readdirSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import type { AnalysisOptions } from '../src/analysis/AnalysisOptions';
import type { ExportedResult } from '../src/analysis/exportResult';
import type { TruthEvent } from '../src/analysis/scoreDetections';
import { contentHash } from '../src/review/contentHash';

/** One reviewed clip as ground truth for `npm run eval -- --labels DIR`. */
export interface LabelledClip {
  /** The reviewed export (NAME.json). */
  exportPath: string;
  /** The clip it reviews: NAME.<ext> beside it, else the file named in its input.file, in DIR. */
  clipPath: string;
  /** The baseline it was analysed with, when that file is in DIR too; else null. */
  baselinePath: string | null;
  /** Accepted and added events are fasciculations; rejected ones are not. */
  truth: TruthEvent[];
  /** Millimetres per pixel for the radii in `truth`; 1 when the clip had no scale (radii are then px). */
  mmPerPx: number;
  /** The reviewed clip's duration and analysable time, s. */
  durationS: number;
  analysableS: number;
  /** Frame rate of the analysis, for clips without timing of their own (picture-less DICOM). */
  fps: number;
  /** The region and scale the reviewer's analysis used, so the detector looks where they looked. */
  options: Pick<AnalysisOptions, 'roiPx' | 'mmPerPx'>;
}

export interface ReviewLabels {
  clips: LabelledClip[];
  /** Exports in DIR that are not usable ground truth, with the reason in plain words. */
  skipped: { file: string; reason: string }[];
}

/**
 * Reads every reviewed export (*.json) in `dir`. An export is ground truth only when each of the
 * detector's fasciculations was accepted or rejected (one left unreviewed would count as either)
 * and, when it records the clip's content hash, the clip beside it has those very bytes.
 */
export async function readReviewLabels(dir: string): Promise<ReviewLabels> {
  const names = readdirSync(dir).sort();
  const clips: LabelledClip[] = [];
  const skipped: ReviewLabels['skipped'] = [];
  for (const name of names.filter((n) => extname(n).toLowerCase() === '.json')) {
    const path = join(dir, name);
    try {
      const clip = await readOne(dir, names, path);
      if (typeof clip === 'string') skipped.push({ file: name, reason: clip });
      else clips.push(clip);
    } catch (err) {
      skipped.push({ file: name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { clips, skipped };
}

async function readOne(dir: string, names: string[], path: string): Promise<LabelledClip | string> {
  let data: ExportedResult;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as ExportedResult;
  } catch {
    return 'not valid JSON';
  }
  if (data?.tool?.name !== 'twitchscope' || !Array.isArray(data.events)) return 'not a TwitchScope export';
  if (!data.review) return 'not reviewed (its "review" is null: export it from the page after reviewing)';
  const unreviewed = data.events.filter((e) => e.kind === 'fasciculation' && e.source === 'detector' && !e.review).length;
  if (unreviewed > 0) return `${unreviewed} of the detector's fasciculations are neither accepted nor rejected`;

  const stem = basename(path, extname(path));
  const beside = names.find((n) => n !== basename(path) && (n === stem || basename(n, extname(n)) === stem) && !/\.(json|csv|png|pdf)$/i.test(n));
  const named = data.input?.file && names.includes(basename(data.input.file)) ? basename(data.input.file) : null;
  const clipName = beside ?? named;
  if (!clipName) return `no clip found: put it beside the export as ${stem}.<ext> (or as "${data.input?.file ?? '?'}")`;
  const clipPath = join(dir, clipName);
  if (data.review.clipSha256 && (await fileHash(clipPath)) !== data.review.clipSha256) {
    return `${clipName} is not the clip that was reviewed (its content hash differs)`;
  }
  const baselineFile = data.baseline?.input.file ? basename(data.baseline.input.file) : null;
  const mmPerPx = data.settings.mmPerPx;
  const truth: TruthEvent[] = data.events
    .filter((e) => e.review === 'accepted' || e.review === 'added')
    .map((e) => ({
      onsetS: e.onsetS,
      peakS: e.peakS,
      endS: e.endS,
      xPx: e.xPx,
      yPx: e.yPx,
      // A territory of the event's area, as a circle; in px when the clip had no scale.
      radiusMm: mmPerPx ? Math.sqrt((e.areaMm2 ?? e.areaPx * mmPerPx * mmPerPx) / Math.PI) : Math.sqrt(e.areaPx / Math.PI),
    }));
  return {
    exportPath: path,
    clipPath,
    baselinePath: baselineFile && names.includes(baselineFile) && baselineFile !== clipName ? join(dir, baselineFile) : null,
    truth,
    mmPerPx: mmPerPx ?? 1,
    durationS: data.input.durationS,
    analysableS: data.summary.analysableS,
    fps: data.input.fps,
    options: { roiPx: data.roi.source === 'user' ? data.settings.roiPx : null, mmPerPx },
  };
}

/** The same content hash as the page's (src/review/contentHash), read from disk in chunks. */
async function fileHash(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const sizeBytes = statSync(path).size;
    return await contentHash(
      [{ sizeBytes, read: async (offset, length) => {
        const buf = new Uint8Array(length);
        const { bytesRead } = await handle.read(buf, 0, length, offset);
        return buf.subarray(0, bytesRead);
      } }],
      async (bytes) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', bytes)),
    );
  } finally {
    await handle.close();
  }
}
