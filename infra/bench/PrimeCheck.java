import java.lang.reflect.Method;

/**
 * Runs the SnapStart priming hook (kr.seoullearn.platform.priming.Priming) inside a function's
 * shaded jar, as Lambda would before taking the snapshot: constructs the handler (the init
 * phase), then calls the hook's steps. cold_start.py runs it once per function before measuring
 * (java -cp <function jar> infra/bench/PrimeCheck.java <handler class>); the function's log
 * line "primed" says how many SDK requests were marshalled and stopped before sending.
 */
public class PrimeCheck {
    public static void main(String[] args) throws Exception {
        Class.forName(args[0]).getConstructor().newInstance();
        Method prime = Class.forName("kr.seoullearn.platform.priming.Priming").getMethod("prime");
        System.out.println("PRIMED sdkRequestsStopped=" + prime.invoke(null));
    }
}
