package kr.seoullearn.enrolment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeatCountsTest {

    @Test
    void aNewcomerGetsASeatOnlyWhenOneIsFreeAndNobodyWaits() {
        assertThat(new SeatCounts(true, 10, 9, 0, 0).seatForNewcomer()).isTrue();
        assertThat(new SeatCounts(true, 10, 10, 0, 0).seatForNewcomer()).as("full").isFalse();
        assertThat(new SeatCounts(true, 10, 9, 1, 1).seatForNewcomer()).as("a freed seat belongs to the queue").isFalse();
        assertThat(SeatCounts.NONE.seatForNewcomer()).as("no seats donated in this tenant").isFalse();
        assertThat(new SeatCounts(true, 10, 12, 0, 0).seatForNewcomer()).as("more used than donated").isFalse();
    }

    @Test
    void theNextToQueueGetsTheNextTicketAndThePositionBehindEveryoneWaiting() {
        SeatCounts full = new SeatCounts(true, 2, 2, 0, 0);
        assertThat(full.nextTicket()).isEqualTo(1);
        SeatCounts one = full.afterQueueing();
        assertThat(one.waiting()).isEqualTo(1);
        assertThat(one.lastTicket()).isEqualTo(1);
        assertThat(one.nextTicket()).isEqualTo(2);
        assertThat(EnrolmentRules.position(one.waiting())).as("the second in line").isEqualTo(2);
    }

    @Test
    void promotionFillsFreeSeatsFromTheQueueAndNeverOverfills() {
        SeatCounts s = new SeatCounts(true, 10, 10, 5, 12);
        assertThat(s.promotable()).isZero();
        SeatCounts raised = new SeatCounts(true, 13, 10, 5, 12);
        assertThat(raised.promotable()).isEqualTo(3);
        SeatCounts after = raised.afterPromoting(3);
        assertThat(after.used()).isEqualTo(13);
        assertThat(after.waiting()).isEqualTo(2);
        assertThat(after.lastTicket()).as("tickets are never reused").isEqualTo(12);
        assertThat(after.promotable()).isZero();
        assertThatThrownBy(() -> raised.afterPromoting(4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SeatCounts(true, 10, 5, 2, 2).promotable()).as("fewer waiting than free seats").isEqualTo(2);
    }

    @Test
    void seatsNeverGoBelowTheSeatsInUse() {
        SeatCounts s = new SeatCounts(true, 10, 7, 0, 0);
        assertThat(s.canSetSeats(7)).isTrue();
        assertThat(s.canSetSeats(6)).isFalse();
        assertThat(s.canSetSeats(100)).isTrue();
        assertThat(new SeatCounts(true, 5, 9, 0, 0).free()).as("never negative").isZero();
        assertThatThrownBy(() -> new SeatCounts(true, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatCounts(true, 1, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
