import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineScript, jsonForScript } from '../src/index.js';

describe('escapeHtml', () => {
  it('writes the five HTML-significant characters as entities', () => {
    // HTML 5 §13.1.2.6: escaping & < > " ' is enough for element content and quoted attributes.
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('leaves other text, including non-ASCII, unchanged', () => {
    expect(escapeHtml('CD206 µM ≥ 10³')).toBe('CD206 µM ≥ 10³');
  });
});

describe('jsonForScript', () => {
  it('contains no < at all, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', comment: '<!-- x -->', line: 'a\u2028b' };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('inlineScript', () => {
  it('escapes </script in any case and <!--, keeping the JavaScript string value', () => {
    const src = 'var a = "</script>", b = "</SCRIPT >", c = "<!--";';
    const out = inlineScript(src);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    // Evaluate both versions: the string values are identical (\/ and \! are identity escapes).
    const run = (code: string): unknown => runInNewContext(`${code} [a, b, c];`);
    expect(run(out)).toEqual(run(src));
  });
});
