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
      const x = i % cols;
      const y = (i / cols) | 0;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= rows) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if ((dx === 0 && dy === 0) || nx < 0 || nx >= cols) continue;
          const j = ny * cols + nx;
          if (!visited[j] && (isSeed[j] || z[j] > growZ)) {
            visited[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(comp);
  }
  return out;
}
