import type { Migration } from '../migration';
import { deliveryTables } from './001-delivery-tables';
import { audienceIndexes } from './002-audience-indexes';
import { imports } from './003-imports';
import { sourceIndex } from './004-source-index';
import { sends } from './005-sends';

/** Applied in this order; append only. */
export const migrations: readonly Migration[] = [deliveryTables, audienceIndexes, imports, sourceIndex, sends];
