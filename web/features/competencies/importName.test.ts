import { describe, expect, it } from 'vitest';
import { frameworkNameInFile } from './importName';

const header = 'type;framework_name;framework_description;level';

describe('frameworkNameInFile, the name the import field starts with', () => {
  it('reads the JSON exchange', () => {
    const file = JSON.stringify({ format: 'groeipad-competency-framework', framework: { name: ' Kader A ' } });
    expect(frameworkNameInFile(file, true)).toBe('Kader A');
  });

  it('reads the first data row of the CSV, with ";" or "," and a byte-order mark', () => {
    expect(frameworkNameInFile(`\uFEFF${header}\r\nindicator;Kader B;Uitleg;1\r\n`, false)).toBe('Kader B');
    expect(frameworkNameInFile('level,type,framework_name\n1,indicator,"Kader, met komma"\n', false)).toBe(
      'Kader, met komma',
    );
    expect(frameworkNameInFile(`sep=,\n${header.replaceAll(';', ',')}\nindicator,Kader C,x,1`, false)).toBe('Kader C');
  });

  it('keeps quoted line breaks and quotes inside one cell', () => {
    const csv = `framework_description;framework_name\n"Regel 1\nRegel 2";"Het ""beste"" kader"\n`;
    expect(frameworkNameInFile(csv, false)).toBe('Het "beste" kader');
  });

  it('gives an empty name for what it cannot read', () => {
    expect(frameworkNameInFile('{niet: json', true)).toBe('');
    expect(frameworkNameInFile('null', true)).toBe('');
    expect(frameworkNameInFile('{"framework":{"name":7}}', true)).toBe('');
    expect(frameworkNameInFile('type;level\nindicator;1', false)).toBe('');
    expect(frameworkNameInFile(header, false)).toBe('');
    expect(frameworkNameInFile('', false)).toBe('');
  });
});
