import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.js';
import type { OrganisationKind } from './enums.js';

export const organisations = pgTable(
  'organisations',
  {
    id: idColumn(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    /** 法人番号, 13 digits; unique when present. */
    corporateNumber: text('corporate_number').unique('organisations_corporate_number_key'),
    postalCode: text('postal_code'),
    address: text('address'),
    prefecture: text('prefecture'),
    representativeName: text('representative_name'),
    phone: text('phone'),
    email: text('email'),
    ...timestamps(),
  },
  (t) => [index('organisations_kind_idx').on(t.kind)],
);

export const establishments = pgTable(
  'establishments',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    postalCode: text('postal_code'),
    address: text('address'),
    prefecture: text('prefecture'),
    jsicCodes: text('jsic_codes').array().notNull().default([]),
    operating: boolean('operating').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('establishments_organisation_id_idx').on(t.organisationId)],
);
