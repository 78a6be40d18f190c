import type { DomainFigures, DomainReport } from '../../../../shared/contracts/analytics';
import { formatRate } from '../inbound/rates';

/**
 * One row's cells, in the table's column order: what a domain accepted is only counted once the
 * campaign is over, so `sent` and the rates over it read as a dash until then.
 */
const cells = (name: string, f: DomainFigures): Array<string | number> => [
  name,
  f.sent ?? '—',
  f.uniqueOpens,
  formatRate(f.rates.open),
  f.uniqueClicks,
  formatRate(f.rates.click),
  f.hardBounces,
  f.softBounces,
  f.complaints,
  f.unsubscribes,
];

/**
 * The domain table's rows, as shown and exported: the report's domains in its order (`''` holds
 * the addresses erased since, named `names.erased`), then every other domain summed.
 */
export const domainRows = ({ domains, others }: DomainReport, names: { erased: string; others(count: number): string }) => [
  ...domains.map(({ domain, ...figures }) => cells(domain || names.erased, figures)),
  ...(others ? [cells(names.others(others.domains), others)] : []),
];
