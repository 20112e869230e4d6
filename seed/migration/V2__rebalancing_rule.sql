-- Phase 2 (Epic B): rebalancing rules. CHECK constraints encode SEMANTICS §6, so the database itself
-- rejects an invalid rule whatever writes it.
CREATE TABLE foresto.rebalancing_rule (
    rule_id         BIGSERIAL     PRIMARY KEY,
    rule_name       VARCHAR(100)  NOT NULL CHECK (length(btrim(rule_name)) > 0),
    rule_type       VARCHAR(16)   NOT NULL CHECK (rule_type IN ('PERIODIC', 'DRIFT')),
    frequency       VARCHAR(16)   CHECK (frequency IN ('MONTHLY', 'QUARTERLY')),
    base_day_policy VARCHAR(32)   NOT NULL DEFAULT 'FIRST_TRADING_DAY'
                                  CHECK (base_day_policy IN ('FIRST_TRADING_DAY', 'LAST_TRADING_DAY')),
    drift_threshold NUMERIC(12, 8),
    cost_rate       NUMERIC(12, 8) NOT NULL DEFAULT 0 CHECK (cost_rate >= 0 AND cost_rate < 1),
    effective_from  DATE          NOT NULL DEFAULT CURRENT_DATE,
    effective_to    DATE,
    is_active       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_rebalancing_rule_periodic
        CHECK (rule_type <> 'PERIODIC' OR (frequency IS NOT NULL AND drift_threshold IS NULL)),
    CONSTRAINT ck_rebalancing_rule_drift
        CHECK (rule_type <> 'DRIFT' OR (frequency IS NULL AND drift_threshold > 0 AND drift_threshold < 1)),
    CONSTRAINT ck_rebalancing_rule_effective
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
