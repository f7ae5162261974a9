import type { ClipSummary } from './AnalysisResult';
import { median } from './median';
import { round } from './round';
import { EVENT_KINDS, type EventKind, type TwitchEvent } from './TwitchEvent';

/** Counts and medians over fasciculations only; other kinds are counted by kind. */
/** `analysableS`: seconds in which a twitch could have been seen; rates are per analysable minute. */
export function summarizeEvents(events: readonly TwitchEvent[], analysableS: number): ClipSummary {
  const byKind = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
  for (const e of events) byKind[e.kind]++;
  const fasc = events.filter((e) => e.kind === 'fasciculation');
  const areasMm2 = fasc.map((e) => e.areaMm2).filter((a): a is number => a !== null);
  const roundOrNull = (v: number | null, d: number): number | null => (v === null ? null : round(v, d));
  return {
    fasciculations: fasc.length,
    perMinute: analysableS > 0 ? round((fasc.length / analysableS) * 60, 2) : 0,
    analysableS: round(analysableS, 3),
    medianDurationS: roundOrNull(median(fasc.map((e) => e.durationS)), 3),
    medianAreaPx: roundOrNull(median(fasc.map((e) => e.areaPx)), 1),
    medianAreaMm2: areasMm2.length > 0 ? roundOrNull(median(areasMm2), 2) : null,
    eventsByKind: byKind,
  };
}
