//! The one catalogue of benefits: each kind with the phrases that name it, the degrees and
//! tiers of recipients, and the words that mark an amount as no offer to people.

use serde::Serialize;

/// A kind of benefit, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum BenefitKind {
    /// 购房补贴.
    #[serde(rename = "购房补贴")]
    HomePurchase,
    /// 住房补贴 / 租房补贴.
    #[serde(rename = "住房补贴")]
    Housing,
    /// 生活补贴.
    #[serde(rename = "生活补贴")]
    Living,
    /// 安家补贴 / 安家费.
    #[serde(rename = "安家补贴")]
    Settling,
    /// 人才津贴 / 岗位津贴.
    #[serde(rename = "人才津贴")]
    Allowance,
    /// 一次性奖励.
    #[serde(rename = "一次性奖励")]
    Reward,
    /// 科研经费 / 项目资助.
    #[serde(rename = "科研经费")]
    Research,
    /// 综合资助.
    #[serde(rename = "综合资助")]
    Package,
    /// 创业资助 / 创业补贴.
    #[serde(rename = "创业资助")]
    Startup,
    /// 就业补贴.
    #[serde(rename = "就业补贴")]
    Employment,
    /// 人才公寓 / 免租入住.
    #[serde(rename = "人才公寓")]
    Apartment,
    /// 落户.
    #[serde(rename = "落户")]
    Residence,
    /// 子女入学.
    #[serde(rename = "子女入学")]
    Schooling,
    /// 配偶就业.
    #[serde(rename = "配偶就业")]
    SpouseJob,
    /// 医疗保障.
    #[serde(rename = "医疗保障")]
    Medical,
    /// 博士后资助.
    #[serde(rename = "博士后资助")]
    Postdoc,
}

impl BenefitKind {
    /// Every kind, in the catalogue's order.
    pub const ALL: [BenefitKind; 16] = [
        BenefitKind::HomePurchase,
        BenefitKind::Housing,
        BenefitKind::Living,
        BenefitKind::Settling,
        BenefitKind::Allowance,
        BenefitKind::Reward,
        BenefitKind::Research,
        BenefitKind::Package,
        BenefitKind::Startup,
        BenefitKind::Employment,
        BenefitKind::Apartment,
        BenefitKind::Residence,
        BenefitKind::Schooling,
        BenefitKind::SpouseJob,
        BenefitKind::Medical,
        BenefitKind::Postdoc,
    ];

    /// The normalised Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            BenefitKind::HomePurchase => "购房补贴",
            BenefitKind::Housing => "住房补贴",
            BenefitKind::Living => "生活补贴",
            BenefitKind::Settling => "安家补贴",
            BenefitKind::Allowance => "人才津贴",
            BenefitKind::Reward => "一次性奖励",
            BenefitKind::Research => "科研经费",
            BenefitKind::Package => "综合资助",
            BenefitKind::Startup => "创业资助",
            BenefitKind::Employment => "就业补贴",
            BenefitKind::Apartment => "人才公寓",
            BenefitKind::Residence => "落户",
            BenefitKind::Schooling => "子女入学",
            BenefitKind::SpouseJob => "配偶就业",
            BenefitKind::Medical => "医疗保障",
            BenefitKind::Postdoc => "博士后资助",
        }
    }

    /// The kind a normalised name (as [`BenefitKind::label`] writes it) denotes.
    pub fn from_label(label: &str) -> Option<BenefitKind> {
        BenefitKind::ALL.into_iter().find(|k| k.label() == label)
    }

    /// Whether the kind is named in everyday public-service words (医疗服务, 健康体检), which
    /// health and welfare rules use throughout for services to everyone: it is an offer only
    /// when the sentence names talent as the recipient.
    pub fn needs_talent(self) -> bool {
        matches!(self, BenefitKind::Medical)
    }

    /// Whether the benefit is given in kind, not in money (its amounts are null).
    pub fn in_kind(self) -> bool {
        matches!(
            self,
            BenefitKind::Apartment
                | BenefitKind::Residence
                | BenefitKind::Schooling
                | BenefitKind::SpouseJob
                | BenefitKind::Medical
        )
    }
}

/// The phrases that name each kind; the longest phrase found at a place wins.
pub const PHRASES: &[(&str, BenefitKind)] = &[
    ("购房补贴", BenefitKind::HomePurchase),
    ("购房补助", BenefitKind::HomePurchase),
    ("购房款补贴", BenefitKind::HomePurchase),
    ("购房资助", BenefitKind::HomePurchase),
    ("住房补贴", BenefitKind::Housing),
    ("住房补助", BenefitKind::Housing),
    ("租房补贴", BenefitKind::Housing),
    ("租房补助", BenefitKind::Housing),
    ("租赁补贴", BenefitKind::Housing),
    ("房租补贴", BenefitKind::Housing),
    ("租金补贴", BenefitKind::Housing),
    ("生活补贴", BenefitKind::Living),
    ("生活补助", BenefitKind::Living),
    ("生活津贴", BenefitKind::Living),
    ("生活费补贴", BenefitKind::Living),
    ("安家补贴", BenefitKind::Settling),
    ("安家补助", BenefitKind::Settling),
    ("安家费", BenefitKind::Settling),
    ("岗位津贴", BenefitKind::Allowance),
    ("专项津贴", BenefitKind::Allowance),
    ("政府津贴", BenefitKind::Allowance),
    ("津贴", BenefitKind::Allowance),
    ("人才津贴", BenefitKind::Allowance),
    ("特殊津贴", BenefitKind::Allowance),
    ("特殊人才津贴", BenefitKind::Allowance),
    ("工作补贴", BenefitKind::Allowance),
    ("一次性奖励", BenefitKind::Reward),
    ("奖励", BenefitKind::Reward),
    ("奖补", BenefitKind::Reward),
    ("科研经费", BenefitKind::Research),
    ("科研启动经费", BenefitKind::Research),
    ("科研启动资金", BenefitKind::Research),
    ("科研资助", BenefitKind::Research),
    ("项目资助", BenefitKind::Research),
    ("项目经费", BenefitKind::Research),
    ("综合资助", BenefitKind::Package),
    ("资助", BenefitKind::Package),
    ("创业资助", BenefitKind::Startup),
    ("创业补贴", BenefitKind::Startup),
    ("创业补助", BenefitKind::Startup),
    ("创业扶持资金", BenefitKind::Startup),
    ("创业启动资金", BenefitKind::Startup),
    ("创业启动经费", BenefitKind::Startup),
    ("场租补贴", BenefitKind::Startup),
    ("场地租金", BenefitKind::Startup),
    ("就业补贴", BenefitKind::Employment),
    ("就业补助", BenefitKind::Employment),
    ("见习补贴", BenefitKind::Employment),
    ("求职补贴", BenefitKind::Employment),
    ("求职创业补贴", BenefitKind::Employment),
    ("面试补贴", BenefitKind::Employment),
    ("面试补助", BenefitKind::Employment),
    ("人才公寓", BenefitKind::Apartment),
    ("免租入住", BenefitKind::Apartment),
    ("人才住房", BenefitKind::Apartment),
    ("免费住房", BenefitKind::Apartment),
    ("免租住房", BenefitKind::Apartment),
    ("周转住房", BenefitKind::Apartment),
    ("周转房", BenefitKind::Apartment),
    ("免收租金", BenefitKind::Apartment),
    ("人才驿站", BenefitKind::Apartment),
    ("落户", BenefitKind::Residence),
    // A slogan: settle first, find work after; its 落户后 is no condition.
    ("先落户后", BenefitKind::Residence),
    ("户籍迁入", BenefitKind::Residence),
    ("户口迁入", BenefitKind::Residence),
    ("子女入学", BenefitKind::Schooling),
    ("子女就学", BenefitKind::Schooling),
    ("子女教育", BenefitKind::Schooling),
    ("配偶就业", BenefitKind::SpouseJob),
    ("配偶安置", BenefitKind::SpouseJob),
    ("配偶工作", BenefitKind::SpouseJob),
    ("医疗保障", BenefitKind::Medical),
    ("医疗服务", BenefitKind::Medical),
    ("医疗保健", BenefitKind::Medical),
    ("健康体检", BenefitKind::Medical),
    ("就医绿色通道", BenefitKind::Medical),
    ("博士后资助", BenefitKind::Postdoc),
];

/// Kinds that become 博士后资助 in a sentence about 博士后 funding.
pub const POSTDOC_FUNDING: &[BenefitKind] = &[
    BenefitKind::Living,
    BenefitKind::Research,
    BenefitKind::Package,
    BenefitKind::Postdoc,
];

/// The word that makes a sentence about 博士后.
pub const POSTDOC: &str = "博士后";

/// Degrees: the phrase as written and the degree it names (longest phrase first).
pub const DEGREES: &[(&str, &str)] = &[
    ("博士后", "博士后"),
    ("博士研究生", "博士"),
    ("博士", "博士"),
    ("硕士研究生", "硕士"),
    ("硕士", "硕士"),
    ("本科生", "本科"),
    ("本科", "本科"),
    ("学士", "本科"),
    ("大专", "专科"),
    ("专科", "专科"),
    ("高职", "专科"),
];

/// The order degrees are listed in.
pub const DEGREE_ORDER: [&str; 5] = ["博士后", "博士", "硕士", "本科", "专科"];

/// Tiers of talent: the phrase as written and the tier it names (longest phrase first).
pub const TIERS: &[(&str, &str)] = &[
    ("顶尖人才", "顶尖人才"),
    ("领军人才", "领军人才"),
    ("高层次人才", "高层次人才"),
    ("拔尖人才", "拔尖人才"),
    ("青年人才", "青年人才"),
    ("团队", "团队"),
    ("A类", "A类"),
    ("B类", "B类"),
    ("C类", "C类"),
    ("D类", "D类"),
    ("E类", "E类"),
];

/// Words that make an amount something other than an offer to people: investments, budgets,
/// fines, donations, prizes won, turnover, prices, pay and funds (prohibitions and penalties
/// are in [`PROHIBITIONS`]).
pub const NOT_AN_OFFER: &[&str] = &[
    "罚金",
    "处以",
    "没收",
    "投资",
    "投入",
    "预算",
    "总额",
    "捐",
    "奖金",
    "荣获",
    "获得了",
    "获奖",
    "营业收入",
    "营收",
    "销售收入",
    "产值",
    "融资",
    "基金规模",
    "规模达",
    "兑现",
    "已发放",
    "设备",
    "厂房",
    "用地",
    "收费",
    "费用为",
    "价格",
    "工资",
    "薪酬",
    "年薪",
    "税收",
    "累计",
    "下达",
    "下拨",
    "提供了",
    "给予了",
    "发放了",
    "拿出",
    "财政拨付",
    "每平方米",
    "每平米",
];

/// Words right before an amount that make it a figure reported, not an offer (近20亿元).
pub const APPROXIMATE: &[&str] = &["近", "约", "逾", "超"];

/// Endings of a recipient that make it an organisation, not a person.
pub const ORGANISATIONS: &[&str] = &[
    "企业",
    "单位",
    "公司",
    "机构",
    "平台",
    "园区",
    "基地",
    "工作站",
    "项目",
    "高校",
    "医院",
    "学校",
    "银行",
    "中心",
    "实验室",
    "研究院",
    "研究所",
    "市场主体",
    "用人单位",
];

/// Words that make a recipient a person even when an organisation is named ("大学生创业项目").
pub const PERSONS: &[&str] = &[
    "人才",
    "博士",
    "硕士",
    "本科",
    "毕业生",
    "研究生",
    "专家",
    "大学生",
    "青年",
    "团队",
    "个人",
    "本人",
];

/// Words that end the name of a government as the head of a phrase ("考核优秀的县"); inside a
/// phrase they are places ("来我市工作").
pub const HEAD_ORGANISATIONS: &[&str] = &["县", "区", "市", "乡", "镇", "区县", "县区", "乡镇"];

/// Characters that join the items of a list: of amounts ("5万元、2万元"), of a phrase's head
/// ("青年及其团队、企业").
pub const LIST_JOINS: &[char] = &['、', '和', '或', '及', '与'];

/// Organisation words that a person's name before them makes the person's ("大学生创业项目").
pub const PERSONS_OWN: &[&str] = &["项目"];

/// Words of the past that, with a count of people, make a sentence a report of how many had a
/// benefit (已有3000名博士享受购房补贴, 已为2万名毕业生发放补贴1亿元), not an offer.
pub const REPORTED: &[&str] = &[
    "已有",
    "已经有",
    "已为",
    "累计",
    "截至",
    "以来",
    "惠及",
    "共有",
];

/// A number as counts of people write it.
pub const COUNT: &str = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)";

/// Characters before a number that make it a rank or a rate, not a count ("前100名", "每名").
pub const NOT_A_COUNT: &[char] = &['前', '第', '每', '排'];

/// Characters after a count's 人 that make it a name ("千人计划", "百人才"), not people.
pub const NOT_A_COUNT_AFTER: &[char] = &['才', '计'];

/// Words that make a sentence a report of a speech (a leader urging policies): no benefit
/// without an amount is read from it.
pub const SPEECH: &[&str] = &["指出", "强调"];

/// Words by which a sentence offers a benefit.
pub const OFFER_VERBS: &[&str] = &[
    "给予",
    "提供",
    "享受",
    "享有",
    "可",
    "优先",
    "安排",
    "协助",
    "解决",
    "办理",
    "免费",
    "免租",
    "免收",
    "予以",
    "入住",
    "随迁",
    "协调",
    "发放",
    "开通",
    "放开",
    "申请",
    "领取",
    "便利",
    "优待",
    "照顾",
    "待遇",
    "服务保障",
];

/// Words of which one must stand in a sentence offering a benefit in kind, or one without an
/// amount: the people it is for.
pub const PEOPLE: &[&str] = &[
    "人才",
    "博士",
    "硕士",
    "本科",
    "专科",
    "毕业生",
    "研究生",
    "专家",
    "学者",
    "青年",
    "团队",
    "大师",
    "人员",
    "个人",
    "残疾人",
    "农民工",
    "职工",
    "劳动者",
    "居民",
    "父母",
    "发明人",
    "举报人",
    "退役军人",
    "老年人",
    "学生",
    "教师",
    "家庭",
];

/// Words that make a sentence a prohibition, a penalty, a denial or a clawback, not an offer
/// ("不得…", "取消其…奖励", "不享受求职补贴", "…的，劳动合同可以终止"): no benefit without an amount
/// is read from such a sentence, nor an amount in a clause holding one ("责令退还…10万元").
pub const PROHIBITIONS: &[&str] = &[
    "不得",
    "禁止",
    "纵容",
    "违反",
    "处罚",
    "罚款",
    "取消",
    "追回",
    "骗取",
    "不享受",
    "不予",
    "终止",
    "停止",
    "退还",
    "退回",
    "返还",
];

/// Names of bodies that contain a word for people ("居民委员会", "职工代表大会"): such a word
/// names the body, not people offered something.
pub const BODIES: &[&str] = &["委员会", "代表大会"];

/// Words naming talent as the recipient. Kinds named in everyday public-service words
/// ([`BenefitKind::needs_talent`]) are a benefit only in a sentence naming one of these.
pub const TALENT: &[&str] = &[
    "人才",
    "专家",
    "博士",
    "硕士",
    "研究生",
    "毕业生",
    "学者",
    "院士",
    "大师",
    "高层次",
    "领军",
];

/// Words that make a clause about building, planning or the past, not an offer to people.
pub const SUPPLY: &[&str] = &[
    "支出",
    "列入",
    "计入",
    "下拨",
    "建设人才",
    "建设用地",
    "新建",
    "筹集",
    "用地",
    "建筑面积",
    "房源",
    "研究制定",
    "制定",
    "已为",
    "办理了",
    "建设企业",
    "设施",
    "建成",
    "等经费",
    "计发",
    "凭证",
];

/// Rent subsidies and remissions whose name does not say what is rented: for business premises (a word of
/// [`PREMISES`] in their clause) they are start-up support, else housing.
pub const RENT_PHRASES: &[&str] = &["租金补贴", "租赁补贴", "房租补贴", "免收租金"];

/// Words for business premises.
pub const PREMISES: &[&str] = &[
    "孵化",
    "经营场所",
    "办公场所",
    "办公用房",
    "场地",
    "厂房",
    "创业培训",
];

/// Names too general to stand for a benefit without an amount: "给予表彰和奖励" closes most
/// regulations, whatever their subject.
pub const GENERAL: &[&str] = &["奖励", "资助", "奖补", "津贴"];

/// A benefit named in two parts within a clause or across one break: 配偶随迁需要就业,
/// 子女可根据本人意愿，选择…就读.
pub const SPLIT_PHRASES: &[(&str, BenefitKind)] = &[
    (
        r"配偶[^，,。；;]{0,16}?(?:就业|工作|安置)",
        BenefitKind::SpouseJob,
    ),
    // 配偶随迁的，由…安排工作: the condition's clause, then what is done.
    (
        r"配偶[^，,。；;]{0,16}?的[，,][^，,。；;]{0,16}?(?:就业|工作|安置)",
        BenefitKind::SpouseJob,
    ),
    (
        r"子女[^，,。；;]{0,16}?[，,]?[^，,。；;]{0,16}?(?:入学|入读|就读|就学|入园|择校)",
        BenefitKind::Schooling,
    ),
];

/// Words after a benefit that name whom it applies to ("适用于…博士研究生").
pub const RECIPIENTS_AFTER: &[&str] = &["适用于", "适用对象为", "对象为", "面向", "限于"];

/// Characters after 对 that make it part of a word (对象, 对接, 对外 …), not "to".
pub const NOT_TO: &[char] = &['象', '接', '外', '应', '比', '照', '话', '口', '策'];

/// "在落户、住房、子女入学等方面": the list of what is offered, after the people it is for.
pub const ASPECTS: &str = r"在[^，,。；;]*?方面";

/// Tiers listed with one 人才 after the last: 高层次、紧缺金融人才; 高层次、高技能人才. Each listed
/// head that ends with a tier's head names that tier.
pub const TIER_LIST: &str = r"((?:\p{Han}{1,6}、)+)\p{Han}{1,6}人才";

/// A tier named with a field between its parts: 高层次科技人才, 国家级领军人才.
pub const TIER_WITH_FIELD: &str = r"(顶尖|领军|高层次|拔尖|青年)型?[^，,。；;、和]{0,4}?人才";

/// Words right after a benefit's name that make it a rule, a fund or an office, not an offer.
pub const NOT_AFTER: &[&str] = &[
    "办法",
    "政策",
    "制度",
    "体系",
    "机制",
    "标准",
    "资金",
    "管理",
    "部门",
    "局",
    "机构",
    "条件",
    "限制",
    "门槛",
    "经费",
    "基金",
    "项目",
    "治理",
    "事业",
    "主管",
    "相关",
    "工作",
    "活动",
    "合格",
    "证明",
    "收费",
    "情况",
    "能力",
    "水平",
    "信息",
    "资源",
    "设施",
    "队伍",
    "经办",
    "行政",
    "使用",
    "需求",
    "人才队伍",
];

/// Phrases with a benefit word that name no benefit to a person: an enterprise settling, or
/// settling as a condition ("新落户的").
pub const NOT_A_BENEFIT: &[&str] = &[
    "企业落户",
    "项目落户",
    "总部落户",
    "机构落户",
    "落户企业",
    "新落户",
    "落户的",
    "落户后",
    "落户并",
    "落户本市的企业",
    "引进落户",
    "落户在",
    "园落户",
    "安家落户",
    // Rewards for bringing talent in go to employers and agencies; 吸纳就业 subsidies to
    // employers.
    "引才奖励",
    "引才补贴",
    "引才奖补",
    "吸纳就业",
];
