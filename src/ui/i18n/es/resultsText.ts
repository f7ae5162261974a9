import { formatNumber } from '../../format';
import type { Messages } from '../Messages';
import { plural } from '../plural';

/** La línea de tiempo, los reproductores, la tabla de eventos y el resumen. */
export const timelineTextEs: Messages['timeline'] = {
  seek: 'Buscar posición',
  seekBaseline: 'Buscar posición en la referencia',
  events: 'Eventos',
  frameOf: (i, n, timeS) => `Fotograma ${i} de ${n}, ${timeS} s`,
  secondsOf: (timeS, durationS) => `${timeS} s de ${durationS} s`,
  marker: (id, timeS, kind, state) => `Evento ${id} a los ${timeS} s: ${kind}, ${state}`,
  cluster: (n, firstS, lastS) => `${n} eventos entre ${firstS} y ${lastS} s`,
  unanalysable: (startS, endS) => `No analizable ${startS}–${endS} s: demasiado movimiento para ver una contracción`,
  provisional: (n, fasciculations) =>
    `Provisional, en trazo discontinuo: ${n} ${plural(n, 'evento', 'eventos')} (${fasciculations} ${plural(fasciculations, 'fasciculación', 'fasciculaciones')}) hallados en el clip con su propio nivel de ruido mientras se lee la referencia; el análisis final los confirma o los sustituye.`,
};

export const playerTextEs: Messages['player'] = {
  play: 'Reproducir',
  pause: 'Pausa',
  playBaseline: 'Reproducir referencia',
  pauseBaseline: 'Pausar referencia',
  baselineUnplayable: (why) => `La referencia no puede mostrarse aquí (${why}); el análisis la lee igualmente.`,
  loopNeedsEvent: 'Elija antes un evento: pulse N, un marcador o una fila de la tabla, y después Repetir evento.',
  looping: (id, startS, endS) => `Repitiendo el evento ${id}: ${formatNumber(startS, 2)}–${formatNumber(endS, 2)} s, una y otra vez. Pulse de nuevo Repetir evento para parar.`,
  rejectedRing: (id) => `${id} (rechazado)`,
};

export const tableTextEs: Messages['table'] = {
  columns: [
    '#', 'Revisión', 'Tipo', 'P(fasciculación)', 'Inicio (s)', 'Pico (s)', 'Fin (s)', 'Duración (s)', 'x (px)', 'y (px)',
    'Área (px)', 'Área (mm²)', 'Puntuación (z)', 'Desplazamiento máximo', 'Coherencia de dirección', 'Por qué este tipo',
  ],
  caption: (n, rejected) =>
    n === 0
      ? 'No se encontró ningún evento de movimiento.'
      : `${n} ${plural(n, 'evento', 'eventos')} de movimiento${rejected ? `, ${rejected} ${plural(rejected, 'rechazado', 'rechazados')} (tachados)` : ''}`,
  addedReason: 'añadido por el revisor',
};

export const summaryTextEs: Messages['summary'] = {
  reviewed: 'Fasciculaciones (revisadas)',
  detector: 'Halladas por el detector',
  analysable: 'Tiempo analizable',
  baselineCount: 'Fasciculaciones en la referencia',
  rateRatio: 'Razón de tasas, vídeo ÷ referencia',
  ratioUndefined: 'no definida (no hay fasciculaciones en la referencia)',
  rateDifference: 'Diferencia de tasas, vídeo − referencia',
  perMinuteDifference: (value) => `${value} por minuto analizable`,
  baseline: 'Referencia',
  noBaseline: 'ninguna',
  medianDuration: 'Duración mediana de las fasciculaciones',
  medianArea: 'Área mediana de las fasciculaciones',
  noFasciculations: 'sin fasciculaciones',
  otherEvents: 'Otros eventos de movimiento (no contados)',
  none: 'ninguno',
  scale: 'Escala',
  mmPerPx: (value) => `${value} mm por px`,
  scaleUnknown: 'desconocida (áreas en px)',
  noiseFrom: 'Nivel de ruido tomado de',
  noiseBaseline: (quietS) => `el vídeo de referencia (${quietS} s)`,
  noiseQuiet: (quietS) => `tramos tranquilos del vídeo (${quietS} s)`,
  clip: 'Vídeo',
  clipLine: (file, frames, fps, durationS, size) => `${file}: ${frames} fotogramas, ${fps} fps, ${durationS} s, ${size} px`,
  countLine: (n, analysableS, perMinute) => `${n} en ${analysableS} s analizables (${perMinute} por minuto analizable)`,
  analysableLine: (analysableS, durationS, rest) => `${analysableS} s de ${durationS} s (${rest})`,
  noneLeftOut: 'no se excluyó nada',
  leftOut: (list) => `excluido por demasiado movimiento: ${list}`,
  more: (n) => `${n} más`,
};
