import type { ComponentType } from 'react';
import type { IconName } from './components/Icon';
import type { Params } from './lib/router';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { DashboardPage } from './pages/DashboardPage';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { ImportPage } from './pages/ImportPage';
import { InsightsPage } from './pages/InsightsPage';
import { SegmentPage, SegmentsPage } from './pages/SegmentsPage';
import { SettingsPage } from './pages/SettingsPage';
import { ContractsPage } from './contracts/ContractsPage';
import { RemindersPage } from './tasks/RemindersPage';
import { RemindersBadge } from './tasks/RemindersBadge';
import { BoardPage } from './deals/BoardPage';
import { TodayPage } from './today/TodayPage';
import { FormsPage } from './forms/FormsPage';
import { DealPage } from './deals/DealPage';
import { DealsListPage } from './deals/DealsListPage';
import { EditPipelinePage, NewPipelinePage } from './deals/PipelineEditorPage';
import { QuotesListPage } from './quotes/QuotesListPage';
import { NewQuotePage, QuotePage } from './quotes/QuotePage';
import { LoyaltyPage } from './loyalty/LoyaltyPage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { CampaignPage } from './campaigns/CampaignPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { FlowPage } from './flows/FlowPage';
import { FlowsPage } from './flows/FlowsPage';
import { ChatPage } from './chat/ChatPage';
import { SurveysPage } from './surveys/SurveysPage';
import { SmsPage } from './sms/SmsPage';
import { MessagePage, MessagesPage } from './mail/MessagesPage';
import { InboxPage } from './tickets/InboxPage';
import { TicketPage } from './tickets/TicketPage';
import { SupportSettingsPage } from './tickets/SupportSettingsPage';

/**
 * Every page of the signed-in app. Adding a page is one entry here: a path pattern, the component
 * (it receives the path parameters) and, for top-level pages, a navigation label and icon.
 */
export interface RouteDef {
  path: string;
  component: ComponentType<{ params: Params }>;
  nav?: {
    label: string;
    icon: IconName;
    /** The group of the navigation it is listed in (none: the top group). */ section?: NavSection;
    /** Shown after the label (a count). */ badge?: ComponentType;
  };
}

/** The groups of the main navigation, in the order they are shown after the ungrouped pages. */
export const navSections = ['Sales', 'Service', 'Marketing', 'Data'] as const;
type NavSection = (typeof navSections)[number];

export const routes: RouteDef[] = [
  { path: '/', component: DashboardPage, nav: { label: 'Dashboard', icon: 'home' } },
  { path: '/today', component: TodayPage, nav: { label: 'Today', icon: 'check' } },
  { path: '/forms', component: FormsPage, nav: { label: 'Lead forms', icon: 'file', section: 'Sales' } },
  { path: '/customers', component: CustomersPage, nav: { label: 'Customers', icon: 'users' } },
  { path: '/customers/:id', component: CustomerPage },
  { path: '/deals', component: BoardPage, nav: { label: 'Deals', icon: 'chart', section: 'Sales' } },
  { path: '/deals/list', component: DealsListPage },
  { path: '/deals/:id', component: DealPage },
  { path: '/deals/pipelines/new', component: NewPipelinePage },
  { path: '/deals/pipelines/:id', component: EditPipelinePage },
  { path: '/quotes', component: QuotesListPage, nav: { label: 'Quotes', icon: 'file', section: 'Sales' } },
  { path: '/quotes/:id', component: QuotePage },
  { path: '/customers/:id/quotes/new', component: NewQuotePage },
  { path: '/loyalty', component: LoyaltyPage, nav: { label: 'Loyalty', icon: 'tag', section: 'Marketing' } },
  { path: '/campaigns', component: CampaignsPage, nav: { label: 'Campaigns', icon: 'note', section: 'Marketing' } },
  { path: '/campaigns/:id', component: CampaignPage },
  { path: '/templates', component: TemplatesPage, nav: { label: 'Email templates', icon: 'file', section: 'Marketing' } },
  { path: '/flows', component: FlowsPage, nav: { label: 'Flows', icon: 'spark', section: 'Marketing' } },
  { path: '/flows/:id', component: FlowPage },
  { path: '/tickets', component: InboxPage, nav: { label: 'Inbox', icon: 'mail', section: 'Service' } },
  { path: '/tickets/settings', component: SupportSettingsPage },
  { path: '/tickets/:id', component: TicketPage },
  { path: '/chat', component: ChatPage, nav: { label: 'Live chat', icon: 'note', section: 'Service' } },
  { path: '/feedback', component: SurveysPage, nav: { label: 'Feedback', icon: 'chart', section: 'Service' } },
  { path: '/sms', component: SmsPage, nav: { label: 'SMS', icon: 'phone', section: 'Marketing' } },
  { path: '/mail/messages', component: MessagesPage, nav: { label: 'Sent email', icon: 'mail', section: 'Marketing' } },
  { path: '/mail/messages/:id', component: MessagePage },
  { path: '/contracts', component: ContractsPage, nav: { label: 'Contracts', icon: 'file', section: 'Sales' } },
  { path: '/reminders', component: RemindersPage, nav: { label: 'Reminders', icon: 'task', badge: RemindersBadge } },
  { path: '/segments', component: SegmentsPage, nav: { label: 'Segments', icon: 'layers', section: 'Data' } },
  { path: '/segments/:id', component: SegmentPage },
  { path: '/insights', component: InsightsPage, nav: { label: 'Insights', icon: 'spark', section: 'Data' } },
  { path: '/import', component: ImportPage, nav: { label: 'Import', icon: 'upload', section: 'Data' } },
  { path: '/duplicates', component: DuplicatesPage, nav: { label: 'Duplicates', icon: 'merge', section: 'Data' } },
  { path: '/settings', component: SettingsPage, nav: { label: 'Settings', icon: 'settings', section: 'Data' } },
];
