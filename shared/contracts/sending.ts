/** The send flow's admin API shapes, used by the server controllers and the admin pages. */
import type { CampaignPauseReason, CampaignState } from './campaigns';

/** A sender the site configured (`sending.senders`); a campaign's from address must be one of them. */
export interface Sender {
  email: string;
  name: string | null;
}

/** Where one campaign's sending stands: every targeted contact is in exactly one of the counted states. */
export interface SendProgress {
  documentId: string;
  state: CampaignState;
  /** Deliveries created so far (the dispatch may still be adding some while `dispatching`). */
  targeted: number;
  /** True while the dispatch still pages the segment; the counts only grow until it is done. */
  dispatching: boolean;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  suppressed: number;
  unknown: number;
  cancelled: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why the system paused it (the rate guard, a template that stopped rendering); null when it did not. */
  pauseReason: CampaignPauseReason | null;
}

/** POST /campaigns/:documentId/preview: unsaved fields override the stored ones. */
export interface PreviewRequest {
  content?: string | null;
  subject?: string | null;
  preheader?: string | null;
  plainText?: string | null;
  /** documentId of the contact to render as; a sample contact when absent. */
  contact?: string | null;
}

export interface PreviewResponse {
  subject: string;
  html: string;
  text: string;
  /** Who it was rendered for. */
  contact: { documentId: string | null; email: string };
}

/** POST /campaigns/:documentId/test: sends the campaign as it is now to these addresses (at most 10). */
export interface SendTestRequest {
  emails: string[];
  contact?: string | null;
}

export interface SendTestResponse {
  sent: string[];
}

/** GET /campaigns/campaigns/senders */
export declare namespace GetSenders {
  interface Response {
    data: Sender[];
  }
}

/** GET /campaigns/campaigns/:documentId/progress */
export declare namespace GetSendProgress {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: SendProgress;
  }
}

/** POST /campaigns/campaigns/:documentId/{send,pause,resume,cancel}: answers the progress after the move. */
export declare namespace RunSendAction {
  interface Request {
    params: { documentId: string; action: 'send' | 'pause' | 'resume' | 'cancel' };
  }
  interface Response {
    data: SendProgress;
  }
}

/** POST /campaigns/campaigns/:documentId/preview */
export declare namespace PreviewCampaign {
  interface Request {
    params: { documentId: string };
    body: { data: PreviewRequest };
  }
  interface Response {
    data: PreviewResponse;
  }
}

/** POST /campaigns/campaigns/:documentId/test */
export declare namespace SendTest {
  interface Request {
    params: { documentId: string };
    body: { data: SendTestRequest };
  }
  interface Response {
    data: SendTestResponse;
  }
}
