import { ACTIONS } from '../../constants';
import { guard, ROW_ID } from '../../routes/admin-route';
import type { RouteDefinition } from '../feature';

const notice = `/inbound/notices/${ROW_ID}`;

/** Reading what came back needs `read`; undoing a suppression is managing suppressions. */
export const noticesAdminRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/inbound/notices', handler: 'inboundNotices.find', config: guard(ACTIONS.read) },
  { method: 'GET', path: notice, handler: 'inboundNotices.findOne', config: guard(ACTIONS.read) },
  { method: 'POST', path: `${notice}/undo`, handler: 'inboundNotices.undo', config: guard(ACTIONS.manageSuppressions) },
  { method: 'GET', path: '/inbound/rates', handler: 'inboundNotices.rates', config: guard(ACTIONS.read) },
];
