//! A generated crawler dump of talent-policy records, each distinct from every other.

use std::io::Write;
use std::path::Path;

/// Sentences of real talent-policy prose the records are made of.
const SENTENCES: [&str; 12] = [
    "为深入实施人才强市战略，加快集聚高层次人才，现提出如下意见。",
    "对新引进的全职博士研究生，给予每人每月三千元生活补贴。",
    "支持企业建设博士后科研工作站，给予一次性建站资助。",
    "人才公寓面向各类人才配租，租金按市场价格的百分之五十收取。",
    "符合条件的高校毕业生可先落户后就业，简化户籍迁移手续。",
    "设立人才发展专项资金，用于人才引进、培养和激励。",
    "鼓励用人单位柔性引进人才，按实际工作时间给予补助。",
    "对入选国家级人才计划的，给予最高一百万元奖励。",
    "建立人才服务绿色通道，提供子女入学、配偶就业等服务。",
    "实施青年英才计划，每年遴选一批优秀青年人才重点培养。",
    "完善科技成果转化收益分配机制，激发创新创业活力。",
    "对来本市创业的留学回国人员，给予场地租金减免。",
];

/// Distinct characters that make each record's text its own.
const MARKS: &str =
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海风云雷电春夏秋冬";

/// Six characters that differ from record to record throughout (a multiplicative hash of the
/// number), so that no two records are near copies of each other.
pub fn mark(i: usize) -> String {
    let marks: Vec<char> = MARKS.chars().collect();
    let mut n = (i as u64).wrapping_mul(2_654_435_761) % (1 << 32);
    let mut out = String::new();
    for _ in 0..6 {
        out.push(marks[(n % marks.len() as u64) as usize]);
        n /= marks.len() as u64;
    }
    out
}

/// Writes records `range` of the generated dump to `path`, one JSON object a line.
pub fn write_dump(path: &Path, range: std::ops::Range<usize>) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create dump"));
    for i in range {
        let code = mark(i);
        let body: Vec<String> = (0..6)
            .map(|k| {
                format!(
                    "{code}{}{code}",
                    SENTENCES[(i * 7 + k * 5) % SENTENCES.len()]
                )
            })
            .collect();
        let record = serde_json::json!({
            "title": format!("{code}人才政策第{i}号"),
            "pub_date": format!("{}-{:02}-{:02}", 2010 + i % 15, 1 + i % 12, 1 + i % 28),
            "source": "人才工作领导小组办公室",
            "content": body.join("\n"),
        });
        writeln!(out, "{record}").expect("write dump");
    }
    out.flush().expect("flush dump");
}
