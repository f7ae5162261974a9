import { formatNumber } from '../../format';
import type { Messages } from '../Messages';

const like = (what: string): string => (what === 'empty' ? 'está vacío' : `parece ${what}`);
const reads = 'Esta aplicación lee vídeo MP4, MOV y WebM.';

/** Cada motivo por el que una fuente rechaza un archivo (src/sources/sourceMessages.ts), en español. */
export const sourceErrorsTextEs: Messages['sourceErrors'] = {
  noFile: () => 'No se ha dado ningún archivo.',
  emptyFile: (p) => `«${p.name}» está vacío (0 bytes). Elija el archivo de nuevo, o vuelva a exportarlo desde el ecógrafo.`,
  emptyVideo: (p) => `«${p.name}» está vacío (0 bytes). Elija el archivo de vídeo de nuevo, o vuelva a exportarlo desde el ecógrafo.`,
  textFile: (p) =>
    `«${p.name}» es un archivo de texto, no de vídeo, aunque su nombre acabe en una extensión de vídeo. TwitchScope lee vídeos MP4, MOV, WebM, DICOM, AVI y GIF.`,
  singlePicture: (p) =>
    `«${p.name}» es una sola imagen ${p.format}, no un vídeo. Para analizar imágenes numeradas, elíjalas todas a la vez y escriba sus fotogramas por segundo.`,
  notAPicture: (p) => `«${p.name}» no es una imagen PNG ni JPEG (${like(p.what)}); una secuencia de imágenes solo admite archivos PNG o JPEG.`,
  sequenceNeedsPictures: (p) =>
    `«${p.name}» no es una imagen PNG ni JPEG (${like(p.what)}); varios archivos juntos deben ser todas las imágenes numeradas de una misma secuencia.`,
  truncatedVideo: (p) =>
    `«${p.name}» está cortado: el archivo termina a los ${p.actual}, pero su propia cabecera dice que llega a ${p.expected}. La copia está incompleta; cópielo o expórtelo de nuevo.`,
  unreadableVideo: (p) => `«${p.name}» no pudo leerse: el archivo parece cortado o dañado (${p.detail}). Cópielo o expórtelo de nuevo y vuelva a intentarlo.`,
  noVideoTrack: (p) => `«${p.name}» no tiene pista de vídeo (solo contiene audio o subtítulos). Elija el propio vídeo de la ecografía.`,
  noTracks: (p) => `«${p.name}» no contiene pistas reproducibles: el archivo parece dañado o incompleto. Cópielo o expórtelo de nuevo.`,
  hevc: () => 'Este vídeo es HEVC (H.265), que este navegador no puede decodificar. Expórtelo desde el ecógrafo o el teléfono como MP4 H.264 y vuelva a intentarlo.',
  codecUnsupported: (p) =>
    `«${p.name}» usa ${p.codec ? `el códec de vídeo ${p.codec.toUpperCase()}` : 'un códec de vídeo que esta aplicación no conoce'}, que este navegador no puede decodificar. Expórtelo como MP4 H.264 (o WebM VP9) y vuelva a intentarlo.`,
  absurdVideoSize: (p) =>
    `«${p.name}» dice que sus fotogramas miden ${p.width} × ${p.height} píxeles, lo que no puede ser cierto en un vídeo (máximo admitido: ${p.max} × ${p.max}). Probablemente el archivo está dañado.`,
  decodingStopped: (p) =>
    `«${p.name}» dejó de decodificarse ${p.frames === 0 ? 'antes de su primer fotograma' : `tras ${p.frames} fotogramas (${formatNumber(p.atS, 2)} s)`}: el archivo parece cortado o dañado (${p.detail}). Cópielo o expórtelo de nuevo y vuelva a intentarlo.`,
  mp4Index: (p) => `«${p.name}» tiene el índice dañado (${p.detail}). Copie o exporte el vídeo de nuevo.`,
  unreadableAvi: (p) => `«${p.name}» es un archivo AVI que esta aplicación aún no puede leer. ${reads} Exporte el vídeo como MP4 y vuelva a intentarlo.`,
  unreadableDicomVideo: (p) => `«${p.name}» es un archivo DICOM, pero no uno que esta aplicación pueda leer como vídeo. ${reads}`,
  unreadableGif: (p) => `«${p.name}» es una imagen GIF, no un vídeo que esta aplicación pueda leer. ${reads}`,
  unreadablePicture: (p) => `«${p.name}» es una imagen ${p.format}, no un vídeo. ${reads}`,
  unreadablePdf: (p) => `«${p.name}» es un documento PDF, no un vídeo. ${reads}`,
  unreadableText: (p) => `«${p.name}» es un archivo de texto, no un vídeo, aunque su nombre acabe en una extensión de vídeo. ${reads}`,
  unknownFormat: (p) =>
    `«${p.name}» no es un archivo de vídeo que esta aplicación pueda leer (su contenido no coincide con ningún formato de vídeo conocido; puede estar dañado). ${reads}`,
  aviFrameShort: (p) => `Un fotograma AVI contiene ${p.bytes} bytes cuando hacen falta ${p.needed}: el archivo está dañado.`,
  aviTruncatedFrame: (p) => `«${p.name}» se corta en mitad del fotograma ${p.frame}: el archivo está incompleto.`,
  aviFrameUndecodable: (p) => `El fotograma ${p.frame} de «${p.name}» no pudo decodificarse; el archivo parece dañado (${p.detail}).`,
  aviNoFrames: (p) => `«${p.name}» no contiene fotogramas de vídeo.`,
  aviFormatHeader: (p) => `«${p.name}» tiene dañada la cabecera del formato de vídeo.`,
  aviBitDepth: (p) => `«${p.name}» es un AVI sin comprimir con píxeles de ${p.bits} bits; TwitchScope lee los de 8, 24 y 32 bits. Expórtelo como MP4 (H.264).`,
  aviCodec: (p) => `«${p.name}» es un AVI con vídeo ${p.codec}, que TwitchScope no puede leer (lee AVI MJPEG y sin comprimir). Expórtelo como MP4 (H.264).`,
  notAvi: (p) => `«${p.name}» no es un archivo AVI.`,
  aviHugeHeader: (p) => `«${p.name}» tiene una cabecera AVI de ${p.bytes} bytes, muy por encima de cualquier cabecera real: el archivo está dañado.`,
  aviNoHeader: (p) => `«${p.name}» es un archivo AVI sin su cabecera: el archivo está cortado o dañado.`,
  aviNoVideo: (p) => `«${p.name}» es un archivo AVI sin flujo de vídeo.`,
  aviNoMovi: (p) => `«${p.name}» es un archivo AVI sin fotogramas: el archivo está cortado.`,
  aviFrameRate: (p) => `«${p.name}» no indica una frecuencia de fotogramas utilizable: el archivo está dañado.`,
  gifTooLarge: (p) => `«${p.name}» es un GIF de ${p.mb} MB; TwitchScope lee GIF de hasta 256 MB. Exporte el vídeo como MP4.`,
  gifUnreadable: (p) => `«${p.name}» no pudo leerse como GIF; parece cortado o dañado (${p.detail}).`,
  gifNoFrames: (p) => `«${p.name}» es un GIF sin ningún fotograma.`,
  gifFrameUndecodable: (p) => `El fotograma ${p.frame} de «${p.name}» no pudo decodificarse; el GIF parece dañado (${p.detail}).`,
  sequenceFrameRate: () => 'Escriba los fotogramas por segundo de la secuencia de imágenes: un número mayor que 0 y de hasta 1000.',
  noPictures: () => 'No se ha dado ninguna imagen.',
  onePicture: () => 'Solo se ha dado una imagen. Para analizar una secuencia, elija a la vez todos sus archivos PNG o JPEG numerados.',
  pictureSizes: (p) =>
    `«${p.name}» mide ${p.width} × ${p.height} píxeles pero «${p.firstName}» mide ${p.firstWidth} × ${p.firstHeight}: todas las imágenes de una secuencia deben tener el mismo tamaño.`,
  pictureUndecodable: (p) => `La imagen ${p.index} («${p.name}») no pudo decodificarse; parece dañada (${p.detail}).`,
  dicomEmpty: () => 'Este archivo está vacío (0 bytes).',
  dicomTooLarge: (p) =>
    `Este archivo DICOM ocupa ${p.mb} MB; TwitchScope lee archivos DICOM de hasta ${p.maxMb} MB. Exporte un bucle más corto, o expórtelo como vídeo MP4 (H.264), que se lee por partes.`,
  dicomNoPicture: (p) => `Este archivo dice que sus imágenes miden ${p.width} × ${p.height} píxeles, lo que no es una imagen. El archivo está dañado.`,
  dicomHugePicture: (p) =>
    `Este archivo dice que sus imágenes miden ${p.width} × ${p.height} píxeles; TwitchScope lee hasta ${p.max} píxeles por lado. El archivo está dañado o no es un vídeo de ecografía.`,
  dicomUnparsable: (p) => `Este archivo no pudo leerse como DICOM; parece cortado o dañado (${p.detail}).`,
  dicomNoPixelData: () => 'Este archivo DICOM no contiene imágenes (no tiene Pixel Data): puede ser un informe o un documento estructurado.',
  dicomPixelDataCut: () => 'Las imágenes de este archivo DICOM están cortadas: el archivo está incompleto.',
  dicomPhotometric: (p) =>
    `Este archivo DICOM guarda sus imágenes en color «${p.photometric || 'sin especificar'}», que TwitchScope no puede leer (lee MONOCHROME, RGB, YBR_FULL, YBR_FULL_422 y PALETTE COLOR).`,
  dicomSamples: (p) => `Este archivo DICOM dice que las imágenes ${p.photometric} tienen ${p.samples} muestras por píxel (se esperaban ${p.expected}): el archivo está dañado.`,
  dicomBits: (p) =>
    `Este archivo DICOM guarda píxeles ${p.photometric} de ${p.bits} bits${p.signed ? ' con signo' : ''}; TwitchScope lee imágenes de 8 bits sin signo (y de 16 bits en escala de grises o con paleta).`,
  dicomOdd422: () => 'Este archivo DICOM guarda imágenes YBR_FULL_422 de anchura impar, algo que la norma no permite: el archivo está dañado.',
  dicomFrameCount: () => 'Este archivo DICOM no da un número de fotogramas (Number of Frames) legible: el archivo está dañado.',
  dicomZeroFrames: () => 'Este archivo DICOM contiene cero fotogramas.',
  dicomNoFragments: () => 'Este archivo DICOM no contiene fotogramas comprimidos: está cortado o dañado.',
  dicomOffsetTable: (p) => `Este archivo DICOM enumera ${p.listed} fotogramas en su tabla de desplazamientos pero dice tener ${p.frames}: el archivo está dañado.`,
  dicomJpegCount: (p) => `Este archivo DICOM contiene ${p.held} fotogramas JPEG pero dice tener ${p.frames}: el archivo está dañado.`,
  dicomRleFragments: (p) => `Este archivo DICOM reparte ${p.frames} fotogramas RLE en ${p.fragments} fragmentos sin tabla de desplazamientos: el archivo está dañado.`,
  dicomNativeButEncapsulated: () => 'Este archivo DICOM dice que sus imágenes están sin comprimir, pero las guarda comprimidas: el archivo está dañado.',
  dicomNativeShort: (p) => `Este archivo DICOM dice tener ${p.frames} fotogramas pero solo contiene datos de imagen para ${p.whole}: el archivo está incompleto.`,
  dicomEncapsulatedButNative: () => 'Este archivo DICOM dice que sus imágenes están comprimidas, pero las guarda sin comprimir: el archivo está dañado.',
  dicomFrameUnreadable: (p) => `El fotograma ${p.frame} de este archivo DICOM no pudo leerse; el archivo parece cortado o dañado (${p.detail}).`,
  dicomSegmentedPalette: () => 'Este archivo DICOM usa una paleta de colores segmentada, que TwitchScope no puede leer. Expórtelo como MONOCHROME o RGB.',
  dicomNoPalette: () => 'Este archivo DICOM dice que sus imágenes usan una paleta de colores, pero no contiene la paleta. El archivo está dañado.',
  dicomPaletteCut: () => 'La paleta de colores de este archivo DICOM está cortada: el archivo está incompleto.',
  dicomPaletteShort: () => 'La paleta de colores de este archivo DICOM es más corta de lo que dice. El archivo está dañado.',
  dicomFrameCut: () => 'Un fotograma de este archivo DICOM está cortado: el archivo está incompleto.',
  dicomVideoInside: (p) =>
    `Este archivo DICOM contiene ${p.what}, que TwitchScope no lee dentro de DICOM. Exporte el bucle desde el ecógrafo como MP4 (H.264), o como DICOM con imágenes sin comprimir, RLE o JPEG Baseline.`,
  dicomTransferSyntax: (p) =>
    `Este archivo DICOM usa la codificación ${p.what || `de sintaxis de transferencia desconocida ${p.uid}`}, que TwitchScope no puede leer. Expórtelo de nuevo como DICOM sin comprimir, RLE Lossless o JPEG Baseline, o como vídeo MP4 (H.264).`,
  dicomJpegUndecodable: (p) => `El fotograma JPEG ${p.frame} de este archivo DICOM no pudo decodificarse; el archivo parece dañado (${p.detail}).`,
  dicomJpegSize: (p) =>
    `El fotograma JPEG ${p.frame} de este archivo DICOM mide ${p.width} × ${p.height} píxeles pero el archivo dice ${p.fileWidth} × ${p.fileHeight}: el archivo está dañado.`,
  dicomUntimed: () =>
    'Este archivo DICOM no indica a qué velocidad se grabaron sus fotogramas (no tiene Frame Time, Frame Time Vector ni Cine Rate). Escriba los fotogramas por segundo para abrirlo.',
  rleShortHeader: () => 'Un fotograma DICOM comprimido en RLE es más corto que su cabecera de 64 bytes: el archivo está cortado o dañado.',
  rleSegments: (p) => `Un fotograma DICOM comprimido en RLE tiene ${p.segments} segmentos donde su imagen necesita ${p.expected}: el archivo está dañado.`,
  rleOutside: () => 'Un fotograma DICOM comprimido en RLE apunta fuera de sí mismo: el archivo está cortado o dañado.',
  rleShortOutput: (p) => `Un fotograma DICOM comprimido en RLE se decodifica en ${p.decoded} de sus ${p.pixels} píxeles: el archivo está cortado o dañado.`,
};
