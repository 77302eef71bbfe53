/**
 * A regular expression for a glob over `/`-separated relative paths: `*` and `?` stay within one
 * folder, `**` (as a whole segment) spans folders, everything else is literal.
 *
 * @example globRegExp('fcs/*.fcs').test('fcs/D1_M1.fcs'); // true
 */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders.
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** True when the path holds a glob character (`*` or `?`). */
export function isGlob(path: string): boolean {
  return /[*?]/.test(path);
}
