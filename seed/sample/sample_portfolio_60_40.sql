-- The 60/40 sample portfolio that goes with the bundled US monthly 1926–2009 dataset (equity 60 %, bonds 40 %).
-- Added when absent, never changed: re-running it, on a new or an existing data directory, leaves an existing
-- portfolio of this name (and its weights, even if edited) exactly as it is.
BEGIN;
SET search_path TO foresto;

INSERT INTO portfolio (name, description) VALUES
    ('Classic 60/40', 'Equity 60 %, bonds 40 % (the Vanguard 2010 rebalancing study''s portfolio; '
        || 'try it on the US stocks and 10-year Treasuries monthly 1926–2009 dataset)')
ON CONFLICT (name) DO NOTHING;

INSERT INTO portfolio_weight (portfolio_id, asset_class_code, weight)
SELECT p.portfolio_id, w.code, w.weight
  FROM portfolio p
  JOIN (VALUES ('EQUITY', 0.6), ('BOND', 0.4)) AS w (code, weight) ON TRUE
 WHERE p.name = 'Classic 60/40'
   AND NOT EXISTS (SELECT 1 FROM portfolio_weight x WHERE x.portfolio_id = p.portfolio_id);

COMMIT;
