import { touchesMask } from './blockGeometry';
import type { Candidate } from './findCandidates';

/** A candidate as the tracker sees it: the group, when, and how the territory has moved since the track began. */
export interface TrackFrame {
  t: number;
  channel: 'short' | 'long';
  lagS: number;
  peakShort: number;
  peakLong: number;
  sumZ: number;
  blocks: number;
  cx: number;
  cy: number;
  /** Seeded groups elsewhere in the same frame (codec bursts light up many places at once). */
  concurrent: number;
}

/** Local displacement of a territory between the frames at or before fromS and toS, mm (null: untrackable). */
export type DisplacementProbe = (blocks: readonly number[], fromS: number, toS: number) => { dxMm: number; dyMm: number } | null;

export interface Track {
  id: number;
  /** Earliest time the motion can have begun: the first frame's time less its channel's lag. */
  onsetS: number;
  firstT: number;
  lastT: number;
  frames: TrackFrame[];
  /** Displacement since onset, per frame of `frames` (null where it could not be measured). */
  displacement: Array<{ dxMm: number; dyMm: number } | null>;
  /** Every block the track covered, and those of its latest frame. */
  mask: Uint8Array;
  territory: number[];
  recent: number[];
  /** Later onsets at the site that moved the tissue back (relaxation), linked into this track. */
  linked: number;
  /** The track was still open when the frames stopped being analysable or the clip ended, or its motion outlasted the longest twitch. */
  cutOff: boolean;
}

export interface TrackerSettings {
  cols: number;
  rows: number;
  /** A track with no group for this long is closed (it may still be re-joined by its relaxation). */
  closeGapS: number;
  /** A track is final this long after its onset (longest twitch): later onsets at the site are new events. */
  maxTwitchS: number;
  /** The relaxation test compares the displacement now with the one this long before, s (the long lag). */
  relaxLagS: number;
}

/**
 * Frame-to-frame tracking of candidates (after the tfjs-models tracker: match, update, retire):
 * a group continues the open track whose latest blocks it touches most (two tracks are never
 * merged); a seeded group touching none starts a track; unseeded groups only carry tracks on.
 * A seeded group at the territory of a recently closed track re-joins it while the tissue there
 * has not moved further than the track's own peak: that is the twitch relaxing back (often in
 * uneven steps), not a new contraction. No group joins a track `maxTwitchS` or more after its
 * onset (no twitch lasts longer), so tracks become final then, or when closed after it. Nothing
 * here feeds back into scoring.
 */
export class CandidateTracker {
  private open: Track[] = [];
  private nextId = 1;

  constructor(private readonly s: TrackerSettings) {}

  apply(groups: readonly Candidate[], t: number, lagOf: (c: Candidate) => number, probe: DisplacementProbe): void {
    const seeded = groups.filter((g) => g.seeded).length;
    // Every group is matched against the tracks as they stood after the previous frame; groups
    // of one track in this frame (a territory split by the threshold) are merged into one frame.
    const byTrack = new Map<Track, Candidate[]>();
    const fresh: Candidate[] = [];
    for (const g of groups) {
      let track = this.bestMatch(g, t);
      // A closed track re-joins only its relaxation, never a second contraction.
      if (track && this.isClosed(track, t) && !(g.seeded && this.isRelaxation(track, g, t, probe))) track = null;
      if (track) byTrack.set(track, [...(byTrack.get(track) ?? []), g]);
      else if (g.seeded) fresh.push(g);
    }
    for (const [track, gs] of byTrack) {
      if (this.isClosed(track, t)) track.linked++;
      this.update(track, merge(gs), t, lagOf, probe, seeded);
    }
    for (const g of fresh) this.update(this.start(t, lagOf(g)), g, t, lagOf, probe, seeded);
  }

  private update(track: Track, g: Candidate, t: number, lagOf: (c: Candidate) => number, probe: DisplacementProbe, seeded: number): void {
    track.frames.push({ t, channel: g.channel, lagS: lagOf(g), peakShort: g.peakShort, peakLong: g.peakLong, sumZ: g.sumZ, blocks: g.blocks.length, cx: g.cx, cy: g.cy, concurrent: Math.max(0, seeded - 1) });
    track.lastT = t;
    track.recent = g.blocks;
    for (const b of g.blocks) {
      if (track.mask[b]) continue;
      track.mask[b] = 1;
      track.territory.push(b);
    }
    track.displacement.push(probe(track.territory, track.onsetS, t));
  }

  private isClosed(track: Track, t: number): boolean {
    return t - track.lastT > this.s.closeGapS;
  }

  /** Open tracks whose frames stopped being analysable are cut off: their course is unknown. */
  cutOpen(t: number): void {
    for (const tr of this.open) if (!this.isClosed(tr, t)) tr.cutOff = true;
  }

  /** Tracks that can no longer change, in onset order. */
  takeFinal(t: number): Track[] {
    const done = this.open.filter((tr) => this.isClosed(tr, t) && t >= tr.onsetS + this.s.maxTwitchS);
    this.open = this.open.filter((tr) => !done.includes(tr));
    return done;
  }

  /** Every remaining track (the clip ended): those still open are cut off. */
  takeAll(t: number): Track[] {
    for (const tr of this.open) if (!this.isClosed(tr, t)) tr.cutOff = true;
    const all = this.open;
    this.open = [];
    return all;
  }

  private start(t: number, lagS: number): Track {
    const track: Track = { id: this.nextId++, onsetS: t - lagS, firstT: t, lastT: t, frames: [], displacement: [], mask: new Uint8Array(this.s.cols * this.s.rows), territory: [], recent: [], linked: 0, cutOff: false };
    this.open.push(track);
    return track;
  }

  private bestMatch(g: Candidate, t: number): Track | null {
    const { cols, rows } = this.s;
    let best: Track | null = null;
    let bestOverlap = 0;
    for (const tr of this.open) {
      const closed = this.isClosed(tr, t);
      // No twitch outlasts maxTwitchS: motion that goes on at a track's site after that is not
      // its continuation. An open track it touches is cut off there (its motion outlasted any
      // twitch), and the group starts a track of its own if it is seeded.
      if (t >= tr.onsetS + this.s.maxTwitchS) {
        if (!closed && g.blocks.some((b) => touchesList(tr.recent, b, cols))) tr.cutOff = true;
        continue;
      }
      const against = closed ? tr.mask : null;
      let overlap = 0;
      for (const b of g.blocks) if (against ? touchesMask(against, b, cols, rows) : touchesList(tr.recent, b, cols)) overlap++;
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = tr;
      }
    }
    return best;
  }

  /**
   * Relaxation moves the territory back towards where it rested before the track's onset; a new
   * contraction (the same unit again, a neighbour, an artery's next beat) moves it away from
   * there. So: is the tissue now nearer its resting place than one long lag ago?
   */
  private isRelaxation(track: Track, g: Candidate, t: number, probe: DisplacementProbe): boolean {
    const now = probe(g.blocks, track.onsetS, t);
    const before = probe(g.blocks, track.onsetS, t - this.s.relaxLagS);
    if (!now || !before) return true;
    return Math.hypot(now.dxMm, now.dyMm) < Math.hypot(before.dxMm, before.dyMm);
  }
}

/** Groups of one track in one frame as one group: blocks joined, peaks and sums combined. */
function merge(gs: readonly Candidate[]): Candidate {
  if (gs.length === 1) return gs[0];
  const w = gs.reduce((s, g) => s + Math.max(1e-3, g.sumZ), 0);
  return {
    blocks: gs.flatMap((g) => g.blocks),
    seeded: gs.some((g) => g.seeded),
    channel: gs.reduce((a, g) => (g.sumZ > a.sumZ ? g : a)).channel,
    peakShort: Math.max(...gs.map((g) => g.peakShort)),
    peakLong: Math.max(...gs.map((g) => g.peakLong)),
    sumZ: gs.reduce((s, g) => s + g.sumZ, 0),
    cx: gs.reduce((s, g) => s + Math.max(1e-3, g.sumZ) * g.cx, 0) / w,
    cy: gs.reduce((s, g) => s + Math.max(1e-3, g.sumZ) * g.cy, 0) / w,
  };
}

/** Does block b touch (8-neighbourhood) any block of `list`? */
function touchesList(list: readonly number[], b: number, cols: number): boolean {
  const x = b % cols;
  const y = (b / cols) | 0;
  for (const o of list) {
    if (Math.abs((o % cols) - x) <= 1 && Math.abs(((o / cols) | 0) - y) <= 1) return true;
  }
  return false;
}
