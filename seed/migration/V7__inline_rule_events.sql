-- Runs may use an inline rule (API / CLI rule parameters without a stored rule): their events name no
-- rule row; the rule is part of the run's canonical request instead.
ALTER TABLE foresto.rebalancing_event ALTER COLUMN rule_id DROP NOT NULL;
