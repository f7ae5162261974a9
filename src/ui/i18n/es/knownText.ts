import type { Messages } from '../Messages';

/** Las frases propias del análisis y de los procesos en segundo plano, en español. */
export const knownTextEs: Messages['known'] = {
  optionRange: (key, lo, hi, got) => `La opción ${key} debe ser un número de ${lo} a ${hi}; se recibió ${got}.`,
  optionMmPerPx: (got) => `La escala (mm por px) debe ser mayor que 0 y menor que 10; se recibió ${got}.`,
  optionRoi: (minPx) => `La región de imagen debe darse en píxeles enteros no negativos, de al menos ${minPx} px de ancho y de alto.`,
  frameSizeChanged: (from, to) => `El tamaño de los fotogramas cambió de ${from} a ${to} px a mitad del vídeo.`,
  regionTooSmall: (size, minPx) => `La región de imagen (${size} px) es demasiado pequeña para analizarla: debe medir al menos ${minPx} px por lado.`,
  noDecodableFrames: (file) => `«${file}» no contiene ningún fotograma de vídeo que pueda decodificarse.`,
  classifierMissing: (detail) => `No se pudo cargar el clasificador de eventos desde esta aplicación (${detail}).`,
  classifierMismatch: 'El clasificador de eventos no corresponde a esta versión del detector; hay que reconstruir la aplicación con un modelo reentrenado.',
  workerBusy: 'El análisis sigue ocupado con otro vídeo; cancélelo primero.',
  workerNotStarted: (detail) => `No se pudo iniciar el análisis (${detail}).`,
  workerStopped: (detail) => `El análisis se detuvo inesperadamente${detail}. Recargue la página y vuelva a intentarlo.`,
  playerStopped: 'El reproductor se detuvo inesperadamente. Elija el vídeo de nuevo.',
  clipNoFrames: 'El vídeo no tiene fotogramas.',
  littleQuiet: (quietS, minS) =>
    `Solo se hallaron ${quietS} s de vídeo sin movimiento para aprender el nivel de ruido (se aconsejan al menos ${minS} s), así que los umbrales pueden no ser fiables. Grabe más tiempo en reposo, o añada un vídeo de referencia con el músculo relajado.`,
  littleAnalysable: (analysableS, minS) =>
    `Solo pudieron analizarse ${analysableS} s de este vídeo (se aconsejan al menos ${minS} s; los protocolos clínicos observan cada músculo en reposo durante 60-90 s). Las tasas por minuto obtenidas de tan poco vídeo son inciertas.`,
  baselineMismatch:
    'El vídeo de referencia difiere de este en tamaño o en región de imagen, así que no pudo usarse su nivel de ruido; los umbrales salen de los tramos tranquilos de este mismo vídeo.',
  reasons: {
    fasciculation: 'contracción local breve en reposo',
    probeMotion: 'movimiento local que forma parte de un movimiento de la sonda o del miembro',
    contraction: 'movimiento local que forma parte de una contracción voluntaria',
    pulsation: 'movimiento local que se repite al ritmo cardiaco en un mismo punto (pulsación arterial)',
    other: 'movimiento local distinto de una contracción (ruido, códec, superposición o fragmento de otro evento)',
    wholeMuscle: 'movimiento de todo el músculo bajo piel y grasa quietas (no se pudo ver el tejido)',
    wholeField: 'movimiento de todo el campo: movimiento de la sonda o del miembro (no se pudo ver el tejido)',
  },
};
