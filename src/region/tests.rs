use super::{Evidence, Gazetteer, Level, Region, attribute};

fn region(province: &str, city: Option<&str>, county: Option<&str>) -> Region {
    Region {
        province: province.to_string(),
        city: city.map(str::to_string),
        county: county.map(str::to_string),
    }
}

/// The text of a raw sample after its title line, as a rough body.
fn body_after<'a>(raw: &'a str, title: &str) -> &'a str {
    raw.find(title).map_or(raw, |i| &raw[i + title.len()..])
}

const SEED_000: &str = include_str!("../../sample/000_3d269265e2e65e9d.txt");
const SEED_001: &str = include_str!("../../sample/001_23f8d249a03d504e.txt");
const SEED_003: &str = include_str!("../../sample/003_fce8a01556af8c65.txt");
const SEED_004: &str = include_str!("../../sample/004_b9d7cf7391a497ef.txt");

/// Sample 002 after folding to Simplified script.
const SEED_002_BODY: &str = "党的二十大报告提出,坚持科技是第一生产力,人才是第一资源,创新是第一动力。今年以来,我市以“五大任务”“六大产业”重大需求为导向,立足首府优势做好科技人才的引育用留工作,为服务国家战略和区域高质量发展提供人才支撑。
依托一流平台,集聚、用好人才。重点推进国家乳业技术创新中心、国家草业技术创新中心、动物疫苗技术创新中心三大策源平台建设。
深化科技合作,引进、用好人才。目前,中国农科院与蒙草集团已签订草业战略合作协议。正在推动中科院、西安交大团队落地创办企业、共建研究院等,以及京蒙协作重点项目,呼和浩特科创中心(北京)人才飞地即将投入使用。
优化人才生态,吸引、留住人才。开展科技部“科技领军人才青城行”活动。目前正在推动设立国家技术转移中心东部中心、浙江大学技术转移中心、哈尔滨工业大学技术转移中心的分中心。
发布人:呼和浩特市科技局";

#[test]
fn seed_000_yangquan_daily() {
    let title = "打造创新人才高地 引领高质量发展";
    let ev = Evidence {
        title,
        source: Some("阳泉日报"),
        body: body_after(SEED_000, title),
        hint: Some("阳泉日报新闻"),
        ..Evidence::default()
    };
    let want = region("山西省", Some("阳泉市"), None);
    assert_eq!(attribute(Gazetteer::bundled(), &ev), Some(want));
}

#[test]
fn seed_001_yuncheng_without_source() {
    let title = "厚植人才沃土 赋能高质量发展";
    let ev = Evidence {
        title,
        body: body_after(SEED_001, title),
        hint: Some("网络编辑 运城"),
        ..Evidence::default()
    };
    let want = region("山西省", Some("运城市"), None);
    assert_eq!(attribute(Gazetteer::bundled(), &ev), Some(want));
    let bare = Evidence { hint: None, ..ev };
    assert_eq!(
        attribute(Gazetteer::bundled(), &bare)
            .and_then(|r| r.city)
            .as_deref(),
        Some("运城市")
    );
}

#[test]
fn seed_002_hohhot() {
    let ev = Evidence {
        title: "呼和浩特:“引育用留”打造人才创新高地",
        source: Some("呼和浩特市科技局"),
        body: SEED_002_BODY,
        ..Evidence::default()
    };
    let want = region("内蒙古自治区", Some("呼和浩特市"), None);
    assert_eq!(attribute(Gazetteer::bundled(), &ev), Some(want));
}

#[test]
fn seed_003_city_article_mentioning_a_district() {
    let title = "阳泉市科技创新推进大会提出要打造一流创新生态重塑竞争新优势";
    let ev = Evidence {
        title,
        source: Some("阳泉市科技局"),
        body: body_after(SEED_003, title),
        ..Evidence::default()
    };
    let want = region("山西省", Some("阳泉市"), None);
    assert_eq!(attribute(Gazetteer::bundled(), &ev), Some(want));
}

#[test]
fn seed_004_province_wide() {
    let title = "“向‘新’而行”山西省开发区多措并举 打造吸引人才“磁场高地”";
    let ev = Evidence {
        title,
        source: Some("人民日报客户端山西频道"),
        body: body_after(SEED_004, title),
        ..Evidence::default()
    };
    assert_eq!(
        attribute(Gazetteer::bundled(), &ev),
        Some(region("山西省", None, None))
    );
}

#[test]
fn county_and_municipality_articles() {
    let g = Gazetteer::bundled();
    let ev = Evidence {
        title: "平遥县出台人才新政",
        body: "近日，我县召开人才工作会议。",
        ..Evidence::default()
    };
    assert_eq!(
        attribute(g, &ev),
        Some(region("山西省", Some("晋中市"), Some("平遥县")))
    );
    let ev = Evidence {
        title: "东城区发布人才引进办法",
        body: "本区将加大人才引进力度。",
        ..Evidence::default()
    };
    assert_eq!(
        attribute(g, &ev),
        Some(region("北京市", Some("北京市"), Some("东城区")))
    );
    let ev = Evidence {
        title: "济源市举办人才招聘会",
        ..Evidence::default()
    };
    assert_eq!(
        attribute(g, &ev),
        Some(region("河南省", Some("济源市"), None))
    );
}

#[test]
fn institutions_and_common_words_do_not_place() {
    let g = Gazetteer::bundled();
    let ev = Evidence {
        title: "重庆大学与北京大学签约",
        body: "双方将在人才培养方面合作，实现民族复兴与乡村振兴，新兴产业和平发展。",
        ..Evidence::default()
    };
    assert_eq!(attribute(g, &ev), None);
    let ev = Evidence {
        title: "鼓楼区举办人才活动",
        body: "活动在城区举行。",
        ..Evidence::default()
    };
    assert_eq!(attribute(g, &ev), None);
    let ev = Evidence {
        title: "南京市鼓楼区举办人才活动",
        ..Evidence::default()
    };
    assert_eq!(
        attribute(g, &ev),
        Some(region("江苏省", Some("南京市"), Some("鼓楼区")))
    );
}

#[test]
fn lookup_accepts_short_names() {
    let g = Gazetteer::bundled();
    assert_eq!(
        g.lookup("阳泉", None),
        Some(region("山西省", Some("阳泉市"), None))
    );
    assert_eq!(g.lookup("山西", None), Some(region("山西省", None, None)));
    let pingyao = Some(region("山西省", Some("晋中市"), Some("平遥县")));
    assert_eq!(g.lookup("平遥县", None), pingyao);
    assert_eq!(g.lookup("平遥", None), pingyao);
    assert_eq!(
        g.lookup("内蒙古", None),
        Some(region("内蒙古自治区", None, None))
    );
    assert_eq!(g.lookup("吉林", None), Some(region("吉林省", None, None)));
    assert_eq!(
        g.lookup("吉林", Some(Level::City)),
        Some(region("吉林省", Some("吉林市"), None))
    );
    assert_eq!(
        g.lookup("北京", Some(Level::City)),
        Some(region("北京市", Some("北京市"), None))
    );
    assert_eq!(
        g.lookup("东城区", None),
        Some(region("北京市", Some("北京市"), Some("东城区")))
    );
    assert_eq!(
        g.lookup("仙桃", None),
        Some(region("湖北省", Some("仙桃市"), None))
    );
    assert_eq!(g.lookup("火星", None), None);
    let gulou = g.lookup_within("鼓楼区", Level::County, Some("福建"), None);
    assert_eq!(
        gulou,
        Some(region("福建省", Some("福州市"), Some("鼓楼区")))
    );
    let gulou = g.lookup_within("鼓楼区", Level::County, None, Some("徐州市"));
    assert_eq!(
        gulou,
        Some(region("江苏省", Some("徐州市"), Some("鼓楼区")))
    );
}

#[test]
fn listings() {
    let g = Gazetteer::bundled();
    assert_eq!(g.provinces().len(), 31);
    assert_eq!(g.provinces()[3], "山西省");
    assert_eq!(g.cities_of("北京市"), vec!["北京市"]);
    assert!(g.cities_of("山西省").contains(&"阳泉市"));
    assert!(g.cities_of("河南").contains(&"济源市"));
    let names = g.place_names();
    for n in ["阳泉市", "阳泉", "内蒙古自治区", "内蒙古", "平遥县", "平遥"] {
        assert!(names.iter().any(|x| x == n), "{n}");
    }
    assert!(!names.iter().any(|x| x == "市辖区" || x == "县"));
}

#[test]
fn false_friends_are_ignored() {
    let g = Gazetteer::bundled();
    let ev = Evidence {
        title: "上海市黄浦江苏州河滨水公共空间条例",
        body: "本市加强黄浦江、苏州河沿岸公共空间管理。市人民政府会同县级人民政府和有关部门负责实施。",
        ..Evidence::default()
    };
    assert_eq!(
        attribute(g, &ev),
        Some(region("上海市", Some("上海市"), None))
    );
    let ev = Evidence {
        title: "李长春在辽宁调研",
        body: "李长春先后到辽宁省辽阳、鞍山、营口、盘锦、沈阳等地调研。李长春强调，要振兴老工业基地。",
        ..Evidence::default()
    };
    assert_eq!(attribute(g, &ev), Some(region("辽宁省", None, None)));
    let ev = Evidence {
        title: "中共中央 国务院批复《河北雄安新区规划纲要》",
        body: "要坚持稳定安全，弘扬中华优秀传统文化，推动新兴产业合作，共和国……\n\
               创新乡村治理，提高医保定点机构均衡水平，建设美丽江西，深化巴中关系。",
        ..Evidence::default()
    };
    assert_eq!(attribute(g, &ev), Some(region("河北省", None, None)));
}

#[test]
fn segmentation_prefers_higher_levels() {
    let g = Gazetteer::bundled();
    let names = |text: &str| -> Vec<String> {
        g.scan(text)
            .into_iter()
            .filter_map(|h| match h {
                super::scan::Hit::Name(k) => Some(g.keys[k].0.clone()),
                super::scan::Hit::SelfRef(_) => None,
            })
            .collect()
    };
    assert_eq!(names("建设美丽江西"), ["江西"]);
    assert_eq!(names("河南平顶山"), ["河南", "平顶山"]);
    assert_eq!(names("太原理工大学与阳泉市签约"), ["阳泉市"]);
    assert_eq!(names("黄浦江畔"), Vec::<String>::new());
}

#[test]
fn a_short_county_name_counts_when_its_province_is_named() {
    let ev = Evidence {
        title: "福建晋江：爱拼才会赢",
        body: "今天我们首先走进福建晋江。晋江靠鞋服、纺织等产业起家，晋江一批龙头企业迅速成长。",
        ..Evidence::default()
    };
    let want = region("福建省", Some("泉州市"), Some("晋江市"));
    assert_eq!(attribute(Gazetteer::bundled(), &ev), Some(want));
    // Without its province, a two-character short name is not evidence on its own.
    let ev = Evidence {
        title: "晋江：爱拼才会赢",
        body: "晋江靠鞋服、纺织等产业起家。",
        ..Evidence::default()
    };
    assert_eq!(attribute(Gazetteer::bundled(), &ev), None);
}
