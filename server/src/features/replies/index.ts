import { defineFeature } from '../feature';
import { repliesTable } from './migrations/014-replies';
import repliesAdminController from './replies-admin-controller';
import { repliesAdminRoutes } from './replies-admin-routes';
import repliesAdmin from './replies-admin-service';
import replies from './service';

/**
 * Replies to our messages (issue 18): matched to their delivery as the inbound pipeline takes them
 * from a replies mailbox or raw mail, read (class, stripped text, out-of-office return date), stored
 * once per notice, and shown in the admin's replies inbox.
 */
export default defineFeature({
  services: { repliesAdmin, replies },
  controllers: { repliesAdmin: repliesAdminController },
  adminRoutes: [...repliesAdminRoutes],
  contentApiRoutes: [],
  queues: [
    // The owners' notifications of people's replies: retried with the send's delays when the server refuses one.
    {
      key: 'replies',
      name: 'campaigns-replies',
      worker: {
        processor:
          ({ replyNotices }) =>
          (job) =>
            replyNotices.send(Number(job.data.replyId)),
        concurrency: 2,
      },
    },
  ],
  maintenanceJobs: [],
  migrations: [repliesTable],
  actions: [{ uid: 'replies.handle', subCategory: 'replies', displayName: 'Mark replies handled' }],
});
