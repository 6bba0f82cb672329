package kr.seoullearn.catalog.domain;

import kr.seoullearn.platform.tenant.TenantId;

/**
 * The seats a provider donated to one tenant, how many are taken and how many learners wait
 * for one. Enrolment changes {@code used} and {@code waiting} inside DynamoDB with conditions
 * ({@code used < seats}), never from Java.
 */
public record ProviderSeats(TenantId tenant, String providerId, int seats, int used, int waiting) {
    public ProviderSeats {
        if (seats < 0 || used < 0 || waiting < 0) {
            throw new IllegalArgumentException("seats, used and waiting are never negative");
        }
    }

    /** Seats with nobody waiting for them (as donated or seeded). */
    public ProviderSeats(TenantId tenant, String providerId, int seats, int used) {
        this(tenant, providerId, seats, used, 0);
    }

    /** Seats still free (0 when more are used than donated, e.g. after seats were reduced). */
    public int left() {
        return Math.max(0, seats - used);
    }
}
