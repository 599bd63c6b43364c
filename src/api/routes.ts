import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerInsightRoutes } from '../insights/routes.js';
import { registerReportRoutes } from '../reports/routes.js';
import { registerImportRoutes } from '../imports/routes.js';
import { registerMailRoutes } from '../mail/routes.js';
import { registerDuplicateRoutes } from '../duplicates/routes.js';
import { registerExportRoutes } from '../exports/routes.js';
import { registerBackupRoutes } from '../backup/routes.js';
import { registerEventRoutes } from '../events/routes.js';
import { registerJobRoutes } from '../jobs/routes.js';
import { registerSettingsRoutes } from '../settings/routes.js';
import { registerDemoRoutes } from '../demo/routes.js';
import { registerDealRoutes } from '../deals/routes.js';
import { registerCustomer360Routes } from '../customer360/routes.js';
import { registerCompanyRoutes, registerCustomerRoutes } from '../customers/routes.js';
import { registerOrderRoutes, registerProductRoutes } from '../sales/routes.js';
import { registerInteractionRoutes, registerTaskRoutes } from '../activities/routes.js';
import { registerFieldRoutes } from '../fields/routes.js';
import { registerAuditRoutes } from '../audit/routes.js';
import { registerQuoteRoutes } from '../quotes/routes.js';
import { registerFormRoutes } from '../forms/routes.js';
import type { AppEnv } from '../http/env.js';

/** Mounts each domain's routes on the app (the order matters where paths overlap). */
export function registerDomainRoutes(app: OpenAPIHono<AppEnv>) {
  registerInsightRoutes(app);
  registerReportRoutes(app);
  registerImportRoutes(app);
  registerDuplicateRoutes(app);
  registerExportRoutes(app);
  registerBackupRoutes(app);
  registerEventRoutes(app);
  registerMailRoutes(app);
  registerJobRoutes(app);
  registerSettingsRoutes(app);
  registerDemoRoutes(app);
  registerDealRoutes(app);
  registerCustomerRoutes(app);
  registerCustomer360Routes(app);
  registerCompanyRoutes(app);
  registerProductRoutes(app);
  registerInteractionRoutes(app);
  registerTaskRoutes(app);
  registerOrderRoutes(app);
  registerFieldRoutes(app);
  registerAuditRoutes(app);
  registerQuoteRoutes(app);
}
  registerFormRoutes(app);
