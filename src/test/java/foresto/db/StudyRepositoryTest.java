package foresto.db;

import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.StudyInfo;
import foresto.model.StudyRecord;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code robustness_study} on a real PostgreSQL: the unique hash, reserved ids, the exact answer text, the seed. */
class StudyRepositoryTest {
    static Database db;
    static StudyRepository studies;
    static PortfolioRecord portfolio;
    static DatasetRecord dataset;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        portfolio = new PortfolioRepository(db.dataSource()).findAll().get(0);
        dataset = new MarketDataRepository(db.dataSource()).insert("SYNTHETIC studies", "test data", "test", true,
                SyntheticMarket.generate(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30), 5), false);
        studies = new StudyRepository(db.dataSource());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static StudyInfo info() {
        return new StudyInfo(portfolio.portfolioId(), portfolio.name(), dataset.datasetId(), dataset.label(),
                LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30), 100.0, "SKIP", "monthly", "OFF", "J = 3");
    }

    static StudyRepository.NewRow row(long id, char hash, String kind, Long seed, String answer) {
        return new StudyRepository.NewRow(id, String.valueOf(hash).repeat(64), kind, "{\"study\":\"x\"}", info(),
                "{\"paths\":3}", seed, "{\"p_beats\":0.5}", answer, 12.5);
    }

    static Optional<Long> insert(StudyRepository.NewRow row) {
        return Jdbc.inTransaction(db.dataSource(), "test", c -> StudyRepository.insertIfAbsent(c, row));
    }

    @Test
    void aSecondStudyWithTheSameHashIsNotInsertedAndTheFirstReadsBackExactly() {
        // key order, spacing and number forms as written: jsonb would reorder the keys
        String answer = "{\"zeta\":1,\"alpha\":[0.1,1.0E-7,3],\"seed\":18446744073709551615}";
        long id = insert(row(0, 'a', "BOOTSTRAP", -1L, answer)).orElseThrow();
        assertThat(insert(row(0, 'a', "BOOTSTRAP", 5L, "{}"))).isEmpty();
        assertThat(studies.answer(id)).contains(answer);
        StudyRecord r = studies.findByHash("a".repeat(64)).orElseThrow();
        assertThat(r.studyId()).isEqualTo(id);
        assertThat(r.kind()).isEqualTo("BOOTSTRAP");
        assertThat(r.request()).isEqualTo(info());
        assertThat(r.computeMs()).isEqualTo(12.5);
        assertThat(r.createdAt()).isNotNull();
        assertThat(studies.findById(id)).contains(r);
        assertThat(studies.answer(id + 1000)).isEmpty();
    }

    @Test
    void aReservedIdIsTheIdTheStudyIsStoredWith() {
        long reserved = studies.reserveId();
        long later = studies.reserveId();
        assertThat(later).isGreaterThan(reserved);
        assertThat(insert(row(reserved, 'b', "TIMING", null, "{}"))).contains(reserved);
        assertThat(studies.recent(10)).extracting(StudyRecord::studyId).contains(reserved);
    }

    @Test
    void theSeedBelongsToABootstrapOnly() {
        assertThatThrownBy(() -> insert(row(0, 'c', "TIMING", 1L, "{}"))).rootCause()
                .hasMessageContaining("ck_robustness_study_seed_kind");
        assertThatThrownBy(() -> insert(row(0, 'd', "BOOTSTRAP", null, "{}"))).rootCause()
                .hasMessageContaining("ck_robustness_study_seed_kind");
        assertThatThrownBy(() -> insert(row(0, 'e', "SWEEP", null, "{}"))).rootCause()
                .hasMessageContaining("ck_robustness_study_kind");
        assertThat(studies.findByHash("c".repeat(64))).isEmpty();
    }

    @Test
    void recentListsTheNewestFirst() throws SQLException {
        long older = insert(row(0, 'f', "WINDOWS", null, "{}")).orElseThrow();
        long newer = insert(row(0, '1', "WINDOWS", null, "{}")).orElseThrow();
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("UPDATE robustness_study SET created_at = created_at - interval '1 day' WHERE robustness_study_id = "
                    + older);
        }
        assertThat(studies.recent(100)).extracting(StudyRecord::studyId).containsSubsequence(newer, older);
    }
}
