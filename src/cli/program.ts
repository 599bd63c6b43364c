import '../derived-data.js';
import { Command } from 'commander';
import { registerCustomers } from './customers.js';
import { registerData } from './data.js';
import { registerDeals } from './deals.js';
import { registerFields } from './fields.js';
import { registerDuplicates, registerImports } from './imports.js';
import { registerInsights } from './insights.js';
import { registerQuotes } from './quotes.js';
import { registerServe } from './serve.js';
import { registerToday } from './today.js';
import { registerUsers } from './users.js';

/** The `rapport` command line: every command is a thin call into a domain service. */
export function buildProgram(): Command {
  const program = new Command('rapport').description('Rapport, the self-hosted CRM for one-person companies.\nUses RAPPORT_DATA_DIR (SQLite) or DATABASE_URL, like the server.').configureOutput({
    outputError: (text, write) => write(`rapport: ${text.replace(/^error:\s*/, '').trim()}\n`),
  });
  program.showHelpAfterError(false);
  registerServe(program);
  registerUsers(program);
  registerFields(program);
  registerData(program);
  registerCustomers(program);
  registerDeals(program);
  registerQuotes(program);
  registerToday(program);
  registerImports(program);
  registerDuplicates(program);
  registerInsights(program);
  return program;
}
