// Scaffold for parallel work on issue 13: the classifier helper replaces this file.
import type { ClassifyLimits, InboundClassification } from './classification';

export * from './classification';

export const classifyInboundMessage = async (raw: Buffer | string, limits?: Partial<ClassifyLimits>): Promise<InboundClassification> => {
  void raw;
  void limits;
  throw new Error('campaigns: the inbound classifier is not built yet');
};
