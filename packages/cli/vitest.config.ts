import { defineProject } from 'vitest/config';

export default defineProject({
  ssr: { resolve: { conditions: ['@tamkit/source'] } },
  test: { name: 'cli', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
