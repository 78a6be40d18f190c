import type { Migration } from '../migration';
import { deliveryTables } from './001-delivery-tables';
import { audienceIndexes } from './002-audience-indexes';

/** Applied in this order; append only. */
export const migrations: readonly Migration[] = [deliveryTables, audienceIndexes];
