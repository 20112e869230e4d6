-- Cash flows (SEMANTICS §13): a run with a flow schedule keeps every flow it booked, per side, keyed by run and
-- date: the signed amount F (negative for a withdrawal) and the amount bought (> 0) or sold (< 0) of each class.
-- The side's totals (contributed, withdrawn, net flow, depletion date, TWR total and CAGR, MWR) are kept with the
-- run; null for a run without a schedule (every run stored before this migration).
CREATE TABLE foresto.run_cash_flow (
    simulation_run_id BIGINT           NOT NULL REFERENCES foresto.simulation_run (simulation_run_id) ON DELETE CASCADE,
    side              VARCHAR(3)       NOT NULL CONSTRAINT ck_run_cash_flow_side CHECK (side IN ('OFF', 'ON')),
    flow_date         DATE             NOT NULL,
    amount            DOUBLE PRECISION NOT NULL,
    trades            JSONB            NOT NULL CONSTRAINT ck_run_cash_flow_trades CHECK (jsonb_typeof(trades) = 'object'),
    CONSTRAINT pk_run_cash_flow PRIMARY KEY (simulation_run_id, side, flow_date)
);

ALTER TABLE foresto.simulation_run ADD COLUMN cash_flow_totals JSONB
    CONSTRAINT ck_simulation_run_cash_flow_totals CHECK (cash_flow_totals IS NULL OR jsonb_typeof(cash_flow_totals) = 'object');
