package kr.seoullearn.laptops.domain;

/**
 * A district's laptops as its stock item counts them: {@code inStock} on the shelf and free,
 * {@code reserved} for approved requests not picked up yet, {@code loaned} in learners' hands,
 * {@code waiting} requests in the queue, {@code requested} every request ever made there, and
 * {@code model} the model the district hands out. None is ever below zero.
 */
public record StockCounts(String district, String model, long inStock, long reserved, long loaned, long waiting,
                          long requested) {

    /** Waiting requests that free units can approve now. */
    public long approvable() {
        return Math.max(0, Math.min(inStock, waiting));
    }

    /** Every unit the district holds (free, reserved or lent). */
    public long total() {
        return inStock + reserved + loaned;
    }
}
