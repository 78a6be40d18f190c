import fs from 'node:fs';
import { classifyInboundMessage } from '..';
import { FIXTURE_SETS, fixtureCases, fixtureFiles } from './fixture-sets';

/** Our own messages of every mail system named in the issue, and the held-out sets written apart from the classifier. */
describe.each(FIXTURE_SETS)('tests/fixtures/%s', (set) => {
  const cases = fixtureCases(set);
  if (!cases.length) {
    it.skip('is not in this checkout', () => undefined);
    return;
  }

  it('has an answer for every message', () => {
    expect(cases.map((c) => c.file).sort()).toEqual(fixtureFiles(set).sort());
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, fixture) => {
    const result = await classifyInboundMessage(fs.readFileSync(fixture.path));
    expect(fixture.judge(result).failures).toEqual([]);
  });
});
