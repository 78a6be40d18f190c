import { fromEveryFeature } from '../../features';
import { orderMigrations, type Migration } from '../migration';

/** Every feature's migrations, applied in the order of their ids. */
export const migrations: readonly Migration[] = orderMigrations(fromEveryFeature('migrations'));
