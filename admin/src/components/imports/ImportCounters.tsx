import type { ImportCounters as Counters } from '../../../../shared/contracts/imports';
import { pluginMessage, usePluginMessages, type PluginMessage } from '../../hooks/use-plugin-messages';
import { CounterTiles } from '../progress/CounterTiles';

const SHOWN: Array<{ key: keyof Counters; label: PluginMessage; hint: PluginMessage }> = [
  {
    key: 'rowsRead',
    label: pluginMessage('imports.counter.rowsRead', 'Rows read'),
    hint: pluginMessage('imports.counter.rowsReadHint', 'Data rows read so far'),
  },
  {
    key: 'created',
    label: pluginMessage('imports.counter.created', 'Created'),
    hint: pluginMessage('imports.counter.createdHint', 'New contacts'),
  },
  {
    key: 'updated',
    label: pluginMessage('imports.counter.updated', 'Updated'),
    hint: pluginMessage('imports.counter.updatedHint', 'Existing contacts given the file’s values'),
  },
  {
    key: 'duplicates',
    label: pluginMessage('imports.counter.duplicates', 'Duplicates'),
    hint: pluginMessage('imports.counter.duplicatesHint', 'An address seen earlier in the file, or a contact left as it was'),
  },
  {
    key: 'rejected',
    label: pluginMessage('imports.counter.rejected', 'Rejected'),
    hint: pluginMessage('imports.counter.rejectedHint', 'Invalid rows: see the report'),
  },
  {
    key: 'suppressed',
    label: pluginMessage('imports.counter.suppressed', 'Suppressed'),
    hint: pluginMessage('imports.counter.suppressedHint', 'Imported, but on the suppression list: never mailed'),
  },
];

export const ImportCounters = ({ counters }: { counters: Counters }) => {
  const t = usePluginMessages();
  return <CounterTiles tiles={SHOWN.map(({ key, label, hint }) => ({ label: t(label), hint: t(hint), value: counters[key] }))} />;
};
