package kr.seoullearn.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesFromEightMillisecondsAndStopsAt250() {
        assertThat(List.of(Backoff.ceiling(1), Backoff.ceiling(2), Backoff.ceiling(3), Backoff.ceiling(4), Backoff.ceiling(5),
                Backoff.ceiling(6), Backoff.ceiling(7), Backoff.ceiling(8), Backoff.ceiling(30)))
                .containsExactly(8L, 16L, 32L, 64L, 128L, 250L, 250L, 250L, 250L);
    }

    @Test
    void pausesAreFullJitterBetweenZeroAndTheCeilingSoLosersSpreadOut() {
        List<Long> pauses = new ArrayList<>();
        Backoff backoff = new Backoff(pauses::add);
        for (int i = 0; i < 2_000; i++) {
            backoff.pause(5);
        }
        assertThat(pauses).allSatisfy(p -> assertThat(p).isBetween(0L, 128L));
        // spread over the whole range, not bunched: both quarters at the ends are used
        assertThat(pauses).anySatisfy(p -> assertThat(p).isLessThan(32L));
        assertThat(pauses).anySatisfy(p -> assertThat(p).isGreaterThan(96L));
        assertThat(pauses.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void anInterruptedPauseEndsTheRequestWithA503AndKeepsTheInterrupt() {
        Backoff backoff = new Backoff(millis -> { throw new InterruptedException(); });
        try {
            assertThatThrownBy(() -> backoff.pause(1)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(503));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
