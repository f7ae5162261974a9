#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyzeClip } from '../analysis/analyzeClip';
import { toResultCsv, toResultJson } from '../analysis/exportResult';
import { opencvDisplacement } from '../cv/opencvDisplacement';
import { openNodeSource } from '../sources/node/openNodeSource';
import { loadClassifier } from './loadClassifier';
import { loadOpenCv } from './loadOpenCv';
import { parseArgs, USAGE } from './parseArgs';

/** `npm run analyze -- CLIP ...`: the same analysis core as the app, over files, in Node. */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const many = args.clips.length > 1;
  if (many) for (const dir of [args.out, args.csv]) if (dir) mkdirSync(dir, { recursive: true });
  // OpenCV's dense flow measures each event's displacement; without it the pure estimator does.
  const opencv = await loadOpenCv();
  const displacement = opencv ? opencvDisplacement(opencv.cv) : undefined;
  const classifier = await loadClassifier();
  let failures = 0;
  for (const clip of args.clips) {
    try {
      const sourceOptions = { fpsIfUntimed: args.fps };
      const baseline = args.baseline ? await openNodeSource(args.baseline, sourceOptions) : null;
      const result = await analyzeClip(await openNodeSource(clip, sourceOptions), baseline, { roiPx: args.roiPx, mmPerPx: args.mmPerPx }, { displacement, classifier });
      const stem = basename(clip, extname(clip));
      const json = toResultJson(result);
      if (args.out) writeFileSync(many ? join(args.out, `${stem}.json`) : args.out, json);
      else process.stdout.write(json);
      if (args.csv) writeFileSync(many ? join(args.csv, `${stem}.csv`) : args.csv, toResultCsv(result));
      const s = result.summary;
      process.stderr.write(`${basename(clip)}: ${s.fasciculations} fasciculations (${s.perMinute}/min) in ${result.input.durationS} s\n`);
    } catch (err) {
      failures++;
      process.stderr.write(`${basename(clip)}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
