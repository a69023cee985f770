package cn.hbce.testing.fakes;

import cn.hbce.account.AccountRepositoryContract;

/** The account ports' contract against the fakes the service tests use. */
class InMemoryAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    protected Ports freshPorts() {
        FakeTable table = new FakeTable(new TestClock());
        return new Ports(new InMemoryAccountRepository(table), new InMemoryLoginSourceLimiter(table),
                new InMemorySessionStore(table));
    }
}
