package kr.seoullearn.enrolment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GIVEN one provider's seats and many learners, WHEN random enrolments, withdrawals, departures
 * from the waitlist and seat changes follow each other as the rules of {@link SeatCounts} and
 * {@link EnrolmentRules} decide them, THEN seats are never over- or under-used, the pick limit
 * holds, and seats go to the waitlist first come, first served. (The same rules are the
 * conditions of the DynamoDB transactions; this checks that the rules themselves add up.)
 */
class WaitlistModelTest {

    @Test
    void randomHistoriesKeepEveryInvariant() {
        for (long seed = 1; seed <= 300; seed++) {
            run(new Random(seed), seed);
        }
    }

    private static void run(Random random, long seed) {
        int pickLimit = 1 + random.nextInt(2);
        SeatCounts counts = new SeatCounts(true, random.nextInt(4), 0, 0, 0);
        Deque<String> line = new ArrayDeque<>();           // the waitlist, lowest ticket first
        Map<String, Long> ticketOf = new HashMap<>();
        Set<String> seated = new HashSet<>();
        Map<String, Integer> held = new HashMap<>();        // per learner: providers held (this one + others)
        for (int step = 0; step < 200; step++) {
            String learner = "l" + random.nextInt(12);
            int others = learner.hashCode() % 2 == 0 ? 1 : 0; // some learners hold another provider already
            int holds = held.getOrDefault(learner, others);
            switch (random.nextInt(5)) {
                case 0, 1 -> { // enrol
                    boolean already = seated.contains(learner) || line.contains(learner);
                    if (already || !EnrolmentRules.mayHoldAnother(holds, pickLimit)) {
                        break; // refused: nothing changes
                    }
                    if (counts.seatForNewcomer()) {
                        counts = counts.afterEnrolling();
                        seated.add(learner);
                    } else {
                        ticketOf.put(learner, counts.nextTicket());
                        counts = counts.afterQueueing();
                        line.addLast(learner);
                    }
                    held.put(learner, holds + 1);
                }
                case 2 -> { // give up a seat, then the first in line gets it
                    if (seated.remove(learner)) {
                        counts = new SeatCounts(true, counts.seats(), counts.used() - 1, counts.waiting(), counts.lastTicket());
                        held.put(learner, holds - 1);
                        counts = promote(counts, line, seated);
                    }
                }
                case 3 -> { // leave the waitlist
                    if (line.remove(learner)) {
                        counts = new SeatCounts(true, counts.seats(), counts.used(), counts.waiting() - 1, counts.lastTicket());
                        held.put(learner, holds - 1);
                    }
                }
                default -> { // an admin sets the seats
                    int seats = random.nextInt(6);
                    if (counts.canSetSeats(seats)) {
                        counts = new SeatCounts(true, seats, counts.used(), counts.waiting(), counts.lastTicket());
                        counts = promote(counts, line, seated);
                    }
                }
            }
            String at = "seed " + seed + " step " + step;
            assertThat(counts.used()).as(at).isBetween(0, counts.seats()).isEqualTo(seated.size());
            assertThat(counts.waiting()).as(at).isEqualTo(line.size());
            assertThat(counts.promotable()).as(at + ": no seat left free while someone waits").isZero();
            held.forEach((l, n) -> assertThat(n).as(at + " " + l).isLessThanOrEqualTo(pickLimit));
            List<Long> tickets = line.stream().map(ticketOf::get).toList();
            assertThat(tickets).as(at + ": the line is in ticket order").isSorted();
        }
    }

    /** The first n in line (lowest tickets) take the n seats that are free. */
    private static SeatCounts promote(SeatCounts counts, Deque<String> line, Set<String> seated) {
        int n = counts.promotable();
        for (int i = 0; i < n; i++) {
            seated.add(line.removeFirst());
        }
        return counts.afterPromoting(n);
    }
}
