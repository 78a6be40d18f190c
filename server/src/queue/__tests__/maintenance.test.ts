import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { maintenanceProcessor } from '../maintenance';

const strapi = { marker: 'app' } as unknown as Core.Strapi;
const job = (name: string) => ({ name, data: {} }) as Job;

test('a feature job runs with the dependencies the queue was opened with', async () => {
  const run = jest.fn(async ({ strapi: app }: { strapi: Core.Strapi }) => `tidied ${(app as unknown as { marker: string }).marker}`);
  const processor = maintenanceProcessor([{ name: 'tidyThings', scheduler: 'tidy-things', everyMs: 1000, run }])({ strapi });
  await expect(processor(job('tidyThings'))).resolves.toBe('tidied app');
  expect(run).toHaveBeenCalledTimes(1);
});

test('ping answers which process ran it', async () => {
  const processor = maintenanceProcessor([])({ strapi });
  await expect(processor(job('ping'))).resolves.toMatchObject({ pid: process.pid, workerProcess: false });
});

test('a job no feature declares fails', async () => {
  const processor = maintenanceProcessor([])({ strapi });
  await expect(processor(job('tidyNothing'))).rejects.toThrow('unknown maintenance job "tidyNothing"');
});
