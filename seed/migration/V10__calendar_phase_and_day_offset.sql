-- Calendar phase and day offset (SEMANTICS §12.1): a rule's calendar (a PERIODIC rule's periods, a DRIFT rule's
-- check calendar) may start its periods p months later and fire on the (k+1)-th first or last date of each period.
-- Defaults (0, 0) reproduce every existing rule exactly; earlier migrations and the seed SQL are untouched.
ALTER TABLE foresto.rebalancing_rule
    ADD COLUMN phase      SMALLINT NOT NULL DEFAULT 0
        CONSTRAINT ck_rebalancing_rule_phase CHECK (phase >= 0 AND phase < 12),
    ADD COLUMN day_offset SMALLINT NOT NULL DEFAULT 0
        CONSTRAINT ck_rebalancing_rule_day_offset CHECK (day_offset >= 0 AND day_offset <= 20);

-- the phase is below the months per period of the rule's calendar (MONTHLY 1, QUARTERLY 3, SEMIANNUAL 6, ANNUAL 12)
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_phase_period
    CHECK (phase < CASE CASE WHEN rule_type = 'DRIFT' THEN check_frequency ELSE frequency END
                       WHEN 'QUARTERLY' THEN 3 WHEN 'SEMIANNUAL' THEN 6 WHEN 'ANNUAL' THEN 12 ELSE 1 END);

-- a DRIFT rule checked DAILY has no calendar to shift
ALTER TABLE foresto.rebalancing_rule ADD CONSTRAINT ck_rebalancing_rule_shift_needs_calendar
    CHECK (rule_type <> 'DRIFT' OR check_frequency <> 'DAILY' OR (phase = 0 AND day_offset = 0));
