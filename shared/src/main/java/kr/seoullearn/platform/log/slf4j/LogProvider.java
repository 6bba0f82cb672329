package kr.seoullearn.platform.log.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of our functions: the libraries' warnings and errors (AWS SDK, Micronaut)
 * become lines of our JSON log ({@code platform.log.Log}); their debug and info lines are dropped.
 * Without a provider SLF4J prints a "no providers" notice at every cold start and drops the
 * warnings too; a logging framework would add far more to each jar than these three classes
 * (docs/adr/0025).
 */
public final class LogProvider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = LibraryLog::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: LibraryLog writes through Log
    }
}
