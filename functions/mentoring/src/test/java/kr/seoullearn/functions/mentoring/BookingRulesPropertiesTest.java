package kr.seoullearn.functions.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.platform.tenant.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The booking rules that need no storage, across random times, offsets, schedules and extensions. */
class BookingRulesPropertiesTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 3L * 365 * 24 * 60).map(m -> EPOCH.plus(Duration.ofMinutes(m)));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        // every offset in use, including the quarter and half hours (India +05:30, Nepal +05:45, Newfoundland -03:30)
        return Arbitraries.integers().between(-12 * 4, 14 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60));
    }

    @Property
    void theWeekASessionCountsInIsItsSeoulWeekWhateverOffsetTheStartWasWrittenIn(@ForAll("instants") Instant start,
                                                                                 @ForAll("offsets") ZoneOffset offset) {
        String written = start.atOffset(offset).toString();
        Instant read = SessionBooking.start(Map.of("start", written));
        assertThat(read).isEqualTo(start);
        ZonedDateTime seoul = start.atZone(BookingRules.SEOUL);
        LocalDate monday = BookingRules.monday(seoul.toLocalDate());
        Instant weekStart = monday.atStartOfDay(BookingRules.SEOUL).toInstant();
        assertThat(BookingRules.week(start)).isEqualTo(BookingRules.week(weekStart))
                .isEqualTo(BookingRules.week(weekStart.plus(Duration.ofDays(7)).minusSeconds(1)))
                .isNotEqualTo(BookingRules.week(weekStart.minusSeconds(1)));
        assertThat(BookingRules.onHalfHour(start)).isEqualTo(seoul.getMinute() % 30 == 0);
    }

    @Property
    void twoSessionsShareAHalfHourExactlyWhenTheyOverlapInTime(@ForAll("instants") Instant a, @ForAll @IntRange(min = 1, max = 4) int aUnits,
                                                               @ForAll @IntRange(min = -8, max = 8) int shift,
                                                               @ForAll @IntRange(min = 1, max = 4) int bUnits) {
        Instant aStart = a.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant bStart = aStart.plus(Duration.ofMinutes(30L * shift));
        Set<Instant> shared = new HashSet<>(BookingRules.units(aStart, 30 * aUnits));
        shared.retainAll(BookingRules.units(bStart, 30 * bUnits));
        boolean overlap = aStart.isBefore(bStart.plus(Duration.ofMinutes(30L * bUnits))) && bStart.isBefore(aStart.plus(Duration.ofMinutes(30L * aUnits)));
        assertThat(!shared.isEmpty()).isEqualTo(overlap);
        assertThat(BookingRules.units(aStart, 30 * aUnits)).hasSize(aUnits);
    }

    @Property
    void aCancelIsLateExactlyWhenLessThanTheCutoffIsLeft(@ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 48 * 60) int minutesBefore,
                                                        @ForAll @IntRange(min = 0, max = 48) int cutoffHours) {
        Instant now = start.minus(Duration.ofMinutes(minutesBefore));
        assertThat(BookingRules.lateCancel(now, start, cutoffHours)).isEqualTo(minutesBefore < cutoffHours * 60);
        assertThat(BookingRules.enoughNotice(now, start, cutoffHours)).isEqualTo(minutesBefore >= cutoffHours * 60);
    }

    @Provide
    Arbitrary<List<Availability.Window>> weeks() {
        Arbitrary<Availability.Window> window = Arbitraries.of(DayOfWeek.values()).flatMap(day ->
                Arbitraries.integers().between(0, 46).flatMap(from -> Arbitraries.integers().between(from + 1, 47).map(to ->
                        new Availability.Window(day, LocalTime.MIN.plusMinutes(30L * from), LocalTime.MIN.plusMinutes(30L * to)))));
        return window.list().ofMaxSize(6).map(list -> {
            List<Availability.Window> disjoint = new ArrayList<>();
            for (Availability.Window w : list) {
                if (disjoint.stream().noneMatch(o -> o.day() == w.day() && w.from().isBefore(o.to()) && o.from().isBefore(w.to()))) {
                    disjoint.add(w);
                }
            }
            return disjoint;
        });
    }

    @Property
    void everyOfferedStartLiesInsideAWindowAndIsAcceptedByTheBookingRules(@ForAll("weeks") List<Availability.Window> windows,
                                                                        @ForAll @IntRange(min = 1, max = 4) int units,
                                                                        @ForAll @IntRange(min = 0, max = 20) int weeksAhead,
                                                                        @ForAll @IntRange(min = 0, max = 3) int extensions) {
        Availability availability = new Availability(windows, Set.of(), 0);
        LocalDate today = LocalDate.of(2026, 11, 30);
        Instant now = today.atTime(9, 0).atZone(BookingRules.SEOUL).toInstant();
        // a mentorship of 8 weeks, extended by 4 weeks a number of times
        Instant windowEnd = BookingRules.windowEnd(today, 8 + 4 * extensions);
        Mentorship m = new Mentorship(new TenantId("seoul"), "m", "mentee", "mentor", "a", "b", "r", 30 * units, 16, 0, 2, 0, 24, 12, 8, 4,
                now, windowEnd, Mentorship.Status.ACTIVE, now, 2, 2);
        LocalDate monday = today.plusWeeks(weeksAhead);
        List<LocalDateTime> starts = availability.starts(monday, 30 * units);
        int expected = 0;
        for (Availability.Window w : windows) {
            expected += Math.max(0, (w.to().toSecondOfDay() - w.from().toSecondOfDay()) / 1800 - units + 1);
        }
        assertThat(starts).hasSize(expected).doesNotHaveDuplicates();
        for (LocalDateTime local : starts) {
            Instant start = local.atZone(BookingRules.SEOUL).toInstant();
            assertThat(availability.offers(local, 30 * units)).isTrue();
            var refusal = BookingRules.refusal(m, availability, start, now);
            boolean inWindow = !start.plus(Duration.ofMinutes(30L * units)).isAfter(windowEnd);
            boolean noticed = !start.isBefore(now.plus(Duration.ofHours(24)));
            if (inWindow && noticed) {
                assertThat(refusal).isEmpty();
            } else {
                assertThat(refusal).get().isIn(MentoringRefusal.SESSION_OUTSIDE_WINDOW, MentoringRefusal.SESSION_NOTICE_TOO_SHORT);
            }
        }
    }

    @Property
    void aStartThatIsNotAnIsoDateTimeIsAValidationProblem(@ForAll String garbage) {
        try {
            Instant read = SessionBooking.start(Map.of("start", garbage));
            // some random strings are date-times; then they must read back as one
            assertThat(read).isNotNull();
        } catch (ProblemException e) {
            assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
        }
    }
}
