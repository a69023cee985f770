package cn.hbce.certificates;

import cn.hbce.testing.fakes.InMemoryCertificateRepository;

/** The issuer's contract over the in-memory repository. */
class InMemoryCertificateIssuerTest extends CertificateIssuerContract {

    @Override
    protected CertificateRepository freshRepository() {
        return new InMemoryCertificateRepository();
    }
}
