import fs from 'node:fs';
import { classifyInboundMessage } from '..';
import { FIXTURE_SETS, corpusCases, fixtureCases } from './fixture-sets';

/** The targets, over every message the project holds (the corpus, ours, the held-out sets). */
const TARGETS = { recipients: 97, bounce: 98, hardSoft: 95, reason: 85 } as const;

it('meets the targets over all fixtures', async () => {
  const cases = [...corpusCases(), ...FIXTURE_SETS.flatMap((set) => fixtureCases(set))];
  const tally = { recipients: [0, 0], bounce: [0, 0], hardSoft: [0, 0], reason: [0, 0] };
  for (const fixture of cases) {
    const { scores } = fixture.judge(await classifyInboundMessage(fs.readFileSync(fixture.path)));
    for (const [measure, ok] of Object.entries(scores) as Array<[keyof typeof tally, boolean]>) {
      tally[measure][0] += ok ? 1 : 0;
      tally[measure][1] += 1;
    }
  }
  const percent = (measure: keyof typeof tally) => (100 * tally[measure][0]) / tally[measure][1];
  console.log(
    `inbound classifier over ${cases.length} messages: ` +
      (Object.keys(TARGETS) as Array<keyof typeof TARGETS>)
        .map((m) => `${m} ${percent(m).toFixed(1)}% (${tally[m][0]}/${tally[m][1]})`)
        .join(', ')
  );
  for (const measure of Object.keys(TARGETS) as Array<keyof typeof TARGETS>)
    expect(percent(measure)).toBeGreaterThanOrEqual(TARGETS[measure]);
});
