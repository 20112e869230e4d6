package foresto.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * "Today" for rule validity (SEMANTICS §6). A rule's effective dates are calendar dates without a zone,
 * written by whoever seeded them in their own zone (the seed file's {@code CURRENT_DATE} follows the
 * database session's zone, {@code psql}'s the server's). So that a rule seeded anywhere is usable at once from
 * an app anywhere, today is every date that is current somewhere on Earth at this instant: from the date at
 * UTC−12 to the date at UTC+14 (one or two dates). A rule is usable when its dates meet that range.
 */
public record Today(LocalDate earliest, LocalDate latest) {
    static final ZoneOffset WESTMOST = ZoneOffset.ofHours(-12);
    static final ZoneOffset EASTMOST = ZoneOffset.ofHours(14);

    public static Today at(Instant now) {
        return new Today(LocalDate.ofInstant(now, WESTMOST), LocalDate.ofInstant(now, EASTMOST));
    }

    public static Today of(Clock clock) {
        return at(clock.instant());
    }

    @Override
    public String toString() {
        return earliest.equals(latest) ? earliest.toString() : earliest + "/" + latest;
    }
}
