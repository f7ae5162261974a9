import type { en } from './en/en';

/**
 * The shape every language's dictionary has: English's. A dictionary missing a key, or with a
 * message taking other parameters, fails `npm run typecheck` (es/es.ts is typed with it).
 */
export type Messages = typeof en;

/**
 * Words not yet put into a language: views keep these (not strings) for anything they show, so a
 * change of language can word it again.
 */
export type Words = (m: Messages) => string;
