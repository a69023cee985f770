package cn.hbce.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The one catalogue of the Chinese messages clients are shown ({@code user-messages.properties}
 * beside this class), keyed by refusal reason or web error code. Use cases never hold user text:
 * they say why ({@link cn.hbce.common.domain.Reason}); the web layer says it in Chinese. Loaded once
 * per container, on first use.
 */
public final class UserMessages {
    private static final String RESOURCE = "user-messages.properties";

    private UserMessages() {
    }

    /** The message for {@code key}; a key without one is a build error caught by UserMessagesTest. */
    public static String of(String key) {
        String message = Holder.MESSAGES.getProperty(key);
        if (message == null) {
            throw new IllegalStateException("No user message for " + key + " in " + RESOURCE);
        }
        return message;
    }

    static boolean has(String key) {
        return Holder.MESSAGES.getProperty(key) != null;
    }

    private static final class Holder {
        static final Properties MESSAGES = load();

        private static Properties load() {
            try (InputStream in = UserMessages.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
