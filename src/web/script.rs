//! The script an article is shown in: as written, Simplified or Traditional.

/// The script an article is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// As the source wrote it.
    AsWritten,
    /// Converted to Simplified characters.
    Simplified,
    /// Converted to Traditional characters.
    Traditional,
}

impl Script {
    /// Every choice, in the order the page offers them.
    pub const ALL: [Script; 3] = [Script::AsWritten, Script::Simplified, Script::Traditional];

    /// The script a `script=` parameter asks for (anything else: as written).
    pub fn from_param(value: &str) -> Script {
        Script::ALL
            .into_iter()
            .find(|s| s.param() == Some(value))
            .unwrap_or(Script::AsWritten)
    }

    /// The `script=` parameter value, None for as written.
    pub fn param(self) -> Option<&'static str> {
        match self {
            Script::AsWritten => None,
            Script::Simplified => Some("hans"),
            Script::Traditional => Some("hant"),
        }
    }

    /// The switch's label.
    pub fn label(self) -> &'static str {
        match self {
            Script::AsWritten => "原文",
            Script::Simplified => "简",
            Script::Traditional => "繁",
        }
    }

    /// The language tag of converted text (as written: the page's own).
    pub fn lang(self) -> Option<&'static str> {
        match self {
            Script::Traditional => Some("zh-Hant"),
            Script::AsWritten | Script::Simplified => None,
        }
    }

    /// `text` in this script.
    pub fn convert(self, text: &str) -> String {
        match self {
            Script::AsWritten => text.to_string(),
            Script::Simplified => crate::fold::to_simplified(text),
            Script::Traditional => crate::fold::to_traditional(text),
        }
    }
}
