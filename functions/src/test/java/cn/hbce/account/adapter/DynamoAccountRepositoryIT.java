package cn.hbce.account.adapter;

import cn.hbce.account.AccountRepositoryContract;

import cn.hbce.account.adapter.DynamoLoginSourceLimiter;
import cn.hbce.account.adapter.DynamoSessionStore;

import cn.hbce.testing.LocalTable;

/** The account ports' contract on dynalite, through the DynamoDB adapters. */
class DynamoAccountRepositoryIT extends AccountRepositoryContract {

    @Override
    protected Ports freshPorts() {
        String table = LocalTable.create();
        return new Ports(new DynamoAccountRepository(LocalTable.client(), table),
                new DynamoLoginSourceLimiter(LocalTable.client(), table), new DynamoSessionStore(LocalTable.client(), table));
    }
}
