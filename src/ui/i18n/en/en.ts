import type { Language } from '../Language';
import { SOURCE_MESSAGES } from '../../../sources/sourceMessages';
import { appTextEn, errorsTextEn, inputsTextEn, progressTextEn } from './appText';
import { knownTextEn } from './knownText';
import { offlineTextEn } from './offlineText';
import { pageTextEn } from './pageText';
import { reportTextEn } from './reportText';
import { playerTextEn, summaryTextEn, tableTextEn, timelineTextEn } from './resultsText';
import { reviewTextEn } from './reviewText';
import { teachingTextEn } from './teachingText';

/**
 * English: the page's one dictionary, and the shape every other language's must have (Messages).
 * Exports (JSON field names, CSV headers) are not here: they stay English for other tools.
 */
export const en = {
  language: { name: 'English', switchTo: 'Español', switchLang: 'es' as Language, switchLabel: 'Ver esta página en español' },
  page: pageTextEn,
  review: reviewTextEn,
  timeline: timelineTextEn,
  player: playerTextEn,
  table: tableTextEn,
  summary: summaryTextEn,
  report: reportTextEn,
  progress: progressTextEn,
  app: appTextEn,
  inputs: inputsTextEn,
  errors: errorsTextEn,
  /** A source's refusal, by its code: the CLI's own English. */
  sourceErrors: SOURCE_MESSAGES,
  known: knownTextEn,
  teaching: teachingTextEn,
  offline: offlineTextEn,
};
