-- Hardening: a cost rate below 0.5 keeps every path positive (turnover is at most 2, so a rebalance
-- costs less than the whole value). NOT VALID: rows written before keep loading; the application refuses
-- to run a rule outside the bound, and no new or edited row can break it.
ALTER TABLE foresto.rebalancing_rule
    ADD CONSTRAINT ck_rebalancing_rule_cost_rate_bound CHECK (cost_rate < 0.5) NOT VALID;
