import type { Migration } from '../migration';
import { deliveryTables } from './001-delivery-tables';

/** Applied in this order; append only. */
export const migrations: readonly Migration[] = [deliveryTables];
