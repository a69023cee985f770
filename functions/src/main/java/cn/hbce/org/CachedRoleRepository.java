package cn.hbce.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps role permissions for a short while per container. The TTL bounds how long a revoked
 * permission keeps working (the baseline allows 60 s).
 */
public final class CachedRoleRepository implements RoleRepository {
    public static final Duration TTL = Duration.ofSeconds(30);
    /** The baseline: a revoked permission stops working within 60 s. */
    public static final Duration MAX_TTL = Duration.ofSeconds(60);
    private final RoleRepository source;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<Set<String>> permissions, Instant loadedAt) {
    }

    public CachedRoleRepository(RoleRepository source, Clock clock) {
        this(source, clock, TTL);
    }

    public CachedRoleRepository(RoleRepository source, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("Role cache TTL must be between 0 and " + MAX_TTL);
        }
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<Set<String>> permissions(String orgId, String roleId) {
        Instant now = clock.instant();
        String key = orgId + "/" + roleId;
        Entry entry = cache.get(key);
        if (entry == null || entry.loadedAt().plus(ttl).isBefore(now)) {
            entry = new Entry(source.permissions(orgId, roleId), now);
            cache.put(key, entry);
        }
        return entry.permissions();
    }
}
