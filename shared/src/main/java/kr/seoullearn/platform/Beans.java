package kr.seoullearn.platform;

import io.micronaut.context.BeanContext;

/**
 * The function's Micronaut DI context: core dependency injection only (no HTTP server, no
 * router), started once per execution environment on first use. See docs/adr/0003.
 */
public final class Beans {
    private static volatile BeanContext context;

    private Beans() {}

    public static <T> T get(Class<T> type) {
        return context().getBean(type);
    }

    private static BeanContext context() {
        BeanContext current = context;
        if (current == null) {
            synchronized (Beans.class) {
                current = context;
                if (current == null) {
                    current = BeanContext.run();
                    context = current;
                }
            }
        }
        return current;
    }
}
