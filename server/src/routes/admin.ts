import { ACTIONS } from '../constants';

const guard = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

const crud = (path: string, controller: string) => [
  { method: 'GET', path: `/${path}`, handler: `${controller}.find`, config: guard(ACTIONS.read) },
  { method: 'POST', path: `/${path}`, handler: `${controller}.create`, config: guard(ACTIONS.write) },
  { method: 'GET', path: `/${path}/:documentId`, handler: `${controller}.findOne`, config: guard(ACTIONS.read) },
  { method: 'PUT', path: `/${path}/:documentId`, handler: `${controller}.update`, config: guard(ACTIONS.write) },
  { method: 'DELETE', path: `/${path}/:documentId`, handler: `${controller}.delete`, config: guard(ACTIONS.delete) },
];

/** Admin API, mounted by Strapi at /campaigns/...; every route needs an admin and a registered action. */
export default {
  type: 'admin',
  routes: [
    // Before the campaign routes: /campaigns/:documentId would take "senders" for a documentId.
    { method: 'GET', path: '/campaigns/senders', handler: 'sending.senders', config: guard(ACTIONS.read) },
    ...crud('campaigns', 'campaigns'),
    { method: 'GET', path: '/campaigns/:documentId/progress', handler: 'sending.progress', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/campaigns/:documentId/preview', handler: 'sending.preview', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/campaigns/:documentId/test', handler: 'sending.test', config: guard(ACTIONS.send) },
    { method: 'POST', path: '/campaigns/:documentId/send', handler: 'sending.send', config: guard(ACTIONS.send) },
    { method: 'POST', path: '/campaigns/:documentId/pause', handler: 'sending.pause', config: guard(ACTIONS.send) },
    { method: 'POST', path: '/campaigns/:documentId/resume', handler: 'sending.resume', config: guard(ACTIONS.send) },
    { method: 'POST', path: '/campaigns/:documentId/cancel', handler: 'sending.cancel', config: guard(ACTIONS.send) },
    // Before the contacts routes: /contacts/:documentId would take "export" or "bulk" for a documentId.
    { method: 'GET', path: '/contacts/export', handler: 'contactExport.find', config: guard(ACTIONS.read) },
    // Write for every bulk action; delete also needs the delete action, checked once the body names it.
    { method: 'POST', path: '/contacts/bulk', handler: 'contactActions.bulk', config: guard(ACTIONS.write) },
    { method: 'POST', path: '/contacts/:documentId/state', handler: 'contactActions.setState', config: guard(ACTIONS.write) },
    { method: 'GET', path: '/contacts/:documentId/activity', handler: 'contactActions.activity', config: guard(ACTIONS.read) },
    ...crud('contacts', 'contacts'),
    { method: 'GET', path: '/segments/choices', handler: 'segmentRules.choices', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/segments/count', handler: 'segmentRules.count', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/segments/preview', handler: 'segmentRules.preview', config: guard(ACTIONS.read) },
    ...crud('segments', 'segments'),
    ...crud('topics', 'topics'),
    { method: 'GET', path: '/suppressions', handler: 'suppressions.find', config: guard(ACTIONS.manageSuppressions) },
    { method: 'POST', path: '/suppressions', handler: 'suppressions.create', config: guard(ACTIONS.manageSuppressions) },
    { method: 'DELETE', path: '/suppressions/:documentId', handler: 'suppressions.delete', config: guard(ACTIONS.manageSuppressions) },
    { method: 'POST', path: '/imports/preview', handler: 'imports.preview', config: guard(ACTIONS.write) },
    { method: 'POST', path: '/imports', handler: 'imports.create', config: guard(ACTIONS.write) },
    { method: 'GET', path: '/imports', handler: 'imports.find', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/imports/:id', handler: 'imports.findOne', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/imports/:id/report', handler: 'imports.report', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/settings', handler: 'settings.find', config: guard(ACTIONS.manageSettings) },
    { method: 'POST', path: '/audience-sources/backfill', handler: 'audienceSources.backfill', config: guard(ACTIONS.manageSettings) },
  ],
};
