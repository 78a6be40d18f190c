import type { Migration } from '../migration';
import { deliveryTables } from '../../features/sending/migrations/001-delivery-tables';
import { audienceIndexes } from '../../features/audience/migrations/002-audience-indexes';
import { imports } from '../../features/imports/migrations/003-imports';
import { sourceIndex } from '../../features/audience/migrations/004-source-index';
import { sends } from '../../features/sending/migrations/005-sends';

/** Applied in this order; append only. */
export const migrations: readonly Migration[] = [deliveryTables, audienceIndexes, imports, sourceIndex, sends];
