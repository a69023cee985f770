package cn.hbce.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The list of passwords refused as too common, loaded once on first use. */
final class CommonPasswords {
    private static final String RESOURCE = "common-passwords.txt";

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        return Holder.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            Set<String> out = new HashSet<>();
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        out.add(entry.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(out);
        }
    }
}
