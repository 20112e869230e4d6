-- Portfolios an analyst enters themselves can be deactivated: hidden from the pickers and from `portfolio list`'s
-- active set, but kept (stored runs and studies still reference them by id).
ALTER TABLE foresto.portfolio ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT true;
