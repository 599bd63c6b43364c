import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { CustomFieldType } from '../fields/custom-fields.js';
import { table } from './users.js';
import { withDatabase } from './support.js';

const customFields = () => import('../fields/custom-fields.js');

export function registerFields(program: Command) {
  const field = program.command('field').description('custom fields on customers');
  field
    .command('add')
    .description('add a custom field (a real, indexed column)')
    .argument('<name>', 'field name: a-z, 0-9 and _, starting with a letter')
    .requiredOption('--type <type>', 'one of number, text, date, boolean, select')
    .option('--options <list>', 'comma-separated choices for a select field')
    .option('--label <label>', 'label shown in the app (default: from the name)')
    .action(async (name: string, opts: { type: string; options?: string; label?: string }) => {
      const created = await withDatabase(async (_ctx, database) =>
        (await customFields()).addCustomField(database, {
          name,
          type: opts.type as CustomFieldType,
          label: opts.label,
          options: opts.options
            ?.split(',')
            .map((o) => o.trim())
            .filter(Boolean),
        }),
      );
      console.log(`Added ${created.type} field ${created.name} ("${created.label}") to customers.`);
    });
  field
    .command('remove')
    .description('remove a custom field and every value it holds')
    .argument('<name>', 'field name')
    .option('--yes', 'confirm that the values are to be deleted')
    .action(async (name: string, opts: { yes?: boolean }) => {
      if (!opts.yes) throw new AppError('invalid_input', `removing ${name} deletes its value on every customer; run again with --yes to confirm`);
      const removed = await withDatabase(async (_ctx, database) => (await customFields()).removeCustomField(database, name));
      console.log(`Removed field ${removed.name} and its values from customers.`);
    });
  field
    .command('list')
    .description('list custom fields')
    .action(async () => {
      const fields = await withDatabase(async (_ctx, database) => (await customFields()).listCustomFields(database.db));
      if (fields.length === 0) {
        console.log('No custom fields.');
        return;
      }
      console.log(
        table(
          ['ENTITY', 'NAME', 'TYPE', 'LABEL', 'OPTIONS'],
          fields.map((f) => [f.entity, f.name, f.type, f.label, f.options?.join(', ') ?? '']),
        ),
      );
    });
}
