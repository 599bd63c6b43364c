import type { ComponentType } from 'react';
import type { IconName } from './components/Icon';
import type { Params } from './lib/router';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { DashboardPage } from './pages/DashboardPage';
import { SettingsPage } from './pages/SettingsPage';

/**
 * Every page of the signed-in app. Adding a page is one entry here: a path pattern, the component
 * (it receives the path parameters) and, for top-level pages, a navigation label and icon.
 */
export interface RouteDef {
  path: string;
  component: ComponentType<{ params: Params }>;
  nav?: { label: string; icon: IconName };
}

export const routes: RouteDef[] = [
  { path: '/', component: DashboardPage, nav: { label: 'Dashboard', icon: 'home' } },
  { path: '/customers', component: CustomersPage, nav: { label: 'Customers', icon: 'users' } },
  { path: '/customers/:id', component: CustomerPage },
  { path: '/settings', component: SettingsPage, nav: { label: 'Settings', icon: 'settings' } },
];
