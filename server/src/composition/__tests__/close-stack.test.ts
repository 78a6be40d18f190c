import { createCloseStack } from '../close-stack';

describe('close stack', () => {
  it('closes in the reverse order of opening, each once', async () => {
    const closed: string[] = [];
    const stack = createCloseStack(() => undefined);
    for (const name of ['redis', 'queues', 'transport', 'workers']) stack.push(name, () => void closed.push(name));
    await stack.closeAll();
    await stack.closeAll();
    expect(closed).toEqual(['workers', 'transport', 'queues', 'redis']);
  });

  it('goes on past a close that fails, and says which', async () => {
    const closed: string[] = [];
    const reports: string[] = [];
    const stack = createCloseStack((message) => reports.push(message));
    stack.push('redis', () => void closed.push('redis'));
    stack.push('queues', async () => {
      throw new Error('connection reset');
    });
    await stack.closeAll();
    expect(closed).toEqual(['redis']);
    expect(reports).toEqual(['campaigns: closing queues failed: connection reset']);
  });
});
