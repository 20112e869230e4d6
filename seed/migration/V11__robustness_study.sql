-- Stored robustness studies (SEMANTICS §12.5): a timing, start-date or bootstrap study keyed by the hash of its
-- scenario, rule(s), kind, parameters and semantics version, so an identical request returns the stored study.
-- The answer is kept as the exact JSON text the faces send (rows included: variants, windows, per-path figures),
-- so a reused study answers byte for byte as when it was computed; text, not JSONB, which would reorder its keys.
CREATE TABLE foresto.robustness_study (
    robustness_study_id BIGSERIAL        PRIMARY KEY,
    study_hash          CHAR(64)         NOT NULL
        CONSTRAINT ck_robustness_study_hash CHECK (study_hash ~ '^[0-9a-f]{64}$'),
    kind                VARCHAR(16)      NOT NULL
        CONSTRAINT ck_robustness_study_kind CHECK (kind IN ('TIMING', 'WINDOWS', 'BOOTSTRAP')),
    canonical_request   JSONB            NOT NULL,
    request             JSONB            NOT NULL,
    parameters          JSONB            NOT NULL,
    -- the bootstrap's seed, an unsigned 64-bit integer; null for the other kinds
    seed                NUMERIC(20, 0)
        CONSTRAINT ck_robustness_study_seed CHECK (seed >= 0 AND seed <= 18446744073709551615),
    portfolio_id        BIGINT           NOT NULL REFERENCES foresto.portfolio (portfolio_id),
    dataset_id          BIGINT           NOT NULL REFERENCES foresto.market_dataset (dataset_id) ON DELETE CASCADE,
    summary             JSONB            NOT NULL,
    answer              TEXT             NOT NULL,
    compute_ms          DOUBLE PRECISION,
    created_at          TIMESTAMPTZ      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ux_robustness_study_hash UNIQUE (study_hash),
    CONSTRAINT ck_robustness_study_seed_kind CHECK ((kind = 'BOOTSTRAP') = (seed IS NOT NULL))
);

-- the answer (megabytes for a large bootstrap) is read whole or not at all: keep it out of line, uncompressed
ALTER TABLE foresto.robustness_study ALTER COLUMN answer SET STORAGE EXTERNAL;

CREATE INDEX ix_robustness_study_created ON foresto.robustness_study (created_at DESC);
