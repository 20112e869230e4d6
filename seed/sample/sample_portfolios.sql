-- Sample model portfolios over the five asset classes (idempotent: re-running updates them in place).
BEGIN;
SET search_path TO foresto;

INSERT INTO portfolio (name, description) VALUES
    ('Balanced 60/30/10', 'Equity 60 %, bonds 30 %, short-term 10 %'),
    ('Conservative 30/50/20', 'Equity 30 %, bonds 50 %, short-term 20 %'),
    ('Growth 80/20', 'Equity 80 %, bonds 20 %'),
    ('All-weather 5 classes', 'Equity 30 %, bonds 40 %, short-term 10 %, gold 15 %, other 5 %'),
    ('Permanent portfolio', 'Equity, bonds, short-term and gold, 25 % each')
ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description;

DELETE FROM portfolio_weight
 WHERE portfolio_id IN (SELECT portfolio_id FROM portfolio WHERE name IN (
     'Balanced 60/30/10', 'Conservative 30/50/20', 'Growth 80/20', 'All-weather 5 classes', 'Permanent portfolio'));

INSERT INTO portfolio_weight (portfolio_id, asset_class_code, weight)
SELECT p.portfolio_id, w.code, w.weight
  FROM portfolio p
  JOIN (VALUES
      ('Balanced 60/30/10', 'EQUITY', 0.6), ('Balanced 60/30/10', 'BOND', 0.3), ('Balanced 60/30/10', 'SHORT_TERM', 0.1),
      ('Conservative 30/50/20', 'EQUITY', 0.3), ('Conservative 30/50/20', 'BOND', 0.5), ('Conservative 30/50/20', 'SHORT_TERM', 0.2),
      ('Growth 80/20', 'EQUITY', 0.8), ('Growth 80/20', 'BOND', 0.2),
      ('All-weather 5 classes', 'EQUITY', 0.3), ('All-weather 5 classes', 'BOND', 0.4), ('All-weather 5 classes', 'SHORT_TERM', 0.1),
      ('All-weather 5 classes', 'GOLD', 0.15), ('All-weather 5 classes', 'OTHER', 0.05),
      ('Permanent portfolio', 'EQUITY', 0.25), ('Permanent portfolio', 'BOND', 0.25), ('Permanent portfolio', 'SHORT_TERM', 0.25),
      ('Permanent portfolio', 'GOLD', 0.25)
  ) AS w (name, code, weight) ON w.name = p.name;

COMMIT;
