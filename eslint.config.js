// ESLint (npm run lint): typescript-eslint's recommended rules, Lit's, web components' and Lit's
// accessibility rules over the code; Prettier owns the layout, so no rule here is about it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** The code with Lit templates and custom elements. */
const ELEMENT_CODE = ['src/**/*.ts', 'stories/**/*.ts', 'tests/**/*.ts', '.storybook/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'node_modules/**',
      '**/node_modules/**',
      'coverage/**',
      // What the benchmark writes for itself (git-ignored): its peers' bundles and results.
      'bench/.cache/**',
      'bench/results/**',
      // Generated (npm run manifest), and the consumer apps the Node tests build from the tarball.
      'types/**',
      'tests/node/apps/**',
      'tests/node/types-check/**',
      'tests/fixtures/**',
      'demo/editions/**',
      'bench/pages/**',
      'scripts/fonts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The library and the command get the type-checked rules too (about 15 s more on two cores).
  // The tests, stories and scripts do not yet: there they report about 1,400 things, 1,167 of them
  // no-floating-promises on chai assertions, which @open-wc/testing's typings make thenable.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['src/**/*.ts'] })),
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
  },
  // The viewer and its stories and tests: Lit templates and custom elements.
  {
    ...lit.configs['flat/recommended'],
    files: ELEMENT_CODE,
  },
  {
    ...wc.configs['flat/recommended'],
    files: ELEMENT_CODE,
  },
  {
    ...litA11y.configs.recommended,
    files: ELEMENT_CODE,
  },
  {
    rules: {
      // An empty catch marks a step that may fail and is done without: a /proc file gone, an API
      // the browser lacks. Other empty blocks stay errors.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A leading underscore marks a binding kept on purpose: a parameter a signature needs, or a
      // property taken out of an object so that the rest goes on without it.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Chai's property assertions are expressions by design: expect(x).to.exist, .to.be.true.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  // Node: the command, the builds, the scripts, the benchmark, the configs, the Node tests.
  {
    files: [
      'src/cli/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'bench/**/*.{js,mjs}',
      '**/*.config.{js,mjs,ts}',
      'tests/node/**/*.mjs',
      '.storybook/**/*.{ts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
