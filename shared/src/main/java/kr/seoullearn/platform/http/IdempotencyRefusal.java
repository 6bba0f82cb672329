package kr.seoullearn.platform.http;

/** The refusals of {@link IdempotencyKey}: codes and statuses are the wire contract (docs/api). */
public enum IdempotencyRefusal implements Refusal {
    /** The key was used before for a different request: nothing is created, the first creation stands. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422);

    private final String code;
    private final int status;

    IdempotencyRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
