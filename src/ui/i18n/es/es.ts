import type { Messages } from '../Messages';
import { appTextEs, errorsTextEs, inputsTextEs, progressTextEs } from './appText';
import { knownTextEs } from './knownText';
import { offlineTextEs } from './offlineText';
import { pageTextEs } from './pageText';
import { reportTextEs } from './reportText';
import { playerTextEs, summaryTextEs, tableTextEs, timelineTextEs } from './resultsText';
import { reviewTextEs } from './reviewText';
import { sourceErrorsTextEs } from './sourceErrorsText';
import { teachingTextEs } from './teachingText';

/** Español: el mismo diccionario que en/en.ts, clave por clave (el compilador lo comprueba). */
export const es: Messages = {
  language: { name: 'Español', switchTo: 'English', switchLang: 'en', switchLabel: 'View this page in English' },
  page: pageTextEs,
  review: reviewTextEs,
  timeline: timelineTextEs,
  player: playerTextEs,
  table: tableTextEs,
  summary: summaryTextEs,
  report: reportTextEs,
  progress: progressTextEs,
  app: appTextEs,
  inputs: inputsTextEs,
  errors: errorsTextEs,
  sourceErrors: sourceErrorsTextEs,
  known: knownTextEs,
  teaching: teachingTextEs,
  offline: offlineTextEs,
};
