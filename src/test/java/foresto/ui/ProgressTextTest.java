package foresto.ui;

import foresto.i18n.Messages;
import foresto.model.StartupProgress;
import foresto.model.StartupProgress.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up steps reach the splash as data and are told from the bundles; the command line keeps its English
 * sentences word for word.
 */
class ProgressTextTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void everyStepHasASentenceInBothLanguages() {
        for (Step s : Step.values()) {
            String key = ProgressText.key(s);
            assertThat(Messages.bundle(Locale.ENGLISH).containsKey(key)).as(key).isTrue();
            assertThat(Messages.bundle(Locale.KOREAN).containsKey(key)).as(key).isTrue();
        }
    }

    @Test
    void koreanSplashTellsTheStepWithItsDetail() {
        Messages.use(Locale.KOREAN);
        assertThat(ProgressText.of(StartupProgress.of(Step.MIGRATING))).isEqualTo("스키마를 마이그레이션하는 중 …");
        assertThat(ProgressText.of(StartupProgress.of(Step.WAITING_ORPHANS, 3)))
                .isEqualTo("비정상 종료된 PostgreSQL 프로세스 3개를 기다리는 중 …");
        assertThat(ProgressText.of(StartupProgress.of(Step.STOPPING_LEFTOVER, 12345L)))
                .isEqualTo("이전 Foresto가 남긴 내장 PostgreSQL을 중지하는 중 (pid 12345) …");
        Messages.use(Locale.ENGLISH);
        assertThat(ProgressText.of(StartupProgress.of(Step.PORTFOLIO_60_40))).isEqualTo("Loading the 60/40 sample portfolio …");
    }

    @Test
    void theCommandLineKeepsItsEnglishSentences() {
        Messages.use(Locale.KOREAN); // the language of the screens does not reach stderr
        assertThat(StartupProgress.of(Step.STARTING, "/home/a/.foresto/pgdata").toString())
                .isEqualTo("Starting the embedded PostgreSQL (data in /home/a/.foresto/pgdata) …");
        assertThat(StartupProgress.of(Step.CONNECTING, "jdbc:postgresql://db:5432/foresto").toString())
                .isEqualTo("Connecting to jdbc:postgresql://db:5432/foresto …");
        assertThat(StartupProgress.of(Step.WAITING_ORPHANS, 2).toString())
                .isEqualTo("Waiting for 2 process(es) of a PostgreSQL that stopped abruptly …");
        assertThat(StartupProgress.of(Step.SEED_RULES).toString()).isEqualTo("Loading the seed rules …");
    }
}
