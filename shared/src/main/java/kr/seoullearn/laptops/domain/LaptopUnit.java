package kr.seoullearn.laptops.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One physical laptop of a district's stock: its {@code serial} number (unique in the tenant, the
 * key the officer types at pickup and at return) and the city's {@code assetTag}. While
 * {@code ON_LOAN}, {@code requestId} is the one loan it is on.
 */
public record LaptopUnit(TenantId tenant, String serial, String assetTag, String district, String model, Status status,
                         String requestId, Instant registeredAt) {

    public enum Status { AVAILABLE, ON_LOAN }
}
