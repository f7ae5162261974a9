import { KIND_COLORS } from '../kindColors';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const ROW = 46;

/** Motion energy over 10 s for each pattern, 0..1: shapes only, drawn from formulas, not data. */
const PATTERNS: ReadonlyArray<[colour: string, energy: (tS: number) => number]> = [
  // A twitch: one rise within 0.1 s and a fall over about 0.4 s, once.
  [KIND_COLORS.fasciculation, (tS) => (tS < 4 ? 0.04 : 0.04 + 0.9 * Math.exp(-(((tS - 4) / 0.18) ** 2)) * (tS < 4.08 ? (tS - 4) / 0.08 : 1))],
  // Breathing: a slow sway every 4 s across the whole picture.
  [KIND_COLORS['probe-motion'], (tS) => 0.08 + 0.5 * (0.5 - 0.5 * Math.cos((2 * Math.PI * tS) / 4))],
  // Pulsation: short beats at 72 a minute, evenly spaced.
  [KIND_COLORS.pulsation, (tS) => 0.05 + 0.6 * Math.exp(-((((tS % (60 / 72)) - 0.15) / 0.07) ** 2))],
];

/**
 * The teaching sketch: motion energy over time for a twitch, breathing and pulsation, one row
 * each with its words, so an educator can show the difference without any video of people.
 * Built as SVG elements (no markup strings), labelled for screen readers.
 */
export function drawTeachingSketch(label: string, captions: readonly [string, string, string]): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${ROW * 3}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('teaching-sketch');
  PATTERNS.forEach(([colour, energy], row) => {
    const top = row * ROW;
    const points: string[] = [];
    for (let x = 0; x <= WIDTH; x += 2) {
      const tS = (x / WIDTH) * 10;
      points.push(`${x},${(top + ROW - 6 - energy(tS) * (ROW - 20)).toFixed(1)}`);
    }
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', colour);
    line.setAttribute('stroke-width', '2');
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', '2');
    text.setAttribute('y', String(top + 11));
    text.setAttribute('class', 'teaching-sketch-text');
    text.textContent = captions[row];
    svg.append(line, text);
  });
  return svg;
}
