-- P2-B7: one row per rebalance of a stored run. Weights JSON: objects keyed by the standard asset-class
-- codes. Numbers are NUMERIC written from the double's shortest round-trip decimal, so they read back exactly.
CREATE TABLE foresto.rebalancing_event (
    rebalancing_event_id BIGSERIAL   PRIMARY KEY,
    simulation_run_id    BIGINT      NOT NULL REFERENCES foresto.simulation_run (simulation_run_id) ON DELETE CASCADE,
    rule_id              BIGINT      NOT NULL REFERENCES foresto.rebalancing_rule (rule_id),
    event_date           DATE        NOT NULL,
    trigger_type         VARCHAR(16) NOT NULL CHECK (trigger_type IN ('PERIODIC', 'DRIFT')),
    trigger_detail       JSONB       NOT NULL,
    before_weights       JSONB       NOT NULL CHECK (jsonb_typeof(before_weights) = 'object'),
    after_weights        JSONB       NOT NULL CHECK (jsonb_typeof(after_weights) = 'object'),
    turnover             NUMERIC     NOT NULL CHECK (turnover >= 0),
    cost_rate            NUMERIC     NOT NULL CHECK (cost_rate >= 0 AND cost_rate < 1),
    cost_amount          NUMERIC     NOT NULL CHECK (cost_amount >= 0),
    value_before         NUMERIC     NOT NULL,
    value_after          NUMERIC     NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_rebalancing_event_run_date ON foresto.rebalancing_event (simulation_run_id, event_date);
CREATE INDEX ix_rebalancing_event_rule ON foresto.rebalancing_event (rule_id);
