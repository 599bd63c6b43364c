import type { Config } from '../core/config.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import type { Principal } from '../auth/service.js';

export interface AppDeps {
  database: Database;
  config: Config;
}

export type AppEnv = { Variables: { principal: Principal; ctx: Ctx } };
