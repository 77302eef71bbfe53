/** Quotes a CSV field when it holds a comma, quote, CR or LF (RFC 4180); doubles inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
