-- The stored paths are already deflated by the application (StoredPaths, format version 1): PostgreSQL's own
-- TOAST compression (pglz) only spends time on them. EXTERNAL keeps them out of line, uncompressed.
-- Affects rows written from now on; existing rows read back unchanged.
ALTER TABLE simulation_run ALTER COLUMN paths SET STORAGE EXTERNAL;
