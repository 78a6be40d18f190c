import fs from 'node:fs';
import path from 'node:path';
import { classifyInboundMessage } from '..';
import { judgeCorpusEntry, type CorpusEntry } from './corpus-rules';

/** tests/fixtures/bounces: real bounces, auto-replies and challenges, judged as its README says. */
const corpusDir = path.join(__dirname, '../../../../../../tests/fixtures/bounces');
const entries: CorpusEntry[] = JSON.parse(fs.readFileSync(path.join(corpusDir, 'expected.json'), 'utf8'));

describe('the bounce corpus', () => {
  it('has an entry for every message', () => {
    expect(entries.map((e) => e.file).sort()).toEqual(fs.readdirSync(path.join(corpusDir, 'messages')).sort());
  });

  it.each(entries.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    const result = await classifyInboundMessage(fs.readFileSync(path.join(corpusDir, 'messages', entry.file)));
    const verdict = judgeCorpusEntry(entry, result);
    if (verdict.warnings.length) console.warn(`${entry.file} (unsure, not failed): ${verdict.warnings.join('; ')}`);
    expect(verdict.failures).toEqual([]);
  });
});
