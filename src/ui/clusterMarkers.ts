/**
 * Groups marker positions (CSS px along the track, in time order) so that neighbours closer than
 * `minGapPx` share a group: single linkage, so a chain of close markers becomes one cluster.
 * Each group's centre lies within its first and last member and the next group starts at least
 * `minGapPx` after this one's last member, so group centres are always at least `minGapPx` apart:
 * markers narrower than that never overlap. Returns the members' indices per group.
 */
export function clusterMarkers(xsPx: readonly number[], minGapPx: number): number[][] {
  const groups: number[][] = [];
  xsPx.forEach((x, i) => {
    const last = groups[groups.length - 1];
    if (last && x - xsPx[last[last.length - 1]] < minGapPx) last.push(i);
    else groups.push([i]);
  });
  return groups;
}

/** Where a group's marker sits: midway between its first and last member. */
export function groupCentrePx(xsPx: readonly number[], group: readonly number[]): number {
  return (xsPx[group[0]] + xsPx[group[group.length - 1]]) / 2;
}

/**
 * Positions for an opened cluster's members in their own row: `spacingPx` apart, centred on the
 * cluster and kept inside [0, widthPx] (shifted as a whole, never squeezed, when the track allows).
 */
export function spreadPx(count: number, centrePx: number, spacingPx: number, widthPx: number): number[] {
  const span = (count - 1) * spacingPx;
  const start = Math.min(Math.max(centrePx - span / 2, spacingPx / 2), Math.max(spacingPx / 2, widthPx - spacingPx / 2 - span));
  return Array.from({ length: count }, (_, i) => start + i * spacingPx);
}
