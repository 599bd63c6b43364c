import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl, type ColumnSpec } from './ddl.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table: c, index } = ddl(db, dialect);
  const stamps: ColumnSpec[] = [
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ];

  await c('users', [['id', t.id, 'PRIMARY KEY'], ['email', t.shortText, 'NOT NULL'], ['password_hash', t.shortText, 'NOT NULL'], ...stamps]);
  await index('users', ['email'], true);
  await c('sessions', [
    ['id_hash', 'varchar(64)', 'PRIMARY KEY'],
    ['user_id', t.id, 'NOT NULL REFERENCES users(id) ON DELETE CASCADE'],
    ['csrf_token', 'varchar(64)', 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['expires_at', t.timestamp, 'NOT NULL'],
  ]);
  await c('api_tokens', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['token_hash', 'varchar(64)', 'NOT NULL'],
    ['prefix', 'varchar(16)', 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['last_used_at', t.timestamp],
    ['revoked_at', t.timestamp],
  ]);
  await index('api_tokens', ['token_hash'], true);
  await c('login_attempts', [
    ['attempt_key', t.shortText, 'PRIMARY KEY'],
    ['failures', t.integer, 'NOT NULL'],
    ['window_start', t.timestamp, 'NOT NULL'],
    ['locked_until', t.timestamp],
  ]);
  await c('settings', [
    ['setting_key', t.shortText, 'PRIMARY KEY'],
    ['value', t.longText, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);

  await c('custom_fields', [
    ['id', t.id, 'PRIMARY KEY'],
    ['entity', 'varchar(32)', 'NOT NULL'],
    ['name', 'varchar(64)', 'NOT NULL'],
    ['label', t.shortText, 'NOT NULL'],
    ['type', 'varchar(16)', 'NOT NULL'],
    ['options', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('custom_fields', ['entity', 'name'], true);

  await c('companies', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['name_key', t.shortText, 'NOT NULL'],
    ['domain', t.shortText],
    ['industry', t.shortText],
    ['phone', t.shortText],
    ['address', t.shortText],
    ['city', t.shortText],
    ['region', t.shortText],
    ['postcode', t.shortText],
    ['country', t.shortText],
    ['notes', t.longText],
    ...stamps,
  ]);
  await index('companies', ['name_key']);

  // SQLite keeps an explicit integer key so the FTS5 index has a rowid that VACUUM never renumbers.
  const customerKey: ColumnSpec[] =
    dialect === 'sqlite'
      ? [
          ['seq', 'INTEGER', 'PRIMARY KEY'],
          ['id', t.id, 'NOT NULL UNIQUE'],
        ]
      : [['id', t.id, 'PRIMARY KEY']];
  await c('customers', [
    ...customerKey,
    ['first_name', t.shortText],
    ['last_name', t.shortText],
    ['email', t.shortText],
    ['email_key', t.shortText],
    ['emails', t.longText, 'NOT NULL'],
    ['phone', t.shortText],
    ['phones', t.longText, 'NOT NULL'],
    ['company_id', t.id, 'REFERENCES companies(id) ON DELETE SET NULL'],
    ['company', t.shortText],
    ['title', t.shortText],
    ['address', t.shortText],
    ['city', t.shortText],
    ['region', t.shortText],
    ['postcode', t.shortText],
    ['country', t.shortText],
    ['birthday', t.date],
    ['age', t.integer],
    ['income', t.real],
    ['gender', t.shortText],
    ['source', t.shortText],
    ['tags', t.longText, 'NOT NULL'],
    ['notes', t.longText],
    ['consent_email', t.boolean],
    ['consent_email_at', t.timestamp],
    ['consent_email_method', t.shortText],
    ['consent_sms', t.boolean],
    ['consent_sms_at', t.timestamp],
    ['consent_sms_method', t.shortText],
    ['first_order_at', t.timestamp],
    ['last_order_at', t.timestamp],
    ['order_count', t.integer, 'NOT NULL DEFAULT 0'],
    ['revenue', t.real, 'NOT NULL DEFAULT 0'],
    ['average_order_value', t.real],
    ['purchase_frequency', t.real],
    ['last_interaction_at', t.timestamp],
    ['search_text', t.longText, 'NOT NULL'],
    ...stamps,
  ]);
  await index('customers', ['email_key'], true);
  for (const col of ['last_name', 'company_id', 'created_at', 'updated_at', 'last_order_at', 'city', 'country', 'revenue']) {
    await index('customers', [col]);
  }

  // Every key a record is known by outside Rapport: (source, source_id) per entity kind.
  await c(
    'external_ids',
    [
      ['entity', 'varchar(32)', 'NOT NULL'],
      ['source', 'varchar(64)', 'NOT NULL'],
      ['source_id', t.shortText, 'NOT NULL'],
      ['entity_id', t.id, 'NOT NULL'],
      ['created_at', t.timestamp, 'NOT NULL'],
    ],
    ['PRIMARY KEY (entity, source, source_id)'],
  );
  await index('external_ids', ['entity', 'entity_id']);

  // Exact-match keys for duplicate detection: every email and E.164 phone of a customer.
  await c(
    'customer_keys',
    [
      ['kind', 'varchar(16)', 'NOT NULL'],
      ['value', t.shortText, 'NOT NULL'],
      ['customer_id', t.id, 'NOT NULL REFERENCES customers(id) ON DELETE CASCADE'],
    ],
    ['PRIMARY KEY (kind, value, customer_id)'],
  );
  await index('customer_keys', ['customer_id']);

  await c('products', [['id', t.id, 'PRIMARY KEY'], ['sku', t.shortText], ['name', t.shortText, 'NOT NULL'], ['category', t.shortText], ['price', t.real], ...stamps]);
  await index('products', ['sku'], true);

  await c('orders', [
    ['id', t.id, 'PRIMARY KEY'],
    ['customer_id', t.id, 'NOT NULL REFERENCES customers(id) ON DELETE CASCADE'],
    ['ordered_at', t.timestamp, 'NOT NULL'],
    ['status', 'varchar(32)', 'NOT NULL'],
    ['currency', 'varchar(3)', 'NOT NULL'],
    ['total', t.real, 'NOT NULL'],
    ['notes', t.longText],
    ...stamps,
  ]);
  await index('orders', ['customer_id', 'ordered_at']);
  await index('orders', ['ordered_at']);
  await c('order_lines', [
    ['id', t.id, 'PRIMARY KEY'],
    ['order_id', t.id, 'NOT NULL REFERENCES orders(id) ON DELETE CASCADE'],
    ['position', t.integer, 'NOT NULL'],
    ['product_id', t.id, 'REFERENCES products(id) ON DELETE SET NULL'],
    ['sku', t.shortText],
    ['product_name', t.shortText],
    ['quantity', t.real, 'NOT NULL'],
    ['unit_price', t.real, 'NOT NULL'],
  ]);
  await index('order_lines', ['order_id']);
  await index('order_lines', ['product_id']);

  await c('interactions', [
    ['id', t.id, 'PRIMARY KEY'],
    ['type', 'varchar(16)', 'NOT NULL'],
    ['direction', 'varchar(8)'],
    ['occurred_at', t.timestamp, 'NOT NULL'],
    ['subject', t.shortText],
    ['body', t.longText],
    ['customer_id', t.id, 'REFERENCES customers(id) ON DELETE CASCADE'],
    ['company_id', t.id, 'REFERENCES companies(id) ON DELETE SET NULL'],
    ['order_id', t.id, 'REFERENCES orders(id) ON DELETE SET NULL'],
    ['campaign', t.shortText],
    ['channel', t.shortText],
    ['opened', t.boolean],
    ['clicked', t.boolean],
    ['converted', t.boolean],
    ...stamps,
  ]);
  await index('interactions', ['customer_id', 'occurred_at']);
  await index('interactions', ['occurred_at']);
  await index('interactions', ['campaign']);

  await c('tasks', [
    ['id', t.id, 'PRIMARY KEY'],
    ['title', t.shortText, 'NOT NULL'],
    ['due_at', t.timestamp],
    ['done', t.boolean, 'NOT NULL'],
    ['done_at', t.timestamp],
    ['notes', t.longText],
    ['customer_id', t.id, 'REFERENCES customers(id) ON DELETE CASCADE'],
    ['company_id', t.id, 'REFERENCES companies(id) ON DELETE CASCADE'],
    ['order_id', t.id, 'REFERENCES orders(id) ON DELETE CASCADE'],
    ...stamps,
  ]);
  await index('tasks', ['customer_id']);
  await index('tasks', ['done', 'due_at']);

  await c('audit_log', [
    ['id', t.id, 'PRIMARY KEY'],
    ['at', t.timestamp, 'NOT NULL'],
    ['actor', t.shortText, 'NOT NULL'],
    ['action', 'varchar(16)', 'NOT NULL'],
    ['entity', 'varchar(32)', 'NOT NULL'],
    ['entity_id', t.id, 'NOT NULL'],
    ['before_data', t.longText],
    ['after_data', t.longText],
    ['batch_id', t.id],
  ]);
  await index('audit_log', ['entity_id']);
  await index('audit_log', ['at']);
  await index('audit_log', ['batch_id']);

  await c('jobs', [
    ['id', t.id, 'PRIMARY KEY'],
    ['kind', 'varchar(64)', 'NOT NULL'],
    ['payload', t.longText, 'NOT NULL'],
    ['status', 'varchar(16)', 'NOT NULL'],
    ['run_at', t.timestamp, 'NOT NULL'],
    ['attempts', t.integer, 'NOT NULL'],
    ['max_attempts', t.integer, 'NOT NULL'],
    ['locked_by', t.shortText],
    ['locked_until', t.timestamp],
    ['progress', t.longText],
    ['result', t.longText],
    ['error', t.longText],
    ...stamps,
  ]);
  await index('jobs', ['status', 'run_at']);

  await createSearchIndex(db, dialect);
}

/** Full-text search over customers.search_text, which the service fills with normalised words. */
async function createSearchIndex(db: Kysely<any>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    await sql.raw(`CREATE VIRTUAL TABLE customers_fts USING fts5(search_text, content='customers', content_rowid='seq', tokenize='unicode61', prefix='2 3')`).execute(db);
    await sql.raw(`CREATE TRIGGER customers_fts_ai AFTER INSERT ON customers BEGIN INSERT INTO customers_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`).execute(db);
    await sql
      .raw(`CREATE TRIGGER customers_fts_ad AFTER DELETE ON customers BEGIN INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); END`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER customers_fts_au AFTER UPDATE OF search_text ON customers BEGIN INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); INSERT INTO customers_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`,
      )
      .execute(db);
  } else if (dialect === 'postgres') {
    await sql.raw(`ALTER TABLE customers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`).execute(db);
    await sql.raw(`CREATE INDEX customers_search_vector_ix ON customers USING GIN (search_vector)`).execute(db);
  } else {
    // Stopwords off for this index: names and e-mail words such as "com" or "will" must be findable.
    await sql.raw(`SET SESSION innodb_ft_enable_stopword = OFF`).execute(db);
    await sql.raw(`CREATE FULLTEXT INDEX customers_search_ft ON customers (search_text)`).execute(db);
  }
}
