/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " '` become entities.
 *
 * @example escapeHtml('<img src=x onerror="alert(1)">') // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`: every `<` is
 * written `\u003c` (so neither `</script` nor `<!--` can occur), and U+2028/U+2029 as escapes.
 * `JSON.parse` of the element's text gives the value back.
 *
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Makes JavaScript source safe to inline in a `<script>` element: `</script` becomes `<\/script`
 * (the same string for JavaScript inside string and regex literals), and `<!--` becomes `<\!--`.
 *
 * @example inlineScript('a="</script>"') // 'a="<\\/script>"'
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
