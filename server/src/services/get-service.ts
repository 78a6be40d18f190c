import type { Core } from '@strapi/strapi';
import type { AudienceSourcesService } from '../features/audience/sources/service';
import type { CampaignsService } from '../features/campaigns/service';
import type { ContactActivityService } from '../features/audience/contacts/activity-service';
import type { ContactBulkService } from '../features/audience/contacts/bulk-service';
import type { ContactExportService } from '../features/audience/contacts/export-service';
import type { ContactsService } from '../features/audience/contacts/service';
import type { DeliveryEventsService } from '../features/sending/delivery-events-service';
import type { ImportsService } from '../features/imports/service';
import type { QueuesService } from '../queue/service';
import type { SegmentsService } from '../features/audience/segments/service';
import type { SendingService } from '../features/sending/service';
import type { SuppressionsService } from '../features/audience/suppressions/service';
import type { TopicsService } from '../features/audience/topics/service';
import type { TrackingService } from '../features/tracking/service';

export interface Services {
  audienceSources: AudienceSourcesService;
  campaigns: CampaignsService;
  contactActivity: ContactActivityService;
  contactBulk: ContactBulkService;
  contactExport: ContactExportService;
  contacts: ContactsService;
  deliveryEvents: DeliveryEventsService;
  imports: ImportsService;
  queues: QueuesService;
  segments: SegmentsService;
  sending: SendingService;
  suppressions: SuppressionsService;
  topics: TopicsService;
  tracking: TrackingService;
}

/** Typed access to this plugin's services (what strapi.plugin('campaigns').service(name) returns). */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('campaigns').service(name) as Services[K];
