import type { DomainFigures, DomainReport } from '../../../../../shared/contracts/analytics';
import { domainRows } from '../domain-rows';

const figures = (sent: number | null, open: number | null): DomainFigures => ({
  sent,
  uniqueOpens: 5,
  uniqueClicks: 2,
  hardBounces: 1,
  softBounces: 3,
  complaints: 0,
  unsubscribes: 4,
  rates: { open, click: open === null ? null : 0.02, bounce: null, complaint: null },
});

const names = { erased: '(erased addresses)', others: (count: number) => `Other domains (${count})` };

const report = (counted: boolean, others: DomainReport['others']): DomainReport => ({
  documentId: 'c1',
  counted,
  total: 2 + (others?.domains ?? 0),
  domains: [
    { domain: 'example.com', ...figures(counted ? 1200 : null, counted ? 0.25 : null) },
    { domain: '', ...figures(counted ? 10 : null, counted ? 0.5 : null) },
  ],
  others,
});

test('once counted, each domain reads its figures and rates in column order; erased addresses get their name; the others come last', () => {
  const rows = domainRows(report(true, { domains: 7, ...figures(40, 0.125) }), names);
  expect(rows).toEqual([
    ['example.com', 1200, 5, '25%', 2, '2%', 1, 3, 0, 4],
    ['(erased addresses)', 10, 5, '50%', 2, '2%', 1, 3, 0, 4],
    ['Other domains (7)', 40, 5, '12.5%', 2, '2%', 1, 3, 0, 4],
  ]);
});

test('while the campaign sends, sent and the rates read as a dash; no others row when there are none', () => {
  expect(domainRows(report(false, null), names)).toEqual([
    ['example.com', '—', 5, '—', 2, '—', 1, 3, 0, 4],
    ['(erased addresses)', '—', 5, '—', 2, '—', 1, 3, 0, 4],
  ]);
});
