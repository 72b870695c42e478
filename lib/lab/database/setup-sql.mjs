/**
 * The lab's own objects in every database: `now()` and friends that follow the virtual clock, and a
 * `gen_random_uuid()` drawn from the seeded `random()`, in the schema `lab_clock` (the search path
 * puts it before pg_catalog). Plain JavaScript because the snapshot generator
 * (lib/lab/snapshot/data-dir.mjs) bakes it into the build's data directory too, so a database
 * loaded from the snapshot skips it; `LabDatabase.create()` runs it on any other.
 *
 * The schema's comment is a hash of this SQL: a data directory whose comment matches already holds
 * exactly these objects.
 */
const OBJECTS_SQL = `
CREATE SCHEMA IF NOT EXISTS lab_clock;
CREATE OR REPLACE FUNCTION lab_clock.now() RETURNS timestamptz LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('lab.now', true), ''), '2026-01-01T00:00:00Z')::timestamptz $$;
CREATE OR REPLACE FUNCTION lab_clock.transaction_timestamp() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.statement_timestamp() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.gen_random_uuid() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') || lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') ||
          lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') || lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0'))::uuid $$;
`

/** FNV-1a, 32 bits: enough to tell one version of the SQL above from another. */
function fnv1a(text) {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** What marks a database that holds exactly these objects (the comment on `lab_clock`). */
export const LAB_SETUP_ID = `lab-setup-${fnv1a(OBJECTS_SQL)}`

/** Creates the lab's objects and marks the database as holding them. */
export const LAB_SETUP_SQL = `${OBJECTS_SQL}COMMENT ON SCHEMA lab_clock IS '${LAB_SETUP_ID}';\n`

/** Selects `setup`: LAB_SETUP_ID when the database already holds the objects, otherwise something else. */
export const LAB_SETUP_CHECK_SQL = `SELECT coalesce(obj_description(to_regnamespace('lab_clock')::oid, 'pg_namespace'), '') AS setup;`
