//! Short-form derivation and the small word lists that guard against false matches.

/// Ethnic group names as they appear inside autonomous-area names.
const ETHNIC: &str = "\
    蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 \
    傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 \
    撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 \
    裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各";

/// Administrative suffixes, longest first so that 自治县 wins over 县.
const SUFFIXES: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
];

/// Name endings of development zones and similar units that get no short form.
const NO_SHORT_ENDINGS: &[&str] = &[
    "开发区",
    "园区",
    "示范区",
    "管理区",
    "管委会",
    "委员会",
    "群岛",
    "海域",
    "新城",
];

/// Placeholder rows standing for the municipal districts or counties of a municipality.
pub(crate) const MUNICIPAL_PLACEHOLDERS: &[&str] = &["市辖区", "县"];

/// Placeholder rows grouping county-level units administered directly by a province.
pub(crate) const DIRECT_PLACEHOLDERS: &[&str] = &["省直辖县级行政区划", "自治区直辖县级行政区划"];

/// Short names that are also ordinary words or common substrings (会同有关部门, 稳定安全, 绿水青山).
///
/// A prefecture's counts only with its province otherwise named; a county's only with its full name present.
pub(crate) const WEAK_SHORTS: &str = "\
    朝阳 来宾 安康 白银 大庆 日照 中山 普洱 三明 阿里 开封 大同 黄山 北海 山南 \
    红河 怒江 攀枝花 长治 海西 玉树 白山 兴安 黑河 东方 天门 文昌 五指山 新星 \
    白杨 白沙 昌江 双河 文山 吉利 资源 合作 公安 会同 共和 新建 振兴 中方 港口 \
    新兴 和平 复兴 和政 友好 新和 运河 延长 古城 解放 平和 友谊 龙江 前进 市中 \
    定安 富裕 平安 惠民 大新 红旗 定结 扬中 同心 青山 大关 南海 双城 安居 兴业 \
    富民 金山 兴国 平原 光明 宏伟 南部 天桥 新城 太平 滨海 大城 路桥 乐业 河口 \
    江南 上高 政和 东至 海港 新华 大方 城中 长安 中原 安宁 安定 惠农 同仁 民权 \
    清水 江海 凤凰 新民 工农 同德 城关 向阳 长寿 白云 南山 西湖 泰山 鼓楼 普陀 \
    宝山 永和 安全 团结 胜利 先锋 东风 铁东 铁西 城东 城西 城北 城南 河东 河西 \
    江北 江东 湖滨 海城 龙湖 龙门 新市 东湖 天山 衡水 保定 巴中 海口 新乡 广安 \
    资兴 大安 合水 界首 建平 金安 迁安 康保 上林 响水 高安 义安 天等 明水 交城 \
    福安 南关 兴和 上城 杂多 定日 成安 内乡 同安 立山 融安 东海 建安 比如 临海 \
    高要 荣昌 金水 平利 从江 小金 南和 市北 东平 建宁 民丰 左权 安新 商城 大兴 \
    故城 龙井 牡丹 太湖 钱塘 金沙 鄱阳 盐湖 华龙 天河 浦江 梅江 平湖 水城 阳城 \
    大通 乌兰 滨江 鱼台 江口 文水 新安 临河 白河";

/// Words containing a place name that are not about the place; matched and discarded.
pub(crate) const BLOCKERS: &str = "\
    孙中山 中山装 中山陵 中山公园 三明治 阿里巴巴 阿里云 中外来宾 各位来宾 来宾们 \
    与会来宾 嘉宾来宾 长治久安 大理石 哈密瓜 新乡贤 光明日报 光明网 解放日报 解放军 \
    新华社 新华网 新华日报 新华书店 东方网 东方卫视 东方红 兴安岭 朝阳产业 朝阳行业 \
    白山黑水 和县( 和县（ 全市场 全区域 本区域 全省份 共和国 上海合作组织 北京时间 \
    合作社 平安建设 平安中国 新兴产业 新兴领域 和平发展 民族复兴 乡村振兴 振兴发展 \
    解放思想 黄浦江 苏州河 钱塘江 杭州湾 胶州湾 深圳湾 深圳河 大连湾 北海道";

/// Well-known names missing from the division tables, with the official unit they belong to.
pub(crate) const ALIASES: &[(&str, &str)] = &[("雄安新区", "河北省"), ("雄安", "河北省")];

/// Words that turn a preceding place name into an institution (universities and the like).
pub(crate) const INSTITUTION_WORDS: &[&str] = &[
    "大学",
    "学院",
    "理工",
    "师范",
    "交大",
    "医科",
    "工大",
    "农大",
    "师大",
    "医大",
    "财大",
    "科大",
    "邮电",
    "政法",
    "外国语",
    "航空航天",
];

/// Characters that, right after a full name ending in 市/县/区, show the suffix belongs to another
/// word (会同县级 is 会同 + 县级, 古城区域 is 古城 + 区域).
pub(crate) const SUFFIX_WORDS: &[char] = &['级', '域', '城', '区', '乡', '市', '镇'];

/// Words that, directly after a short name, make it part of a street or water body name
/// (中山路, 南京东路, 苏州河, 黄浦江, 胶州湾).
pub(crate) const FEATURE_WORDS: &[&str] = &[
    "路", "街", "大道", "大街", "东路", "西路", "南路", "北路", "中路", "江", "河", "湖", "湾",
];

/// Common surnames: a two-character short name right after one is likely a personal name.
pub(crate) const SURNAMES: &str = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦史顾侯邵孟段雷钱汤尹黎易常乔贺赖龚";

/// The entries of a space-separated word list.
pub(crate) fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split_whitespace()
}

/// Number of characters in a string.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The short form of an official name, if it differs and has at least two characters.
pub(crate) fn short_form(name: &str) -> Option<String> {
    if NO_SHORT_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return None;
    }
    let suffix = SUFFIXES.iter().find(|s| name.ends_with(*s))?;
    let stem = &name[..name.len() - suffix.len()];
    let short = if suffix.starts_with("自治") {
        strip_ethnic(stem)
    } else {
        stem.to_string()
    };
    (char_len(&short) >= 2 && short != name).then_some(short)
}

/// Removes the ethnic designation from the stem of an autonomous-area name.
fn strip_ethnic(stem: &str) -> String {
    // The first "<ethnic>族" marks where the place part ends (大厂回族 -> 大厂).
    let cut = stem.char_indices().map(|(i, _)| i).find(|&i| {
        words(ETHNIC).any(|e| stem[i..].starts_with(e) && stem[i + e.len()..].starts_with('族'))
    });
    let head = match cut {
        Some(i) => &stem[..i],
        None => stem,
    };
    if char_len(head) >= 2 && head != stem {
        return head.to_string();
    }
    // Some names omit 族 (博尔塔拉蒙古) or consist of the ethnic name alone (东乡族).
    let bare = stem.strip_suffix('族').unwrap_or(stem);
    words(ETHNIC)
        .filter(|e| bare.ends_with(e) && bare.len() > e.len())
        .map(|e| &bare[..bare.len() - e.len()])
        .find(|h| char_len(h) >= 2)
        .unwrap_or(bare)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::short_form;

    #[test]
    fn short_forms() {
        let cases = [
            ("山西省", Some("山西")),
            ("内蒙古自治区", Some("内蒙古")),
            ("广西壮族自治区", Some("广西")),
            ("新疆维吾尔自治区", Some("新疆")),
            ("阳泉市", Some("阳泉")),
            ("延边朝鲜族自治州", Some("延边")),
            ("博尔塔拉蒙古自治州", Some("博尔塔拉")),
            ("克孜勒苏柯尔克孜自治州", Some("克孜勒苏")),
            ("锡林郭勒盟", Some("锡林郭勒")),
            ("阿里地区", Some("阿里")),
            ("平遥县", Some("平遥")),
            ("东乡族自治县", Some("东乡")),
            ("鄂伦春自治旗", Some("鄂伦春")),
            ("彭水苗族土家族自治县", Some("彭水")),
            ("浦东新区", Some("浦东")),
            ("矿区", None),
            ("忠县", None),
            ("苏州工业园区", None),
        ];
        for (name, want) in cases {
            assert_eq!(short_form(name).as_deref(), want, "{name}");
        }
    }
}
