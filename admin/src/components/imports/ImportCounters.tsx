import type { ImportCounters as Counters } from '../../../../shared/contracts/imports';
import { CounterTiles } from '../progress/CounterTiles';

const SHOWN: Array<{ key: keyof Counters; label: string; hint: string }> = [
  { key: 'rowsRead', label: 'Rows read', hint: 'Data rows read so far' },
  { key: 'created', label: 'Created', hint: 'New contacts' },
  { key: 'updated', label: 'Updated', hint: 'Existing contacts given the file’s values' },
  { key: 'duplicates', label: 'Duplicates', hint: 'An address seen earlier in the file, or a contact left as it was' },
  { key: 'rejected', label: 'Rejected', hint: 'Invalid rows: see the report' },
  { key: 'suppressed', label: 'Suppressed', hint: 'Imported, but on the suppression list: never mailed' },
];

export const ImportCounters = ({ counters }: { counters: Counters }) => (
  <CounterTiles tiles={SHOWN.map(({ key, label, hint }) => ({ label, hint, value: counters[key] }))} />
);
