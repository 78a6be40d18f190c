import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard, ROW_ID } from '../../routes/admin-route';
import type { RouteDefinition } from '../feature';

const reply = `/replies/${ROW_ID}`;

/**
 * Reading replies needs `read`, as the Bounces & complaints page reading the same mail does (each
 * reply is an inbound notice whose raw mail that page shows); marking them handled is an action of
 * its own, for the people who answer them.
 */
export const repliesAdminRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/replies', handler: 'repliesAdmin.find', config: guard(ACTIONS.read) },
  { method: 'GET', path: reply, handler: 'repliesAdmin.findOne', config: guard(ACTIONS.read) },
  { method: 'POST', path: `${reply}/handled`, handler: 'repliesAdmin.handled', config: guard(ACTIONS.handleReplies) },
  { method: 'GET', path: `/campaigns/${DOCUMENT_ID}/replies/counts`, handler: 'repliesAdmin.campaignCounts', config: guard(ACTIONS.read) },
];
