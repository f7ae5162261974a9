import type { Messages } from '../Messages';
import { formatCount, formatNumber } from '../../format';
import { plural } from '../plural';

/** Tipos de evento, estados de revisión y las palabras de la revisión. */
export const reviewTextEs: Messages['review'] = {
  kinds: {
    fasciculation: 'Fasciculación',
    'probe-motion': 'Movimiento de la sonda',
    contraction: 'Contracción',
    pulsation: 'Pulsación',
    other: 'Otro movimiento',
  },
  kindsInline: {
    fasciculation: 'fasciculación',
    'probe-motion': 'movimiento de la sonda',
    contraction: 'contracción',
    pulsation: 'pulsación',
    other: 'otro movimiento',
  },
  addedKind: 'Fasciculación (añadida)',
  addedKindLong: 'Fasciculación añadida por el revisor',
  accepted: 'Aceptado',
  rejected: 'Rechazado',
  added: 'Añadido',
  notReviewed: 'Sin revisar',
  stateInline: { accepted: 'aceptado', rejected: 'rechazado', added: 'añadido por el revisor', none: 'sin revisar' },
  accept: 'Aceptar',
  reject: 'Rechazar',
  acceptEvent: (id) => `Aceptar evento ${id}`,
  rejectEvent: (id) => `Rechazar evento ${id}`,
  seekToEvent: (id) => `Ir al evento ${id}`,
  recount: (s) => {
    const parts = [`${formatCount(s.accepted)} ${plural(s.accepted, 'aceptada', 'aceptadas')}`];
    if (s.notReviewed > 0) parts.push(`${formatCount(s.notReviewed)} sin revisar`);
    parts.push(`${formatCount(s.added)} ${plural(s.added, 'añadida', 'añadidas')}`);
    return `${formatCount(s.fasciculations)} ${plural(s.fasciculations, 'fasciculación', 'fasciculaciones')} (${parts.join(', ')}; ${formatCount(s.rejected)} ${plural(s.rejected, 'rechazada', 'rechazadas')}), ${formatNumber(s.perMinute, 1)} por minuto analizable`;
  },
  noneSelected: 'Ninguno seleccionado: pulse N para ir al evento siguiente, o elija un marcador o una fila de la tabla.',
  nothingToReview: 'Todavía no hay eventos que revisar.',
  currentLine: (what, onset, end, probability) => `: ${what}, ${onset}–${end} s, P(fasciculación) ${probability}. `,
  eventTitle: (id) => `Evento ${id}`,
  placingHint: (timeS) => `Haga clic sobre la contracción en la imagen para añadirla en ${timeS} s, o colóquela en el centro de la región. Escape cancela.`,
  restored: (when) => (when ? `Se ha restaurado su revisión de este vídeo (guardada el ${when}).` : 'Se ha restaurado su revisión de este vídeo.'),
  carriedOver: 'La revisión se ha trasladado a este análisis.',
  dropped: (n) =>
    ` ${n} ${plural(n, 'veredicto correspondía', 'veredictos correspondían')} a eventos que este análisis ya no encuentra, y ${plural(n, 'se ha descartado', 'se han descartado')}.`,
  cleared: 'Revisión borrada: este navegador ya no la guarda.',
  saved: 'Guardada en este navegador, según el contenido del vídeo (no su nombre).',
  notSaved: (detail) => `Este navegador no ha guardado la revisión (${detail}); expórtela para conservarla.`,
  legendAdded: 'Añadido por el revisor',
  legendRejected: 'Rechazado (tachado)',
  legendUnanalysable: 'No analizable: demasiado movimiento para ver una contracción',
};
