-- P2-B1: the seed SQL upserts ON CONFLICT (rule_name), which needs a unique index on rule_name.
CREATE UNIQUE INDEX IF NOT EXISTS ux_rebalancing_rule_name
    ON foresto.rebalancing_rule (rule_name);
