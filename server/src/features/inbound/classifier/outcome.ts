import type { BounceReason, InboundClassification } from './classification';

/** What one way of reading a message concluded; classifyInboundMessage fills in the rest. */
export type Outcome = Pick<InboundClassification, 'kind' | 'recipients' | 'details' | 'feedbackType'> & { reason?: BounceReason | null };
