import { ACTIONS } from '../../constants';
import { resourceController } from '../../controllers/resource';
import { crudRoutes, DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import contactActions from './contacts/actions-controller';
import contactActivity from './contacts/activity-service';
import contactBulk from './contacts/bulk-service';
import contactExportController from './contacts/export-controller';
import contactExport from './contacts/export-service';
import contacts from './contacts/service';
import { audienceIndexes } from './migrations/002-audience-indexes';
import { sourceIndex } from './migrations/004-source-index';
import { erasures } from './migrations/008-erasures';
import segmentRules from './segments/rules-controller';
import segments from './segments/service';
import audienceSourcesController from './sources/controller';
import audienceSources from './sources/service';
import suppressionsController from './suppressions/controller';
import { suppressionRemovals } from './suppressions/migrations/007-suppression-removals';
import suppressions from './suppressions/service';
import topics from './topics/service';

/** Who gets mail: contacts, topics, segments, suppressions, and the content types mirrored into contacts. */
export default defineFeature({
  services: { audienceSources, contactActivity, contactBulk, contactExport, contacts, segments, suppressions, topics },
  controllers: {
    audienceSources: audienceSourcesController,
    contactActions,
    contactExport: contactExportController,
    contacts: resourceController('contacts'),
    segments: resourceController('segments'),
    segmentRules,
    suppressions: suppressionsController,
    topics: resourceController('topics'),
  },
  adminRoutes: [
    { method: 'GET', path: '/contacts/export', handler: 'contactExport.find', config: guard(ACTIONS.read) },
    // Write for every bulk action; delete also needs the delete action, checked once the body names it.
    { method: 'POST', path: '/contacts/bulk', handler: 'contactActions.bulk', config: guard(ACTIONS.write) },
    { method: 'POST', path: `/contacts/${DOCUMENT_ID}/state`, handler: 'contactActions.setState', config: guard(ACTIONS.write) },
    { method: 'GET', path: `/contacts/${DOCUMENT_ID}/activity`, handler: 'contactActions.activity', config: guard(ACTIONS.read) },
    // GDPR: the right of access (a JSON download) and the right to erasure.
    { method: 'GET', path: `/contacts/${DOCUMENT_ID}/data`, handler: 'contactActions.data', config: guard(ACTIONS.read) },
    { method: 'POST', path: `/contacts/${DOCUMENT_ID}/erase`, handler: 'contactActions.erase', config: guard(ACTIONS.delete) },
    ...crudRoutes('contacts', 'contacts', ACTIONS),
    { method: 'GET', path: '/segments/choices', handler: 'segmentRules.choices', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/segments/count', handler: 'segmentRules.count', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/segments/preview', handler: 'segmentRules.preview', config: guard(ACTIONS.read) },
    ...crudRoutes('segments', 'segments', ACTIONS),
    ...crudRoutes('topics', 'topics', ACTIONS),
    // Reading the list is reading the audience; every change to it is managing suppressions.
    { method: 'GET', path: '/suppressions', handler: 'suppressions.find', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/suppressions/export', handler: 'suppressions.export', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/suppressions/removals', handler: 'suppressions.removals', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/suppressions/${DOCUMENT_ID}`, handler: 'suppressions.findOne', config: guard(ACTIONS.read) },
    { method: 'POST', path: '/suppressions', handler: 'suppressions.create', config: guard(ACTIONS.manageSuppressions) },
    { method: 'POST', path: '/suppressions/bulk', handler: 'suppressions.bulk', config: guard(ACTIONS.manageSuppressions) },
    { method: 'POST', path: '/suppressions/import', handler: 'suppressions.import', config: guard(ACTIONS.manageSuppressions) },
    // A POST, not a DELETE: the removal carries its reason in a body.
    {
      method: 'POST',
      path: `/suppressions/${DOCUMENT_ID}/remove`,
      handler: 'suppressions.remove',
      config: guard(ACTIONS.manageSuppressions),
    },
    { method: 'POST', path: '/audience-sources/backfill', handler: 'audienceSources.backfill', config: guard(ACTIONS.manageSettings) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [
    // Deletes raw events older than the editor's retention, a bounded number per run (privacy/retention.ts).
    {
      name: 'eventRetention',
      scheduler: 'event-retention',
      everyMs: 10 * 60_000,
      run: ({ retention }): Promise<unknown> => retention.run(),
    },
  ],
  migrations: [audienceIndexes, sourceIndex, suppressionRemovals, erasures],
  actions: [{ uid: 'suppressions.manage', subCategory: 'suppressions', displayName: 'Manage suppressions' }],
});
