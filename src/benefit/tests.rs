use super::*;

/// Asserts that none of the texts yields a benefit.
fn nothing_in(texts: &[&str]) {
    for text in texts {
        let found = extract(&[*text]);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

/// Each benefit's kind, greatest amount and degrees, to compare at a glance.
fn kind_amount_degrees(found: &[Benefit]) -> Vec<(BenefitKind, Option<i64>, String)> {
    found
        .iter()
        .map(|b| (b.kind, b.amount_max, b.recipients.degrees.join("")))
        .collect()
}

fn one(text: &str) -> Benefit {
    let found = extract(&[text]);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one")
}

#[test]
fn a_monthly_subsidy_with_its_duration_and_recipients() {
    let b = one("对来济工作的博士研究生，给予每人每月2000元生活补贴，最长补贴3年。");
    assert_eq!(b.kind, BenefitKind::Living);
    assert_eq!((b.amount_min, b.amount_max), (Some(2000), Some(2000)));
    assert_eq!(b.period, Some(Period::Monthly));
    assert_eq!(b.years, Some(3));
    assert_eq!(b.value, Some(72_000));
    assert_eq!(b.recipients.degrees, ["博士"]);
}

#[test]
fn several_degrees_share_out_several_amounts() {
    let found = extract(&["博士、硕士分别给予每人5万元、2万元安家补贴。"]);
    let got: Vec<_> = found
        .iter()
        .map(|b| (b.kind, b.amount_max, b.recipients.degrees.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                BenefitKind::Settling,
                Some(50_000),
                vec!["博士".to_string()]
            ),
            (
                BenefitKind::Settling,
                Some(20_000),
                vec!["硕士".to_string()]
            ),
        ]
    );
}

#[test]
fn amounts_that_are_no_offer_yield_nothing() {
    nothing_in(&[
        "项目总投资5亿元，建设人才创新中心。",
        "违反本条例规定的，处以2000元以上1万元以下罚款。",
        "对企业购置研发设备给予最高200万元补贴。",
        "研究制定人才住房补贴办法。",
    ]);
}

#[test]
fn records_are_their_spans_of_the_article() {
    let paragraphs = [
        "第一条 总则。",
        "对35周岁以下的硕士研究生，给予一次性3万元安家费；可免租入住人才公寓。",
    ];
    let joined: Vec<char> = paragraphs.join("\n").chars().collect();
    let found = extract(&paragraphs);
    assert_eq!(found.len(), 2, "{found:#?}");
    for b in &found {
        let span: String = joined[b.start..b.end].iter().collect();
        assert_eq!(span, b.text);
    }
    assert_eq!(found[0].period, Some(Period::Once));
    assert_eq!(found[0].recipients.age_max, Some(35));
    assert_eq!(found[1].kind, BenefitKind::Apartment);
    assert_eq!(found[1].amount_max, None);
}

#[test]
fn the_people_are_named_before_the_list_of_what_they_are_offered() {
    let found =
        extract(&["对引进的高层次、紧缺金融人才在户籍办理、住房、子女就学等方面提供便利。"]);
    let schooling = found
        .iter()
        .find(|b| b.kind == BenefitKind::Schooling)
        .expect("schooling");
    assert_eq!(
        schooling.recipients.conditions.as_deref(),
        Some("引进的高层次、紧缺金融人才")
    );
    assert_eq!(schooling.recipients.tiers, ["高层次人才"]);
}

#[test]
fn a_word_with_dui_is_no_recipient() {
    let b = one("将低收入残疾人家庭纳入住房保障对象，提供租房补贴。");
    assert_eq!(b.recipients.conditions, None);
}

#[test]
fn rent_for_business_premises_is_start_up_support() {
    assert_eq!(
        one("对青年到孵化载体创业给予租金补贴。").kind,
        BenefitKind::Startup
    );
    assert_eq!(
        one("对新引进的博士给予每月1000元租金补贴。").kind,
        BenefitKind::Housing
    );
}

#[test]
fn everyday_services_denials_and_bodies_offer_nothing() {
    nothing_in(&[
        "医疗机构应当为老年人提供基本医疗服务。",
        "失业人员超过法定退休年龄的，不享受求职补贴。",
        "乡镇人民政府应当做好医疗保障相关工作，指导居民委员会协助开展工作。",
    ]);
    assert_eq!(
        one("为高层次人才提供医疗服务绿色通道。").kind,
        BenefitKind::Medical
    );
}

#[test]
fn a_list_of_amounts_names_its_benefit_once_after_the_last() {
    let found =
        extract(&["按博士每人8万元、硕士每人4万元、本科每人2万元的标准发放一次性安家补贴。"]);
    let got = kind_amount_degrees(&found);
    assert_eq!(
        got,
        [
            (BenefitKind::Settling, Some(80_000), "博士".to_string()),
            (BenefitKind::Settling, Some(40_000), "硕士".to_string()),
            (BenefitKind::Settling, Some(20_000), "本科".to_string()),
        ]
    );
}

#[test]
fn an_organisation_named_by_its_head_is_no_recipient() {
    nothing_in(&[
        "对招收博士后的设站单位，给予每人10万元资助。",
        "按每人每月800元给予实训基地见习补贴。",
    ]);
    assert_eq!(
        one("对来我市创办企业的海外博士，给予最高50万元创业资助。").amount_max,
        Some(500_000)
    );
}

#[test]
fn reports_of_what_was_paid_offer_nothing() {
    nothing_in(&[
        "全市已有1200名硕士享受租房补贴。",
        "今年以来累计发放购房补贴3.6亿元，惠及人才8000人。",
        "去年已为1.5万名毕业生发放求职补贴3000万元。",
    ]);
}

#[test]
fn the_first_item_of_a_list_names_whom_the_rest_are_for() {
    let found = extract(&[
        "领军人才享受以下支持：1.科研经费：最高给予500万元；2.住房：免费提供周转住房；3.子女就学：协调安排入学。",
    ]);
    let schooling = found
        .iter()
        .find(|b| b.kind == BenefitKind::Schooling)
        .expect("schooling");
    assert_eq!(schooling.recipients.tiers, ["领军人才"]);
}

#[test]
fn a_table_pays_each_column_to_each_row() {
    let found = extract(&[
        "表1 补贴标准",
        "学历 安家补贴 生活补贴（每月）",
        "博士研究生 10万元 3000元",
        "硕士研究生 5万元 1500元",
        "注：以上补贴连续发放3年。",
    ]);
    let got: Vec<_> = found
        .iter()
        .map(|b| {
            (
                b.kind,
                b.amount_max,
                b.period,
                b.recipients.degrees.join(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                BenefitKind::Settling,
                Some(100_000),
                None,
                "博士".to_string()
            ),
            (
                BenefitKind::Living,
                Some(3000),
                Some(Period::Monthly),
                "博士".to_string()
            ),
            (
                BenefitKind::Settling,
                Some(50_000),
                None,
                "硕士".to_string()
            ),
            (
                BenefitKind::Living,
                Some(1500),
                Some(Period::Monthly),
                "硕士".to_string()
            ),
        ]
    );
    assert_eq!(found[0].text, "博士研究生 10万元 3000元");
}

#[test]
fn a_table_may_name_recipients_over_its_columns() {
    let found = extract(&["项目 | 博士 | 硕士\n购房补贴 | 20万元 | 10万元"]);
    let got = kind_amount_degrees(&found);
    assert_eq!(
        got,
        [
            (BenefitKind::HomePurchase, Some(200_000), "博士".to_string()),
            (BenefitKind::HomePurchase, Some(100_000), "硕士".to_string()),
        ]
    );
}

#[test]
fn a_heading_may_state_the_unit_and_the_years() {
    let found = extract(&["类别｜购房补贴（万元）｜兑现期限\n博士｜30｜分3年\n硕士｜15｜分3年"]);
    let got: Vec<_> = found
        .iter()
        .map(|b| (b.amount_max, b.years, b.recipients.degrees.join("")))
        .collect();
    assert_eq!(
        got,
        [
            (Some(300_000), Some(3), "博士".to_string()),
            (Some(150_000), Some(3), "硕士".to_string()),
        ]
    );
    nothing_in(&["平台｜资助金额\n省级工程研究院｜500万元"]);
}

#[test]
fn ages_listed_after_their_degrees_stay_with_them() {
    let found =
        extract(&["对博士（40周岁以下）、硕士（35周岁以下）分别给予10万元、5万元安家补贴。"]);
    let ages: Vec<_> = found.iter().map(|b| b.recipients.age_max).collect();
    assert_eq!(ages, [Some(40), Some(35)]);
}

#[test]
fn places_people_come_to_and_conditions_in_time_are_no_refusal() {
    for text in [
        "对经认定的高层次人才来我市的，给予100万元安家补贴。",
        "对到乡镇工作的教师，给予每月500元岗位津贴。",
        "截至申报日，团队核心成员不少于3人的，给予50万元资助。",
    ] {
        one(text);
    }
    nothing_in(&[
        "骗取补贴的，责令退还已领取的安家补贴10万元。",
        "对人才工作考核优秀的县（市、区），给予100万元奖励。",
    ]);
}
