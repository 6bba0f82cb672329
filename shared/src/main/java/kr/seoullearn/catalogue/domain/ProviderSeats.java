package kr.seoullearn.catalogue.domain;

import kr.seoullearn.platform.tenant.TenantId;

/**
 * The seats a provider donated to one tenant and how many are taken. Enrolment changes
 * {@code used} inside DynamoDB with a condition ({@code used < seats}), never from Java.
 */
public record ProviderSeats(TenantId tenant, String providerId, int seats, int used) {
    public ProviderSeats {
        if (seats < 0 || used < 0) {
            throw new IllegalArgumentException("seats and used are never negative");
        }
    }

    /** Seats still free (0 when more are used than donated, e.g. after seats were reduced). */
    public int left() {
        return Math.max(0, seats - used);
    }
}
