//! The bundled sample corpus: the five articles rencai was founded on.

/// Name and bytes of every sample file.
pub const FILES: [(&str, &[u8]); 5] = [
    (
        "sample/000_3d269265e2e65e9d.txt",
        include_bytes!("../sample/000_3d269265e2e65e9d.txt"),
    ),
    (
        "sample/001_23f8d249a03d504e.txt",
        include_bytes!("../sample/001_23f8d249a03d504e.txt"),
    ),
    (
        "sample/002_d0cbc1f224cb5676.txt",
        include_bytes!("../sample/002_d0cbc1f224cb5676.txt"),
    ),
    (
        "sample/003_fce8a01556af8c65.txt",
        include_bytes!("../sample/003_fce8a01556af8c65.txt"),
    ),
    (
        "sample/004_b9d7cf7391a497ef.txt",
        include_bytes!("../sample/004_b9d7cf7391a497ef.txt"),
    ),
];
