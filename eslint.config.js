import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
	{ignores: ['dist/', 'bundle/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.js'],
		languageOptions: {globals: globals.node},
	},
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		languageOptions: {globals: globals.node},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-console': 'error',
			eqeqeq: ['error', 'smart'],
		},
	},
	{
		files: ['test/**', 'scripts/**'],
		rules: {'no-console': 'off'},
	},
	{
		// Only the TUI may import ink; only the API client may import got.
		files: ['source/**'],
		ignores: ['source/tui/**'],
		rules: {
			'no-restricted-imports': ['error', {paths: [{name: 'ink', message: 'Only source/tui imports ink.'}]}],
		},
	},
);
