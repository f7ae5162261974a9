import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench-data/**', 'coverage/**', 'public/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core is pure: no DOM, no workers, no I/O (STYLE principle 1).
    files: ['src/analysis/**/*.ts', 'src/simulation/**/*.ts', 'src/review/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '../ui/*', '../sources/*', '../worker-client/*', '../ml/*', '@tensorflow/*'] }],
    },
  },
  {
    // The detector stays a pipeline of small stages (issue 10): no file past 300 lines, no function
    // a reviewer cannot hold in their head.
    files: ['src/analysis/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      complexity: ['error', 20],
      'max-depth': ['error', 4],
    },
  },
);
