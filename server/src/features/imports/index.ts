import { ACTIONS } from '../../constants';
import { guard, ROW_ID } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import importsController from './controller';
import { imports as importsTable } from './migrations/003-imports';
import { importProcessor } from './processor';
import imports from './service';

/** CSV imports of contacts: upload, preview, the import job and its report. */
export default defineFeature({
  services: { imports },
  controllers: { imports: importsController },
  adminRoutes: [
    { method: 'POST', path: '/imports/preview', handler: 'imports.preview', config: guard(ACTIONS.write) },
    { method: 'POST', path: '/imports', handler: 'imports.create', config: guard(ACTIONS.write) },
    { method: 'GET', path: '/imports', handler: 'imports.find', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/imports/${ROW_ID}`, handler: 'imports.findOne', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/imports/${ROW_ID}/report`, handler: 'imports.report', config: guard(ACTIONS.read) },
  ],
  contentApiRoutes: [],
  queues: [
    // One import at a time per process: each one already keeps the database busy. An import whose
    // worker died resumes where it committed, so its job may be picked up again after a few stalls.
    {
      key: 'import',
      name: 'campaigns-import',
      worker: { processor: ({ imports }) => importProcessor(imports), concurrency: 1, options: { maxStalledCount: 5 } },
    },
  ],
  maintenanceJobs: [
    // Requeues imports that lost their job and deletes expired import reports.
    { name: 'tidyImports', scheduler: 'tidy-imports', everyMs: 5 * 60_000, run: ({ imports }): Promise<unknown> => imports.tidy() },
  ],
  migrations: [importsTable],
  actions: [],
});
