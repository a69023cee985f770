package cn.hbce.certificates;

import cn.hbce.certificates.adapter.DynamoCertificateRepository;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.testing.LocalTable;

/** The issuer's contract over the DynamoDB repository on dynalite: the conditional writes are the real ones. */
class DynamoCertificateIssuerIT extends CertificateIssuerContract {

    @Override
    protected CertificateRepository freshRepository() {
        return new DynamoCertificateRepository(LocalTable.client(), LocalTable.create(), new CursorCodec(new byte[32]));
    }
}
