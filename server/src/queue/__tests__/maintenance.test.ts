import type { Job } from 'bullmq';
import type { QueueDependencies } from '../../features/feature';
import { maintenanceProcessor } from '../maintenance';

const deps = { marker: 'root' } as unknown as QueueDependencies;
const job = (name: string) => ({ name, data: {} }) as Job;

test('a feature job runs with the dependencies the queue was opened with', async () => {
  const run = jest.fn(async (given: QueueDependencies) => `tidied with ${(given as unknown as { marker: string }).marker}`);
  const processor = maintenanceProcessor([{ name: 'tidyThings', scheduler: 'tidy-things', everyMs: 1000, run }])(deps);
  await expect(processor(job('tidyThings'))).resolves.toBe('tidied with root');
  expect(run).toHaveBeenCalledTimes(1);
});

test('ping answers which process ran it', async () => {
  const processor = maintenanceProcessor([])(deps);
  await expect(processor(job('ping'))).resolves.toMatchObject({ pid: process.pid, workerProcess: false });
});

test('a job no feature declares fails', async () => {
  const processor = maintenanceProcessor([])(deps);
  await expect(processor(job('tidyNothing'))).rejects.toThrow('unknown maintenance job "tidyNothing"');
});
