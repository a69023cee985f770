package cn.hbce.emulator.s3;

import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy and its embedded Jetty log every request at DEBUG/INFO, and logback's fallback
 * configuration (used when the application has no logback.xml) prints DEBUG. This lowers only
 * those libraries' loggers to WARN, and only where the application has not set a level itself.
 */
final class QuietLogging {

    private static final List<String> NOISY_LOGGERS = List.of("org.gaul", "org.eclipse.jetty");
    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private QuietLogging() {
    }

    static void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Another SLF4J backend may be in use; then its own configuration decides.
        if (factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
            LogbackLevels.warnUnlessConfigured(factory, NOISY_LOGGERS);
        }
    }

    /** Kept separate so logback classes load only when logback is the active backend. */
    private static final class LogbackLevels {
        static void warnUnlessConfigured(ILoggerFactory factory, List<String> names) {
            ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) factory;
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
