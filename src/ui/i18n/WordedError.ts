import { en } from './en/en';
import type { Words } from './Messages';

/**
 * An error the page itself raises (a wrong number typed in a field, a demo clip that did not
 * load): it carries its Words, so it is shown in the page's language, and an English message for
 * the console. `name` picks how the App treats it, as for the worker's errors.
 */
export class WordedError extends Error {
  constructor(
    readonly words: Words,
    name = 'RangeError',
  ) {
    super(words(en));
    this.name = name;
  }
}
