import type { Migration } from '../migration';
import { deliveryTables } from './001-delivery-tables';
import { audienceIndexes } from './002-audience-indexes';
import { sourceIndex } from './004-source-index';

/** Applied in this order; append only. 003 is reserved for contact imports. */
export const migrations: readonly Migration[] = [deliveryTables, audienceIndexes, sourceIndex];
