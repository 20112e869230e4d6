-- What the schema was last migrated with: the SHA-256 of the migration files (their names and bytes, in order),
-- written by the app after Flyway migrated successfully. A start whose migration files have the same fingerprint,
-- and whose Flyway history has no failed migration, skips Flyway's scan and validation (~0.5 s of a desktop
-- start); any other start runs Flyway as before. One row.
CREATE TABLE schema_state (
    id                boolean     PRIMARY KEY DEFAULT true CHECK (id),
    migrations_sha256 text        NOT NULL CHECK (migrations_sha256 ~ '^[0-9a-f]{64}$'),
    recorded_at       timestamptz NOT NULL DEFAULT now()
);
