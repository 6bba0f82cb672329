package kr.seoullearn.platform.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;

/**
 * One write per item, at most {@code atOnce} of them at a time (virtual threads): the imports'
 * rows, each its own transaction or update, without one request's hundreds of writes all arriving
 * at once. The answers come back in the items' order; the first write that throws ends the whole
 * (its exception as it was), an interrupted wait is a 503.
 */
public final class BoundedWrites {
    private BoundedWrites() {}

    public static <T, R> List<R> each(List<T> items, int atOnce, Function<T, R> write) {
        Semaphore slots = new Semaphore(atOnce);
        List<R> answers = new ArrayList<>(items.size());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return write.apply(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<R> f : results) {
                answers.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return answers;
    }
}
