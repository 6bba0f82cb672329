package kr.seoullearn.figures.domain;

import kr.seoullearn.platform.http.Refusal;

/** The refusals of the dashboard and the reports: codes and statuses are the wire contract (docs/api). */
public enum FiguresRefusal implements Refusal {
    /** A period that is not two dates, ends before it starts or spans more than the dashboard shows. */
    REPORT_PERIOD_INVALID("report-period-invalid", 400),
    /** A month that is not {@code yyyy-MM} in the years reports exist for. */
    REPORT_MONTH_INVALID("report-month-invalid", 400);

    private final String code;
    private final int status;

    FiguresRefusal(String code, int status) {
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
