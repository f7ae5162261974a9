import type { Messages } from '../Messages';

/** Modo docente: una breve visita guiada del par de demostración. */
export const teachingTextEs: Messages['teaching'] = {
  stepOf: (i, n, title) => `Paso ${i} de ${n}: ${title}`,
  steps: [
    {
      title: 'Dónde mirar',
      paragraphs: [
        'La imagen es un corte longitudinal de la pantorrilla. De arriba abajo: piel y grasa, una línea brillante (la aponeurosis superficial), el gastrocnemio medial con sus fibras oblicuas, una segunda línea brillante (la aponeurosis profunda) y, debajo, el sóleo.',
        'Las contracciones ocurren dentro del músculo, entre las líneas brillantes y por debajo. El recuadro discontinuo es la región de imagen que vigiló el análisis; el mapa de calor colorea dónde el movimiento superó el ruido a lo largo de todo el vídeo.',
      ],
      show: 'Mostrar el mapa de calor',
    },
    {
      title: 'Cómo es una fasciculación',
      paragraphs: [
        'Una fasciculación es una pequeña zona de músculo, de 5 a 10 mm, que parpadea una vez: se tensa en menos de una décima de segundo y se relaja en alrededor de medio segundo, mientras el músculo de alrededor sigue quieto.',
        'Aparecen en lugares y momentos al azar, nunca con ritmo. A un cuarto de velocidad el parpadeo se ve bien: observe el anillo.',
      ],
      show: 'Repetir la primera a 0,25×',
    },
    {
      title: 'No es una fasciculación: respiración y movimiento de la sonda',
      paragraphs: [
        'Cuando el paciente respira o la sonda se desplaza, toda la imagen se mueve a la vez, también la piel y la grasa, despacio y durante un segundo o más, y vuelve con cada respiración, cada 3 a 5 segundos.',
        'En la línea de tiempo la energía de movimiento sube a la vez en toda la curva. El detector lo llama movimiento de la sonda y no lo cuenta. La pantorrilla de la demostración está quieta, así que su vídeo no tiene ninguno: el esquema muestra la diferencia.',
      ],
      show: 'Mostrar el esquema',
    },
    {
      title: 'No es una fasciculación: pulsación',
      paragraphs: [
        'Una arteria late con el corazón: un punto redondo o en forma de tubo, oscuro por dentro, se hincha en el mismo sitio aproximadamente una vez por segundo (de 55 a 100 veces por minuto), a intervalos regulares.',
        'Cuatro o más latidos regulares en un mismo punto se llaman pulsación y no se cuentan. La pequeña arteria del sóleo de la demostración está quieta.',
      ],
      show: 'Mostrar el esquema',
    },
    {
      title: 'Músculo con fasciculaciones frente a músculo normal',
      paragraphs: [
        'La referencia, junto al vídeo, es la misma pantorrilla en reposo, sin contracciones. Con «Vincular reproductores» activado, ambos se reproducen juntos y cada pausa, búsqueda y paso de fotograma mueve los dos.',
        'Reproduzca ambos a media velocidad y compare: el vídeo parpadea aquí y allá mientras la referencia sigue tranquila.',
      ],
      show: 'Reproducir ambos a 0,5×',
    },
    {
      title: 'Recorrer los eventos',
      paragraphs: [
        'Pulse N para ir al evento siguiente y P para el anterior: ambos reproductores saltan a él, el anillo sobre la imagen muestra dónde ocurrió y el panel bajo la línea de tiempo dice cómo lo llamó el detector y con qué seguridad.',
        'Acepte (A) o rechace (R) cada uno, como haría un revisor; el recuento del resumen cambia al momento.',
      ],
      show: 'Ir al primer evento',
    },
  ],
  sketchLabel: 'Esquema de la energía de movimiento en el tiempo para una fasciculación, la respiración y una pulsación',
  sketchTwitch: 'Fasciculación: una subida brusca y breve en un punto',
  sketchBreathing: 'Respiración: toda la imagen oscila despacio',
  sketchPulsation: 'Pulsación: el mismo punto late de forma regular',
  eventNow: (id, kind, timeS, percent) => `Ahora: evento ${id} a los ${timeS} s, ${kind} (el clasificador da un ${percent} de probabilidad de fasciculación).`,
  noEventYet: 'Pulse N para ir al primer evento.',
};
