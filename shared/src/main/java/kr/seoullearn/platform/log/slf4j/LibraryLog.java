package kr.seoullearn.platform.log.slf4j;

import kr.seoullearn.platform.log.Log;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One library logger: WARN and ERROR go to our JSON log with the library's logger name, the
 * message cut to 500 characters and the exception's class only. A library's message or exception
 * text may quote a request (a key, a header): the cut bounds it, and the exception's own message
 * is not written at all, so no personal data can ride along unseen.
 */
final class LibraryLog extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    static final int MAX_MESSAGE = 500;
    private static final Log LOG = Log.of(LibraryLog.class);

    LibraryLog(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        String exception = throwable == null ? null : throwable.getClass().getName();
        if (level == Level.ERROR) {
            LOG.error("library error", "library", name, "detail", message, "exception", exception);
        } else if (level == Level.WARN) {
            LOG.warn("library warning", "library", name, "detail", message, "exception", exception);
        }
    }
}
