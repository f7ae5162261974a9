import type { RectPx } from '../analysis/LumaFrame';

export interface CliArgs {
  clips: string[];
  baseline: string | null;
  out: string | null;
  csv: string | null;
  roiPx: RectPx | null;
  mmPerPx: number | null;
  /** Frame rate for DICOM files that carry no frame timing. */
  fps: number | null;
  /** Worker threads for a batch; null: one per core (os.availableParallelism()). */
  jobs: number | null;
  /** Merge mode: the positional arguments are result JSON files or folders of them. */
  merge: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run analyze -- CLIP [--baseline BASE] [--out RESULT.json] [--csv RESULT.csv]
                       [--roi x,y,w,h] [--mm-per-px N] [--fps N]
       npm run analyze -- DIR/ | CLIP CLIP ... [--out RESULTS/] [--csv CSVS/] [--jobs N] [...]
       npm run analyze -- --merge RESULTS/ | RESULT.json ... [--out SUMMARY.csv]

Finds fasciculations in each CLIP (MP4, MOV, WebM, AVI, DICOM: anything ffmpeg reads) and prints the
result JSON to stdout, or writes it with --out. A folder or several clips make a batch: the clips
run in parallel, one per core, --out and --csv name folders that get one file per clip, and
--out also gets summary.csv with one row per clip (without --out the summary goes to stdout).
--merge writes that summary from result JSON files made earlier (e.g. one per cluster task).
  --baseline BASE   a clip of the same muscle at rest without twitches: sets the noise floor and
                    adds its rate for comparison
  --roi x,y,w,h     the ultrasound image inside the frame, pixels (default: found automatically)
  --mm-per-px N     physical scale, for areas in mm2 and displacements in mm
  --fps N           frame rate for DICOM files that do not record their frame timing
  --jobs N          clips analysed at once in a batch (default: one per core)
  --merge           summarise result JSON files (or folders of them) into one summary CSV`;

/** Parse argv (after the script name); throws an Error with a plain message on bad input. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { clips: [], baseline: null, out: null, csv: null, roiPx: null, mmPerPx: null, fps: null, jobs: null, merge: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.\n\n${USAGE}`);
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--baseline':
        args.baseline = value();
        break;
      case '--out':
        args.out = value();
        break;
      case '--csv':
        args.csv = value();
        break;
      case '--roi': {
        const parts = value().split(',').map(Number);
        if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0)) {
          throw new Error('--roi takes four whole, non-negative pixel numbers: x,y,width,height (e.g. --roi 210,44,726,577).');
        }
        args.roiPx = { x: parts[0], y: parts[1], width: parts[2], height: parts[3] };
        break;
      }
      case '--mm-per-px': {
        const n = Number(value());
        if (!(n > 0 && n < 10)) throw new Error('--mm-per-px takes a number above 0 and below 10 (e.g. 0.087).');
        args.mmPerPx = n;
        break;
      }
      case '--fps': {
        const n = Number(value());
        if (!(n > 0 && n <= 1000)) throw new Error('--fps takes a frame rate above 0 and at most 1000 (e.g. 30).');
        args.fps = n;
        break;
      }
      case '--jobs': {
        const n = Number(value());
        if (!(Number.isInteger(n) && n >= 1 && n <= 256)) throw new Error('--jobs takes a whole number of clips at once, 1 to 256 (e.g. --jobs 2).');
        args.jobs = n;
        break;
      }
      case '--merge':
        args.merge = true;
        break;
      default:
        if (a.startsWith('-')) throw new Error(`Unknown option ${a}.\n\n${USAGE}`);
        args.clips.push(a);
    }
  }
  if (!args.help && args.clips.length === 0) {
    throw new Error(`${args.merge ? 'Name the result files or folders to merge' : 'Name at least one clip'}.\n\n${USAGE}`);
  }
  return args;
}
