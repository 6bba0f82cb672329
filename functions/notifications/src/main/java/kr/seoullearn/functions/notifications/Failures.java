package kr.seoullearn.functions.notifications;

import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.aws.AwsCallFailed;

/** A code safe to log: the AWS error code or the exception's type, never its message (it may quote an address). */
final class Failures {
    private Failures() {}

    static String code(Throwable e) {
        if (e instanceof AwsCallFailed a) {
            return a.code();
        }
        if (e instanceof ProblemException p) {
            return p.problem().code();
        }
        return e.getClass().getSimpleName();
    }
}
