/**
 * The framework name an exchange file gives, to fill in the import's name field. Only a first look: the server
 * reads and checks the whole file. Anything that cannot be read this way gives '' (the field stays empty and the
 * server uses the file's name).
 */
export function frameworkNameInFile(text: string, json: boolean): string {
  const content = text.replace(/^\uFEFF/, '');
  if (json) {
    try {
      const name = (JSON.parse(content) as { framework?: { name?: unknown } } | null)?.framework?.name;
      return typeof name === 'string' ? name.trim() : '';
    } catch {
      return '';
    }
  }
  // The server's reader decides the same way: Excel's "sep=" line, else whichever the header has more of.
  const hint = /^sep=([;,])\r?\n/i.exec(content);
  const csv = hint ? content.slice(hint[0].length) : content;
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  const separator = hint?.[1] ?? (count(',') > count(';') ? ',' : ';');
  const [header, first] = firstRecords(csv, separator, 2);
  const column = header?.indexOf('framework_name') ?? -1;
  return column < 0 ? '' : (first?.[column]?.trim() ?? '');
}

/** The first `count` records of a CSV text: quoted cells may hold separators, quotes ("") and line breaks. */
function firstRecords(text: string, separator: string, count: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < count; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (records.length < count && (cell || record.length)) records.push([...record, cell]);
  return records;
}
