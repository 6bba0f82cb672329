package kr.seoullearn.laptops.domain;

import java.time.LocalDate;

/**
 * How long a laptop loan lasts and how far it may be extended, as the programme in force says
 * (the programme data's {@code laptopLoan}); {@link #FALLBACK} when a programme says nothing.
 */
public record LaptopLoanTerms(int loanDays, int maxExtensionDays) {
    /** A programme without laptop terms: a year, no extension. */
    public static final LaptopLoanTerms FALLBACK = new LaptopLoanTerms(365, 0);

    public LaptopLoanTerms {
        if (loanDays < 1 || loanDays > 1_095 || maxExtensionDays < 0 || maxExtensionDays > 365) {
            throw new IllegalArgumentException("laptop loan: loanDays 1-1095, maxExtensionDays 0-365");
        }
    }

    public LocalDate dueOn(LocalDate loanedOn) {
        return loanedOn.plusDays(loanDays);
    }

    /** Days still allowed after {@code extendedDays} so far. */
    public int extensionLeft(int extendedDays) {
        return Math.max(0, maxExtensionDays - extendedDays);
    }
}
