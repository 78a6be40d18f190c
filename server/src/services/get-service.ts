import type { Core } from '@strapi/strapi';
import type { AudienceSourcesService } from './audience-sources';
import type { CampaignsService } from './campaigns';
import type { ContactActivityService } from './contact-activity';
import type { ContactBulkService } from './contact-bulk';
import type { ContactExportService } from './contact-export';
import type { ContactsService } from './contacts';
import type { DeliveryEventsService } from './delivery-events';
import type { ImportsService } from './imports';
import type { QueuesService } from './queues';
import type { SegmentsService } from './segments';
import type { SendingService } from './sending';
import type { SuppressionsService } from './suppressions';
import type { TopicsService } from './topics';
import type { TrackingService } from './tracking';

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
