import type { BenchSetName } from './benchSets';

/**
 * The fixed rule that splits ../shared/data/real (20 trials of one healthy subject, no
 * fasciculations) into tuning and test clips, written down before any clip was looked at with
 * the new detector:
 *
 * 1. A trial's condition is its name without the trailing `_push_NN` (passive_ROM_01,
 *    isometric_max_01, isokinetic030_01, ... isokinetic500_02): 7 conditions.
 * 2. Each condition gives exactly one tuning clip: the one an earlier detector was already tuned
 *    on, where there is one (p6_passive_ROM_01_push_01, p6_isometric_max_01_push_01 and
 *    p6_isokinetic120_01_push_04 were the three shared clips before: they are tuning data, seen
 *    or not), else the condition's lowest push number.
 * 3. Every other clip is a test clip: 7 tuning, 13 test (at most half may be tuned on).
 *
 * Files not in the data set's README (added later) follow the same rule by their names.
 */
const SEEN_BEFORE = new Set(['p6_passive_ROM_01_push_01', 'p6_isometric_max_01_push_01', 'p6_isokinetic120_01_push_04']);

export function conditionOf(stem: string): string {
  return stem.replace(/_push_\d+$/, '');
}

/** Splits clip file names (with extension) into the two sets; deterministic in the names alone. */
export function splitRealClips(files: readonly string[]): Record<BenchSetName, string[]> {
  const stems = [...files].sort();
  const byCondition = new Map<string, string[]>();
  for (const f of stems) {
    const c = conditionOf(f.replace(/\.[^.]+$/, ''));
    byCondition.set(c, [...(byCondition.get(c) ?? []), f]);
  }
  const tuning = new Set<string>();
  for (const members of byCondition.values()) {
    const seen = members.find((f) => SEEN_BEFORE.has(f.replace(/\.[^.]+$/, '')));
    tuning.add(seen ?? members[0]);
  }
  return { tuning: stems.filter((f) => tuning.has(f)), test: stems.filter((f) => !tuning.has(f)) };
}
