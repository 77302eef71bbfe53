import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, memoryIo } from '../src/index.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const corpusDir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const hasCorpus = existsSync(join(corpusDir, 'fcs', 'MANIFEST.json'));

/** Runs the CLI in-process from the repository root and returns its exit code and output. */
export async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo(repoRoot);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tamkit-cli-test-'));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
