package kr.seoullearn.laptops.domain;

/** What an officer records about a district's stock; a return is recorded by the request's RETURNED. */
public enum StockChange {
    /** Units delivered to the district: stock goes up and the queue is served. */
    RECEIVED,
    /** Units lost, broken or withdrawn: stock goes down, never below zero. */
    WRITTEN_OFF
}
