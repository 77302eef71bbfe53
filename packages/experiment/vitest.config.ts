import { defineProject } from 'vitest/config';

export default defineProject({
  ssr: { resolve: { conditions: ['@tamkit/source'] } },
  test: { name: 'experiment', include: ['test/**/*.test.ts'] },
});
