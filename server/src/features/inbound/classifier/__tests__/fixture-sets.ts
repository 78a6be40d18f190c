import fs from 'node:fs';
import path from 'node:path';
import type { InboundClassification } from '../classification';
import { judgeCorpusEntry, type CorpusEntry, type Verdict } from './corpus-rules';
import { judgeFixture, type FixtureEntry } from './fixture-rules';

/** The message sets the classifier is measured on, each with its own way of stating answers. */

const fixturesDir = path.join(__dirname, '../../../../../../tests/fixtures');

export interface FixtureCase {
  set: string;
  file: string;
  path: string;
  judge: (result: InboundClassification) => Verdict;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

export const corpusCases = (): FixtureCase[] =>
  readJson<CorpusEntry[]>(path.join(fixturesDir, 'bounces', 'expected.json')).map((entry) => ({
    set: 'bounces',
    file: entry.file,
    path: path.join(fixturesDir, 'bounces', 'messages', entry.file),
    judge: (result) => judgeCorpusEntry(entry, result),
  }));

/** tests/fixtures/inbound (ours) and, when present, inbound-heldout (written apart from the classifier). */
export const fixtureCases = (set: 'inbound' | 'inbound-heldout'): FixtureCase[] => {
  const dir = path.join(fixturesDir, set);
  if (!fs.existsSync(path.join(dir, 'expected.json'))) return [];
  return readJson<FixtureEntry[]>(path.join(dir, 'expected.json')).map((entry) => ({
    set,
    file: entry.file,
    path: path.join(dir, entry.file),
    judge: (result) => judgeFixture(entry, result),
  }));
};

export const fixtureFiles = (set: string): string[] => fs.readdirSync(path.join(fixturesDir, set)).filter((file) => file.endsWith('.eml'));
