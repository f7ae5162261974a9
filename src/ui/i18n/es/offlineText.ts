import type { Messages } from '../Messages';

export const offlineTextEs: Messages['offline'] = {
  ready: 'Funciona sin conexión',
  readyTitle: 'Esta página, el análisis y los vídeos de demostración se guardan en este dispositivo: funcionan sin red.',
  offlineNow: 'Sin conexión: usando la copia de este dispositivo',
  updateReady: 'Se ha descargado una versión nueva de TwitchScope. Se usará la próxima vez que se cargue la página.',
  updated: 'TwitchScope se ha actualizado a su versión nueva.',
};
