/** One spatially connected group of active blocks in one frame. */
export interface BlockComponent {
  blocks: number[];
  sumZ: number;
}

/**
 * Connected groups of active blocks with hysteresis (Canny 1986): a group starts at a seed
 * block and grows through 8-connected neighbours whose z exceeds `growZ`. Hysteresis keeps the
 * rim of a twitch (weaker motion at the edge of the motor-unit territory) attached to its core
 * instead of scattering it into noise-sized fragments.
 */
export function labelActiveBlocks(
  z: Float32Array,
  cols: number,
  rows: number,
  isSeed: Uint8Array,
  growZ: number,
  visited: Uint8Array,
): BlockComponent[] {
  visited.fill(0);
  const out: BlockComponent[] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < cols * rows; seed++) {
    if (visited[seed] || !isSeed[seed]) continue;
    const comp: BlockComponent = { blocks: [], sumZ: 0 };
    visited[seed] = 1;
    stack.push(seed);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      comp.blocks.push(i);
      comp.sumZ += z[i];
      forNeighbours(i, cols, rows, (j) => {
        if (visited[j] || !(isSeed[j] || z[j] > growZ)) return;
        visited[j] = 1;
        stack.push(j);
      });
    }
    out.push(comp);
  }
  return out;
}

/** Calls `visit` with each of block i's 8 neighbours inside the cols x rows grid. */
function forNeighbours(i: number, cols: number, rows: number, visit: (j: number) => void): void {
  const x = i % cols;
  const y = (i / cols) | 0;
  for (let ny = Math.max(0, y - 1); ny <= Math.min(rows - 1, y + 1); ny++) {
    for (let nx = Math.max(0, x - 1); nx <= Math.min(cols - 1, x + 1); nx++) if (nx !== x || ny !== y) visit(ny * cols + nx);
  }
}
