//! Word-level differences between two sources' evidence sentences, so a reader sees at a glance
//! how one outlet rephrased another.

use similar::{ChangeTag, TextDiff};

/// One run of words in a diff.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// `equal`, `delete` (only in the first sentence) or `insert` (only in the second).
    pub tag: &'static str,
    pub text: String,
}

/// The word-level diff of `a` against `b`, adjacent changes of one kind merged.
pub fn words(a: &str, b: &str) -> Vec<Segment> {
    let diff = TextDiff::from_words(a, b);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(text),
            _ => out.push(Segment {
                tag,
                text: text.to_owned(),
            }),
        }
    }
    out
}

/// How much of the two sentences is shared, 0.0–1.0.
pub fn similarity(a: &str, b: &str) -> f32 {
    TextDiff::from_words(a, b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_rephrased_words() {
        let segs = words("استضافت الرياض الاجتماع", "استضافت جدة الاجتماع");
        let changed: Vec<_> = segs.iter().filter(|s| s.tag != "equal").collect();
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0].text.trim(), "الرياض");
        assert_eq!(changed[1].text.trim(), "جدة");
    }
}
