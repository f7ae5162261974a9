import type { Messages } from '../Messages';
import { plural } from '../plural';

/** «unos 12 s», «unos 2 min 5 s»: la estimación del tiempo restante es aproximada y lo dice. */
function about(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `unos ${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `unos ${minutes} min` : `unos ${minutes} min ${rest} s`;
}

export const progressTextEs: Messages['progress'] = {
  about,
  line: (baseline, done, total, leftS) =>
    `${baseline ? 'Referencia' : 'Vídeo'}: ${total ? `${done} de ${total} fotogramas` : `${done} fotogramas`}${leftS === null ? '' : `, quedan ${about(leftS)}`}`,
};

export const appTextEs: Messages['app'] = {
  starting: 'Empezando…',
  startingWithBaseline: 'Empezando: primero la referencia, después el vídeo…',
  done: (n, frames) => `Terminado: ${n} ${plural(n, 'fasciculación', 'fasciculaciones')} en ${frames} fotogramas.`,
  cancelled: 'Análisis cancelado.',
  stoppedForFps: 'Análisis detenido: hace falta la frecuencia de fotogramas.',
  stopped: 'Análisis detenido.',
  restoredAnalysis: 'Se ha restaurado el análisis revisado que este navegador guardaba para este vídeo.',
  enterFpsToSee: 'Escriba los fotogramas por segundo (fps) para ver este vídeo.',
  playerCannotShow: (why) => `El reproductor no puede mostrar este vídeo: ${why}`,
  nothingToShow: 'Nada que mostrar: este archivo no puede leerse (el motivo aparece bajo «Vídeo»).',
  chooseClip: 'Elija un vídeo, o pulse «Cargar vídeos de demostración», y después «Analizar».',
  sequenceHint: 'Las imágenes no llevan tiempos: escriba a cuántos fotogramas por segundo se grabaron.',
  frameRateHint: 'Este vídeo no indica a qué velocidad se grabaron sus fotogramas: escriba sus fotogramas por segundo y pulse Analizar.',
  roiYours: 'Región de imagen (suya)',
  roiFound: 'Región de imagen (hallada)',
  demoOffline: (url) => `No se pudo obtener el vídeo de demostración ${url}: este dispositivo parece estar sin conexión, y la página no se había abierto antes con conexión para guardar una copia.`,
  demoMissing: (url, status) => `No se pudo cargar el vídeo de demostración ${url} (HTTP ${status}).`,
};

export const inputsTextEs: Messages['inputs'] = {
  badConfidence: (raw) => `El umbral de confianza debe ser un número de 0 a 1 (por ejemplo 0,5); «${raw}» no lo es.`,
  badFrameRate: (max, raw) => `La frecuencia debe ser un número de fotogramas por segundo mayor que 0 y como mucho ${max} (por ejemplo 30); «${raw}» no lo es.`,
  depthNotPositive: 'La profundidad debe ser un número de centímetros mayor que 0.',
  depthTooLarge: 'La profundidad debe ser como mucho de 30 cm.',
  regionTooSmallForScale: 'La región de imagen es demasiado pequeña para fijar una escala.',
  depthNeedsClip: 'Elija un vídeo antes de escribir la profundidad: la escala necesita la altura de su imagen.',
  noScale: 'Sin escala: áreas en píxeles.',
  scaleLine: (mmPerPx, heightPx, source) =>
    `${mmPerPx} mm por px (${heightPx} px de alto: ${
      source === 'drawn' ? 'la región de imagen que dibujó' : source === 'found' ? 'la región de imagen hallada en el último análisis' : 'el fotograma entero; dibuje la región de imagen, o analice una vez, para una escala más fiel'
    }).`,
  scaleNote: (usedPx, foundPx, factor) =>
    `La escala de profundidad supuso una imagen de ${usedPx} px de alto, pero la región de imagen hallada mide ${foundPx} px. Pulse Analizar de nuevo para usarla (la escala será entonces ${factor}× la usada aquí).`,
  sequenceFiles: (n, first, last, size) => `${n} archivos, ${first} … ${last} (${size})`,
};

const quoted = (fileName: string | null, fallback: string): string => (fileName ? `«${fileName}»` : fallback);

export const errorsTextEs: Messages['errors'] = {
  typeFrameRate: 'Escríbala en «Fotogramas por segundo (fps)», bajo el vídeo, y pulse Analizar.',
  notSupported: (fileName, detail) => `Este navegador no puede decodificar ${quoted(fileName, 'este archivo')}. Exporte el vídeo como MP4 H.264 y vuelva a intentarlo. (${detail})`,
  encoding: (fileName, detail) => `${quoted(fileName, 'El archivo')} está dañado o no es un vídeo que esta aplicación pueda leer. (${detail})`,
  notReadable: (fileName, detail) => `${quoted(fileName, 'El archivo')} no pudo leerse del disco; elíjalo de nuevo. (${detail})`,
  unexpected: (fileName, detail) => `Algo ha fallado ${fileName ? `al analizar «${fileName}»` : 'durante el análisis'}: ${detail || 'no se dieron detalles'}.`,
};
