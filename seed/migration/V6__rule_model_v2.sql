-- Rule model v2 (SEMANTICS §10): longer calendar periods, band kinds, check calendars, partial trades.
-- Defaults reproduce the seed's rules exactly; the seed SQL and the Phase 1 tables are untouched.
ALTER TABLE foresto.rebalancing_rule DROP CONSTRAINT rebalancing_rule_frequency_check;
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_frequency
    CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'));

ALTER TABLE foresto.rebalancing_rule
    ADD COLUMN drift_band      VARCHAR(16)    NOT NULL DEFAULT 'ABSOLUTE'
        CONSTRAINT ck_rebalancing_rule_drift_band CHECK (drift_band IN ('ABSOLUTE', 'RELATIVE', 'HYBRID')),
    ADD COLUMN band_rho        NUMERIC(12, 8)
        CONSTRAINT ck_rebalancing_rule_band_rho CHECK (band_rho > 0 AND band_rho <= 1),
    ADD COLUMN check_frequency VARCHAR(16)    NOT NULL DEFAULT 'DAILY'
        CONSTRAINT ck_rebalancing_rule_check_frequency
        CHECK (check_frequency IN ('DAILY', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL')),
    ADD COLUMN rebalance_to    NUMERIC(12, 8) NOT NULL DEFAULT 0
        CONSTRAINT ck_rebalancing_rule_rebalance_to CHECK (rebalance_to >= 0 AND rebalance_to < 1);

-- a DRIFT rule's threshold: required for ABSOLUTE and HYBRID bands, absent for RELATIVE ones
ALTER TABLE foresto.rebalancing_rule DROP CONSTRAINT ck_rebalancing_rule_drift;
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_drift
    CHECK (rule_type <> 'DRIFT' OR (frequency IS NULL AND (
        (drift_band = 'RELATIVE' AND drift_threshold IS NULL)
        OR (drift_band <> 'RELATIVE' AND drift_threshold IS NOT NULL AND drift_threshold > 0 AND drift_threshold < 1))));

-- consistency: ρ exactly for RELATIVE/HYBRID; bands, check calendars and partial trades only for DRIFT
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_rho_kind
    CHECK ((drift_band = 'ABSOLUTE') = (band_rho IS NULL));
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_v2_drift_only
    CHECK (rule_type = 'DRIFT' OR (drift_band = 'ABSOLUTE' AND check_frequency = 'DAILY' AND rebalance_to = 0));
