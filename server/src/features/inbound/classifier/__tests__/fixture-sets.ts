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

/** The fixture sets in the held-out format: ours, and the two written apart from the classifier. */
export const FIXTURE_SETS = ['inbound', 'inbound-heldout', 'inbound-heldout-2'] as const;

/** tests/fixtures/<set>, when present in this checkout. */
export const fixtureCases = (set: (typeof FIXTURE_SETS)[number]): FixtureCase[] => {
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
