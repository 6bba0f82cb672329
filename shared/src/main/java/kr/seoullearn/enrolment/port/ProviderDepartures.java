package kr.seoullearn.enrolment.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.enrolment.domain.Departure;

/**
 * Providers' leavings and the progress of telling their learners (docs/adr/0023). The request
 * records the leaving and its departure together; a scheduled worker does the fan-out in
 * resumable, idempotent steps ({@link SeatActivity#tellOnce}).
 */
public interface ProviderDepartures {

    /**
     * Writes the provider as it leaves ({@code leaving}, INACTIVE with its grace date) and its
     * departure in one transaction. The same departure again (a retried request) writes nothing
     * and returns the departure as it stands.
     */
    default Departure start(Provider leaving, Instant at) {
        return start(null, leaving, at, null);
    }

    /**
     * As {@link #start(Provider, Instant)}, by an operator ({@code by}): the provider as it was
     * ({@code before}) → as it leaves goes into every tenant's audit trail in the same transaction
     * (docs/adr/0031); a retried request writes no second entry.
     */
    Departure start(Provider before, Provider leaving, Instant at, String by);

    Optional<Departure> find(String providerId, LocalDate graceUntil);

    /** Departures whose fan-out is not done (one Query; providers leave a few times a year). */
    List<Departure> open();

    /**
     * Saves {@code next} if the departure is still as {@code previous} was read (its version);
     * false when another worker saved first (that worker goes on, this one stops).
     */
    boolean advance(Departure previous, Departure next);
}
