#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { toResultCsv, toResultJson } from '../analysis/exportResult';
import { opencvDisplacement } from '../cv/opencvDisplacement';
import { analyzeFile, type FileSettings } from './analyzeFile';
import { clipStem, findNameClash, isFolder, listClips } from './listClips';
import { loadClassifier } from './loadClassifier';
import { loadOpenCv } from './loadOpenCv';
import { mergeResults } from './mergeResults';
import { parseArgs, USAGE, type CliArgs } from './parseArgs';
import { runBatch } from './runBatch';
import { toSummaryCsv } from './summaryRow';

/**
 * `npm run analyze -- CLIP ...`: the same analysis core as the app, over files, in Node.
 * One clip runs here; a folder or several clips run in the batch pool; --merge summarises
 * results written earlier.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.merge) return merge(args);
  const { clips, isBatch } = listClips(args.clips);
  if (clips.length === 0) throw new Error(`No clips found in ${args.clips.join(', ')} (looked for MP4, MOV, WebM, MKV, AVI, GIF and DICOM files).`);
  const settings: FileSettings = {
    baseline: args.baseline,
    options: { roiPx: args.roiPx, mmPerPx: args.mmPerPx },
    fps: args.fps,
    decoderThreads: isBatch ? 1 : null,
  };
  return isBatch ? batch(args, clips, settings) : single(args, clips[0], settings);
}

/** A file path as given, or NAME.ext inside it when it names a folder (ends in / or exists as one). */
function outputPath(path: string, clip: string, ext: string): string {
  return path.endsWith('/') || isFolder(path) ? join(path, `${clipStem(clip)}${ext}`) : path;
}

async function single(args: CliArgs, clip: string, settings: FileSettings): Promise<number> {
  // OpenCV's dense flow measures each event's displacement; without it the pure estimator does.
  const opencv = await loadOpenCv();
  try {
    const result = await analyzeFile(clip, settings, { displacement: opencv ? opencvDisplacement(opencv.cv) : undefined, classifier: await loadClassifier() });
    const json = toResultJson(result);
    for (const dir of [args.out, args.csv]) if (dir?.endsWith('/')) mkdirSync(dir, { recursive: true });
    if (args.out) writeFileSync(outputPath(args.out, clip, '.json'), json);
    else process.stdout.write(json);
    if (args.csv) writeFileSync(outputPath(args.csv, clip, '.csv'), toResultCsv(result));
    const s = result.summary;
    process.stderr.write(`${basename(clip)}: ${s.fasciculations} fasciculations (${s.perMinute}/min) in ${result.input.durationS} s\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${basename(clip)}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

async function batch(args: CliArgs, clips: string[], settings: FileSettings): Promise<number> {
  const clash = findNameClash(clips);
  if (clash && (args.out || args.csv)) {
    throw new Error(`"${clash[0]}" and "${clash[1]}" have the same name, so their results would overwrite each other; rename one or run them separately.`);
  }
  for (const dir of [args.out, args.csv]) if (dir) mkdirSync(dir, { recursive: true });
  const jobs = args.jobs ?? availableParallelism();
  process.stderr.write(`Analysing ${clips.length} clips, ${Math.min(jobs, clips.length)} at a time.\n`);
  const { rows, failures } = await runBatch({ clips, jobs, settings, outDir: args.out, csvDir: args.csv }, (line) => process.stderr.write(`${line}\n`));
  const summary = toSummaryCsv(rows);
  if (args.out) {
    writeFileSync(join(args.out, 'summary.csv'), summary);
    process.stderr.write(`Wrote ${clips.length - failures} results and ${join(args.out, 'summary.csv')}.\n`);
  } else process.stdout.write(summary);
  if (failures > 0) process.stderr.write(`${failures} of ${clips.length} clips could not be analysed (see above).\n`);
  return failures === 0 ? 0 : 1;
}

function merge(args: CliArgs): number {
  const summary = toSummaryCsv(mergeResults(args.clips));
  if (args.out) writeFileSync(args.out, summary);
  else process.stdout.write(summary);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
