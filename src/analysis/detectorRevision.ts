import type { Classifier } from './Classifier';
import { parametersHash } from './detectorParameters';

/**
 * Which detector made a result: the hash of every detection parameter, and the classifier's
 * weights revision ("none" without one). Two results with the same revision came from the same
 * numbers and the same model.
 */
export function detectorRevision(classifier: Classifier | null): string {
  return `params-${parametersHash()}+model-${classifier ? classifier.revision : 'none'}`;
}
