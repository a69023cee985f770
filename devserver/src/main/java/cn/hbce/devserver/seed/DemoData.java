package cn.hbce.devserver.seed;

import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.org.OrgType;
import java.util.ArrayList;
import java.util.List;

/** A small org tree with one admin per org and one professional, for trying the platform locally. */
public final class DemoData {
    public static final String HEALTH_COMMISSION = "o_demo_health_commission";
    public static final String WUHAN_HRSS = "o_demo_wuhan_hrss";
    public static final String HOSPITAL = "o_demo_hospital";
    public static final String BASE = "o_demo_ce_base";
    public static final String PASSWORD = "Demo@2026pass";

    /** One account printed at start: how to log in and what it is. */
    public record DemoAccount(String userType, String idCard, String password, String description) {
    }

    private DemoData() {
    }

    public static List<DemoAccount> seed(Bootstrap bootstrap) {
        List<DemoAccount> out = new ArrayList<>();
        bootstrap.ensureOrg(HEALTH_COMMISSION, OrgType.DEPARTMENT, "湖北省卫生健康委员会", "11420000011111111J",
                Bootstrap.ROOT_ORG_ID, "027-87111111", account("420102198503150020", "张卫东", "13900000001"));
        out.add(new DemoAccount("DEPARTMENT", "420102198503150020", PASSWORD, "湖北省卫生健康委员会 超级管理员"));
        bootstrap.ensureOrg(WUHAN_HRSS, OrgType.DEPARTMENT, "武汉市人力资源和社会保障局", "11420100033333333Y",
                Bootstrap.ROOT_ORG_ID, "027-85222222", account("420103199005200030", "李文华", "13900000002"));
        out.add(new DemoAccount("DEPARTMENT", "420103199005200030", PASSWORD, "武汉市人力资源和社会保障局 超级管理员"));
        bootstrap.ensureOrg(HOSPITAL, OrgType.UNIT, "武汉市第一医院", "12420100044444444F", HEALTH_COMMISSION,
                "027-85333333", account("420104199208080047", "王晓梅", "13900000003"));
        out.add(new DemoAccount("UNIT", "420104199208080047", PASSWORD, "武汉市第一医院 超级管理员"));
        bootstrap.ensureOrg(BASE, OrgType.BASE, "湖北省卫生继续教育培训基地", "52420000055555555R", HEALTH_COMMISSION,
                "027-85444444", account("420111198804120059", "赵志刚", "13900000004"));
        out.add(new DemoAccount("BASE", "420111198804120059", PASSWORD, "湖北省卫生继续教育培训基地 超级管理员"));
        bootstrap.ensurePerson(account("420102199511110074", "陈静", "13900000005"),
                new PersonRegistration(HOSPITAL, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        out.add(new DemoAccount("PERSON", "420102199511110074", PASSWORD, "武汉市第一医院 专业技术人员（卫生技术人员·中级）"));
        return out;
    }

    private static Bootstrap.Account account(String idCard, String name, String phone) {
        return new Bootstrap.Account(idCard, name, phone, PASSWORD);
    }
}
