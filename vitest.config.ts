import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		setupFiles: ['test/setup/fast-check.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
	},
});
