import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../components/layout/NotFoundPage';
import { PluginNav } from '../components/layout/PluginNav';
import { PERMISSIONS } from '../permissions';
import { CalendarPage } from './campaigns/CalendarPage';
import { CampaignEditPage } from './campaigns/CampaignEditPage';
import { CampaignsPage } from './CampaignsPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { ContactDetailPage } from './contacts/ContactDetailPage';
import { ContactsPage } from './contacts/ContactsPage';
import { ImportPage } from './imports/ImportPage';
import { InboundNoticePage } from './inbound/InboundNoticePage';
import { InboundPage } from './inbound/InboundPage';
import { ImportsPage } from './imports/ImportsPage';
import { NewImportPage } from './imports/NewImportPage';
import { RepliesPage } from './replies/RepliesPage';
import { ReplyPage } from './replies/ReplyPage';
import { SegmentEditPage } from './SegmentEditPage';
import { SegmentsPage } from './SegmentsPage';
import { SettingsPage } from './settings/SettingsPage';
import { SuppressionsPage } from './suppressions/SuppressionsPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { TopicsPage } from './topics/TopicsPage';

export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Layouts.Root sideNav={<PluginNav />}>
      <Routes>
        <Route index element={<CampaignsPage />} />
        <Route path="campaigns/:documentId" element={<CampaignEditPage />} />
        <Route path="templates" element={<TemplatesPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/:documentId" element={<ContactDetailPage />} />
        <Route path="segments" element={<SegmentsPage />} />
        <Route path="segments/:documentId" element={<SegmentEditPage />} />
        <Route path="topics" element={<TopicsPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="imports/new" element={<NewImportPage />} />
        <Route path="imports/:id" element={<ImportPage />} />
        <Route path="inbound" element={<InboundPage />} />
        <Route path="inbound/:id" element={<InboundNoticePage />} />
        <Route path="replies" element={<RepliesPage />} />
        <Route path="replies/:id" element={<ReplyPage />} />
        <Route path="suppressions" element={<SuppressionsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layouts.Root>
  </Page.Protect>
);
