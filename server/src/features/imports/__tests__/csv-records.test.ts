import { Readable } from 'node:stream';
import { CsvSyntaxError, readCsv, type CsvRecord } from '../csv-records';

const read = async (chunks: string[], delimiter: ',' | ';' = ',') => {
  const records: CsvRecord[] = [];
  let bytes = 0;
  try {
    for await (const chunk of readCsv(Readable.from(chunks.map((c) => Buffer.from(c))), delimiter)) {
      records.push(...chunk.records);
      bytes = chunk.bytesRead;
    }
    return { records, bytes, error: undefined };
  } catch (error) {
    return { records, bytes, error: error as CsvSyntaxError };
  }
};

test('reads records with the line each starts on, across chunks, quoted line breaks and blank lines', async () => {
  const { records, error, bytes } = await read(['\ufeffemail,name\r\na@x.io,"Ann\r\nB', '"\r\n\r\n,\r\nb@x.io,Bob']);
  expect(error).toBeUndefined();
  expect(records).toEqual([
    { fields: ['email', 'name'], line: 1 },
    { fields: ['a@x.io', 'Ann\r\nB'], line: 2 },
    { fields: ['b@x.io', 'Bob'], line: 6 },
  ]);
  // csv-parse counts a quoted CRLF as two lines; the lines here are the file's.
  const after = await read(['email,name\r\na@x.io,"A\r\nB\nC"\r\nb@x.io,"x"y\r\n']);
  expect(after.records.map((r) => r.line)).toEqual([1, 2]);
  expect(after.error?.line).toBe(5);
  expect(bytes).toBe(Buffer.byteLength('\ufeffemail,name\r\na@x.io,"Ann\r\nB"\r\n\r\n,\r\nb@x.io,Bob'));
});

test('keeps every record before a broken quote, and names the line the broken record starts on', async () => {
  let csv = 'email,name\n';
  for (let i = 1; i <= 20; i++) csv += `p${i}@x.io,P${i}\n`;
  csv += 'bad@x.io,"unclosed\nlater@x.io,L\n';
  const { records, error } = await read([csv]);
  expect(records).toHaveLength(21);
  expect(error).toBeInstanceOf(CsvSyntaxError);
  expect(error?.line).toBe(22);
  expect(error?.message).toMatch(/^line 22: Quote Not Closed/);
});

test('a quote inside an unquoted field fails at its line', async () => {
  const { records, error } = await read(['email,name\na@x.io,A\n\nb@x.io,x"y"\nc@x.io,C\n']);
  expect(records.map((r) => r.fields[0])).toEqual(['email', 'a@x.io']);
  expect(error?.line).toBe(4);
  expect(error?.parserMessage).toMatch(/Invalid Opening Quote: a quote is found on field 1 at line 4/);
});

test('uses the delimiter it is given', async () => {
  const { records } = await read(['a;b\n1;2\n'], ';');
  expect(records.map((r) => r.fields)).toEqual([
    ['a', 'b'],
    ['1', '2'],
  ]);
});
