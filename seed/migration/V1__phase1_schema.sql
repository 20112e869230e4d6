-- Phase 1 schema: asset classes, model portfolios, market data and simulation runs.
-- Once landed, Phase 1 tables do not change; Phase 2 only adds tables (V2+).
CREATE SCHEMA IF NOT EXISTS foresto;

CREATE TABLE foresto.asset_class (
    code        VARCHAR(16) PRIMARY KEY CHECK (code IN ('EQUITY', 'BOND', 'SHORT_TERM', 'GOLD', 'OTHER')),
    name_ko     TEXT        NOT NULL,
    name_en     TEXT        NOT NULL,
    sort_order  INT         NOT NULL UNIQUE
);

INSERT INTO foresto.asset_class (code, name_ko, name_en, sort_order) VALUES
    ('EQUITY', '주식', 'Equity', 1),
    ('BOND', '채권', 'Bonds', 2),
    ('SHORT_TERM', '단기', 'Short-term / cash', 3),
    ('GOLD', '금', 'Gold', 4),
    ('OTHER', '기타', 'Other', 5);

CREATE TABLE foresto.portfolio (
    portfolio_id BIGSERIAL    PRIMARY KEY,
    name         VARCHAR(100) NOT NULL UNIQUE,
    description  TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Target weights: only held classes (weight > 0); they sum to 1 (checked by the application, ±1e-9).
CREATE TABLE foresto.portfolio_weight (
    portfolio_id     BIGINT      NOT NULL REFERENCES foresto.portfolio (portfolio_id) ON DELETE CASCADE,
    asset_class_code VARCHAR(16) NOT NULL REFERENCES foresto.asset_class (code),
    weight           DOUBLE PRECISION NOT NULL CHECK (weight > 0 AND weight <= 1),
    PRIMARY KEY (portfolio_id, asset_class_code)
);

CREATE TABLE foresto.market_dataset (
    dataset_id   BIGSERIAL    PRIMARY KEY,
    name         VARCHAR(100) NOT NULL UNIQUE,
    description  TEXT,
    source       TEXT         NOT NULL,
    is_synthetic BOOLEAN      NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    first_date   DATE         NOT NULL,
    last_date    DATE         NOT NULL,
    row_count    INT          NOT NULL CHECK (row_count > 0),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (last_date >= first_date)
);

-- One row per dataset, date and asset-class column; NULL = missing value. DOUBLE PRECISION keeps every bit.
CREATE TABLE foresto.market_return (
    dataset_id       BIGINT      NOT NULL REFERENCES foresto.market_dataset (dataset_id) ON DELETE CASCADE,
    trade_date       DATE        NOT NULL,
    asset_class_code VARCHAR(16) NOT NULL REFERENCES foresto.asset_class (code),
    daily_return     DOUBLE PRECISION CHECK (daily_return > -1),
    PRIMARY KEY (dataset_id, trade_date, asset_class_code)
);

-- A stored run: the canonical request it answers (hash unique), its summary and its paths, so a reused
-- request returns without recomputation.
CREATE TABLE foresto.simulation_run (
    simulation_run_id BIGSERIAL   PRIMARY KEY,
    request_hash      CHAR(64)    NOT NULL,
    canonical_request JSONB       NOT NULL,
    request           JSONB       NOT NULL,
    portfolio_id      BIGINT      REFERENCES foresto.portfolio (portfolio_id),
    dataset_id        BIGINT      REFERENCES foresto.market_dataset (dataset_id) ON DELETE CASCADE,
    start_date        DATE        NOT NULL,
    end_date          DATE        NOT NULL,
    status            VARCHAR(16) NOT NULL CHECK (status IN ('COMPLETED')),
    summary           JSONB       NOT NULL,
    paths             BYTEA       NOT NULL,
    compute_ms        DOUBLE PRECISION,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ux_simulation_run_request_hash UNIQUE (request_hash)
);

CREATE INDEX ix_simulation_run_created ON foresto.simulation_run (created_at DESC);
