package cn.hbce.testing.fakes;

import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgRepositoryContract;

/** The org repository's contract against the fake the service tests use. */
class InMemoryOrgRepositoryTest extends OrgRepositoryContract {

    @Override
    protected OrgRepository freshRepository() {
        return new InMemoryOrgRepository(new FakeTable(new TestClock()));
    }
}
