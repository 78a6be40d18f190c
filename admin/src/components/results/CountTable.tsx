import { formatRate } from '../inbound/rates';
import { ResultsTable } from './ResultsTable';
import { withShares } from './shares';

/**
 * Counts per name (bounces by reason, complaints by type, readers by mail client or device), most
 * first, and each one's share of them when `shareLabel` names that column; nothing when there are none.
 */
export const CountTable = ({
  title,
  nameLabel,
  countLabel,
  shareLabel,
  rows,
  fileName,
}: {
  title: string;
  nameLabel: string;
  countLabel: string;
  shareLabel?: string;
  rows: Array<{ name: string; count: number }>;
  fileName: string;
}) =>
  rows.length ? (
    <ResultsTable
      title={title}
      columns={shareLabel ? [nameLabel, countLabel, shareLabel] : [nameLabel, countLabel]}
      rows={withShares(rows).map(({ name, count, share }) => (shareLabel ? [name, count, formatRate(share)] : [name, count]))}
      fileName={fileName}
    />
  ) : null;
