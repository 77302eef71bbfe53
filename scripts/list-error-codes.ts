/**
 * Lists every error code tamkit throws, from the sources in packages/<name>/src: codes passed to an
 * error constructor (`new FcsParseError('FCS_…'`, `super('UNKNOWN_CHANNEL'`), codes listed in an
 * `…ErrorCode` union type, and every quoted code inside a `throw` statement. Prints one
 * `CODE<TAB>package<TAB>file` line per code (sorted), or JSON with --json. Run from the repository root:
 *
 *   node --import tsx scripts/list-error-codes.ts [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One code and where it is defined or thrown first. */
export interface ErrorCodeSite {
  readonly code: string;
  readonly pkg: string;
  readonly file: string;
}

const CODE = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p, out);
    } else if (p.endsWith('.ts')) {
      out.push(p);
    }
  }
}

/** Codes of one source text: constructor arguments and `…ErrorCode` union members. */
export function codesInSource(text: string): string[] {
  const found = new Set<string>();
  // `new XxxError(` or `super(` followed (within the call's first argument) by quoted codes.
  for (const m of text.matchAll(/(?:new\s+\w*Error|super|\bfail|\berror|\bbad)\s*\(\s*([^,]*?),/g)) {
    for (const c of m[1]!.matchAll(CODE)) {
      found.add(c[1]!);
    }
  }
  // Every quoted code inside a throw statement (helpers such as `throw xmlError(ctx, 'CODE', ...)`).
  for (const m of text.matchAll(/\bthrow\s([^;]*);/g)) {
    for (const c of m[1]!.matchAll(CODE)) {
      found.add(c[1]!);
    }
  }
  for (const m of text.matchAll(/type\s+\w*ErrorCode\s*=([^;]*);/g)) {
    for (const c of m[1]!.matchAll(CODE)) {
      found.add(c[1]!);
    }
  }
  return [...found].sort();
}

/** Every error code under `root`/packages/<pkg>/src, each with the first file it appears in. */
export function listErrorCodes(root: string): ErrorCodeSite[] {
  const sites = new Map<string, ErrorCodeSite>();
  for (const pkg of readdirSync(join(root, 'packages')).sort()) {
    const src = join(root, 'packages', pkg, 'src');
    let files: string[] = [];
    try {
      walk(src, files);
    } catch {
      continue;
    }
    files = files.sort();
    for (const file of files) {
      for (const code of codesInSource(readFileSync(file, 'utf8'))) {
        if (!sites.has(code)) {
          sites.set(code, { code, pkg, file: relative(root, file).split('\\').join('/') });
        }
      }
    }
  }
  return [...sites.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const sites = listErrorCodes(root);
  const text = process.argv.includes('--json') ? `${JSON.stringify(sites, null, 2)}\n` : sites.map((s) => `${s.code}\t${s.pkg}\t${s.file}\n`).join('');
  process.stdout.write(text);
}
