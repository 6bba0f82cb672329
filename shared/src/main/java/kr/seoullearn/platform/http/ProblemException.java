package kr.seoullearn.platform.http;

import java.util.Map;

/** Thrown anywhere below a handler to answer with a problem+json; never carries personal data. */
public class ProblemException extends RuntimeException {
    private final Refusal problem;
    private final Map<String, Object> extensions;

    public ProblemException(Refusal problem) {
        this(problem, Map.of());
    }

    public ProblemException(Refusal problem, Map<String, Object> extensions) {
        super(problem.code(), null, false, false);
        this.problem = problem;
        this.extensions = Map.copyOf(extensions);
    }

    public Refusal problem() {
        return problem;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
