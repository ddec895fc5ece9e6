/** A plain-text table: columns padded to their widest cell, a dashed rule under the header, no trailing spaces. */

/** Formats `rows` under `headers`; every row has one cell per header. Lines end with `\n`. */
export function formatTextTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].map((text) => `${text}\n`).join('');
}
