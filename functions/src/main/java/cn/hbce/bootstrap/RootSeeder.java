package cn.hbce.bootstrap;

import cn.hbce.account.AdminMembership;
import cn.hbce.org.subordinates.SubordinateRepository;

/**
 * What SeedRootFunction does: creates the HRSS root org and its super admin on a fresh deployment,
 * and refuses once the root has a super admin. Otherwise anyone allowed to invoke the function
 * could add a second root super admin with a password of their choosing. A run interrupted before
 * the seat was written (org without a super admin) is finished by running it again.
 */
public final class RootSeeder {
    private final Bootstrap bootstrap;
    private final SubordinateRepository seats;

    public RootSeeder(Bootstrap bootstrap, SubordinateRepository seats) {
        this.bootstrap = bootstrap;
        this.seats = seats;
    }

    /** Thrown, with nothing changed, when the root already has its super admin. */
    public static final class AlreadySeeded extends RuntimeException {
        AlreadySeeded() {
            super("The root org " + Bootstrap.ROOT_ORG_ID + " already has a super admin; SeedRootFunction runs only once "
                    + "and changed nothing. Manage admins through the platform instead.");
        }
    }

    public String seed(Bootstrap.Account superAdmin) {
        if (seats.seats(Bootstrap.ROOT_ORG_ID).stream().anyMatch(AdminMembership::superAdmin)) {
            throw new AlreadySeeded();
        }
        // The password passed through the deployer's hands: the admin must change it first.
        return bootstrap.ensureRoot(superAdmin, true);
    }
}
