import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const PLAYGROUND = path.join(ROOT, 'playground');
export const PLAYGROUND_DIST = path.join(PLAYGROUND, 'dist');
export const REPORTS = path.join(ROOT, 'reports');
export const INTEGRATION = path.join(ROOT, 'tests', 'integration');
export const E2E = path.join(ROOT, 'tests', 'e2e');
