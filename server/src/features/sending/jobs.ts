/** Jobs of the dispatch and send queues. */
export interface DispatchJobs {
  /** Pages the campaign's frozen audience from its cursor, creating deliveries and send jobs. */
  dispatch: { campaignId: number };
}

export interface SendJobs {
  /** Sends these deliveries of one campaign (a dispatch page's batch, or one delivery's retry). */
  batch: { campaignId: number; deliveryIds: number[] };
}
