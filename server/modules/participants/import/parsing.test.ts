import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS } from '#shared/participant-import';
import { AppError } from '../../../lib/errors';
import { readCsv } from './csv-read';
import { belgianDate, daysInMonth, parseImportDate } from './dates';
import { defuseFormula, toCsv } from './export-files';

const utf8 = (text: string) => new TextEncoder().encode(text);
const header = 'voornaam;achternaam;geboortedatum;vestiging;programma';

/** The AppError a call throws, for asserting on its code and fields. */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('reading a CSV file', () => {
  it('detects ; and , from the header line and maps the columns', () => {
    const semi = readCsv(utf8(`${header}\nJan;Peeters;01/02/1990;Gent;maatwerk\n`));
    expect(semi.separator).toBe(';');
    expect(semi.rows).toEqual([
      {
        row: 2,
        values: {
          firstName: 'Jan',
          lastName: 'Peeters',
          dateOfBirth: '01/02/1990',
          site: 'Gent',
          programmeType: 'maatwerk',
        },
      },
    ]);
    const comma = readCsv(utf8('first name,last name,date of birth,site,programme\r\nAn,Claes,1990-02-01,Gent,x\r\n'));
    expect(comma.separator).toBe(',');
    expect(comma.rows[0]?.values).toMatchObject({ firstName: 'An', lastName: 'Claes', site: 'Gent' });
  });

  it('matches headers whatever their case, accents, spaces or hyphens, and ignores unknown ones', () => {
    const file = readCsv(
      utf8(
        '  VOORNAAM ;Familie naam;Geboorte-datum;Locatie;Vestiging;Programma Type;Rijksregister\na;b;1/1/1990;G;G;m;y\n',
      ),
    );
    expect(file.columns).toEqual([
      { header: 'VOORNAAM', column: 'firstName' },
      { header: 'Familie naam', column: 'lastName' },
      { header: 'Geboorte-datum', column: 'dateOfBirth' },
      { header: 'Locatie', column: 'site' },
      { header: 'Vestiging', column: null },
      { header: 'Programma Type', column: 'programmeType' },
      { header: 'Rijksregister', column: null },
    ]);
    expect(
      readCsv(utf8('PRÉNOM;nom;date de naissance;site;statuut\nA;B;1/1/1990;G;m\n')).columns.map((c) => c.column),
    ).toEqual(['firstName', 'lastName', 'dateOfBirth', 'site', 'programmeType']);
  });

  it('reads quoted fields with separators, quotes and line breaks inside, and counts rows as a spreadsheet does', () => {
    const text = `${header};adres\n"Jan; de ""Jos""";Peeters;1/1/1990;Gent;maatwerk;"Kerkstraat 1\n9000 Gent"\n\nAn;Claes;1/1/1991;Gent;maatwerk;\n;;;;;\n`;
    const file = readCsv(utf8(text));
    expect(file.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(file.rows[0]?.values).toMatchObject({ firstName: 'Jan; de "Jos"', address: 'Kerkstraat 1\n9000 Gent' });
    expect(file.rows[1]?.values.address).toBeUndefined();
  });

  it('drops the byte-order mark of "CSV UTF-8" and understands CRLF and the sep= line of Excel', () => {
    const bom = readCsv(utf8(`\uFEFF${header}\r\nJosé;Ñúñez;1/1/1990;Gent;maatwerk\r\n`));
    expect(bom.columns[0]).toEqual({ header: 'voornaam', column: 'firstName' });
    expect(bom.rows[0]?.values).toMatchObject({ firstName: 'José', lastName: 'Ñúñez' });
    const hinted = readCsv(utf8(`sep=,\r\n${header.replaceAll(';', ',')}\r\nA,B,1/1/1990,Gent,m\r\n`));
    expect(hinted.separator).toBe(',');
    expect(hinted.rows[0]).toMatchObject({ row: 2, values: { firstName: 'A' } });
  });

  it('takes off the apostrophe the export puts before a formula-like cell', () => {
    const file = readCsv(utf8(`${header};telefoon\nA;B;1/1/1990;Gent;m;'+32 470 12 34 56\n`));
    expect(file.rows[0]?.values.phone).toBe('+32 470 12 34 56');
  });

  it('refuses text that is not UTF-8 (a file saved as ANSI)', () => {
    const latin1 = Buffer.from(`${header}\nJos\xe9;B;1/1/1990;Gent;m\n`, 'latin1');
    expect(refusal(() => readCsv(latin1))).toMatchObject({ code: 'not_utf8', status: 400 });
  });

  it('refuses broken quoting and names the line', () => {
    const unclosed = `${header}\nA;B;1/1/1990;Gent;m\n"C;D;1/1/1990;Gent;m\nE;F;1/1/1990;Gent;m\n`;
    expect(refusal(() => readCsv(utf8(unclosed)))).toMatchObject({ code: 'invalid_csv', fields: { line: '3' } });
    const badClose = `${header}\nA;B;1/1/1990;Gent;m\nA;"B"x;1/1/1990;Gent;m\n`;
    expect(refusal(() => readCsv(utf8(badClose)))).toMatchObject({ code: 'invalid_csv', fields: { line: '3' } });
    const stray = `${header}\nA;B;1/1/1990;Gent;m\nA;B;1/1/1990;Gent;m\nJ"an;B;1/1/1990;Gent;m\n`;
    expect(refusal(() => readCsv(utf8(stray)))).toMatchObject({ code: 'invalid_csv', fields: { line: '4' } });
  });

  it('refuses an empty file, a header without rows and missing required columns, naming the columns', () => {
    expect(refusal(() => readCsv(utf8('')))).toMatchObject({ code: 'empty_file' });
    expect(refusal(() => readCsv(utf8('\r\n\r\n')))).toMatchObject({ code: 'empty_file' });
    expect(refusal(() => readCsv(utf8(`${header}\n;;;;\n`)))).toMatchObject({ code: 'empty_file' });
    const missing = refusal(() => readCsv(utf8('voornaam;naam;vestiging\nA;B;C\n')));
    expect(missing).toMatchObject({ code: 'missing_columns', fields: { columns: 'dateOfBirth,programmeType' } });
    expect(missing.message).toContain('geboortedatum, programma');
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows without reading a 100,000-row file to its end`, () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Voornaam${i};Achternaam;1/1/1990;Gent;maatwerk`);
    // The last line has broken quoting: were the file read to the end, this would be invalid_csv instead.
    const text = `${header}\n${rows.join('\n')}\n"broken\n`;
    expect(refusal(() => readCsv(utf8(text)))).toMatchObject({ code: 'too_many_rows', fields: { max: '10000' } });
    const atLimit = `${header}\n${rows.slice(0, IMPORT_MAX_ROWS).join('\n')}\n`;
    expect(readCsv(utf8(atLimit)).rows).toHaveLength(IMPORT_MAX_ROWS);
  });
});

const validDate = fc
  .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat() })
  .map(({ year, month, day }) => ({ year, month, day: (day % daysInMonth(year, month)) + 1 }));
const p2 = (n: number) => String(n).padStart(2, '0');
const iso = ({ year, month, day }: { year: number; month: number; day: number }) => `${year}-${p2(month)}-${p2(day)}`;
const formats: [string, (d: { year: number; month: number; day: number }) => string][] = [
  ['DD/MM/YYYY', (d) => `${p2(d.day)}/${p2(d.month)}/${d.year}`],
  ['DD-MM-YYYY', (d) => `${p2(d.day)}-${p2(d.month)}-${d.year}`],
  ['DD.MM.YYYY', (d) => `${p2(d.day)}.${p2(d.month)}.${d.year}`],
  ['D/M/YYYY', (d) => `${d.day}/${d.month}/${d.year}`],
  ['D.M.YYYY', (d) => `${d.day}.${d.month}.${d.year}`],
  ['D-M-YYYY', (d) => `${d.day}-${d.month}-${d.year}`],
  ['YYYY-MM-DD', iso],
  ['DD/MM/YYYY 00:00 (Excel)', (d) => `${p2(d.day)}/${p2(d.month)}/${d.year} 00:00`],
];

describe('dates in a file', () => {
  it.each(formats)('every valid date written as %s parses back to itself', (_name, format) => {
    fc.assert(
      fc.property(validDate, (d) => {
        expect(parseImportDate(format(d))).toEqual({ ok: true, iso: iso(d) });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every impossible day of a month, in every format', () => {
    const impossible = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.nat(5) })
      .map(({ year, month, extra }) => ({ year, month, day: daysInMonth(year, month) + 1 + extra }))
      .filter((d) => d.day <= 99);
    fc.assert(
      fc.property(impossible, fc.constantFrom(...formats), (d, [, format]) => {
        expect(parseImportDate(format(d))).toEqual({ ok: false, code: 'invalid_date' });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['31/02/2024', 'invalid_date'],
    ['29/02/2023', 'invalid_date'],
    ['00/01/2024', 'invalid_date'],
    ['15/13/2024', 'invalid_date'],
    ['2024-02-30', 'invalid_date'],
    ['15/01/24', 'two_digit_year'],
    ['1.2.90', 'two_digit_year'],
    ['15/01-2024', 'invalid_date'],
    ['15 januari 2024', 'invalid_date'],
    ['45292', 'invalid_date'],
    ['', 'invalid_date'],
  ])('refuses %s (%s)', (raw, code) => {
    expect(parseImportDate(raw)).toEqual({ ok: false, code });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseImportDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseImportDate('29.2.2000')).toEqual({ ok: true, iso: '2000-02-29' });
  });

  it('writes dates the way it reads them', () => {
    fc.assert(
      fc.property(validDate, (d) => {
        expect(parseImportDate(belgianDate(iso(d)))).toEqual({ ok: true, iso: iso(d) });
      }),
    );
  });
});

describe('writing CSV', () => {
  const columns = [
    { header: 'voornaam', kind: 'text' as const, width: 10 },
    { header: 'startdatum', kind: 'date' as const, width: 10 },
  ];

  it('writes UTF-8 with a byte-order mark, ; between cells and CRLF between rows', () => {
    const bytes = toCsv(columns, [
      ['Jan', '2024-01-15'],
      ['José', null],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFFvoornaam;startdatum\r\nJan;15/01/2024\r\nJosé;\r\n');
  });

  it('quotes separators, quotes and line breaks, and puts an apostrophe before formulas', () => {
    const text = toCsv(columns, [
      ['a;"b"\nc', null],
      ['=HYPERLINK("http://x")', null],
      ['+32 470', null],
    ]).toString();
    expect(text).toContain('"a;""b""\nc";');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")";`);
    expect(text).toContain("'+32 470;");
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuseFormula('-1')).toBe("'-1");
    expect(defuseFormula('Jan')).toBe('Jan');
  });

  it('round-trips any cell text through a CSV parser (what Excel and our import read)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const cols = cells.map((_, i) => ({ header: `k${i}`, kind: 'text' as const, width: 10 }));
        const text = toCsv(cols, [cells]).toString('utf8').slice(1);
        const [, back] = parse(text, { delimiter: ';', relax_column_count: true }) as string[][];
        expect(back).toEqual(cells.map(defuseFormula));
      }),
      { numRuns: 300 },
    );
  });
});
