//! Doc comments: strips `/** */`, `/**< */`, `///` and leading `*` from the
//! raw comment libclang attaches to an entity.

use clang::Entity;

use crate::ir::Doc;

/// The doc comment of an entity, cleaned.
pub fn doc_of(entity: &Entity<'_>) -> Doc {
    let full = entity.get_comment().map(|c| clean(&c)).unwrap_or_default();
    let brief = entity.get_comment_brief().map(|b| b.trim().to_string()).filter(|b| !b.is_empty()).unwrap_or_else(|| first_sentence(&full));
    Doc { brief, full }
}

/// Removes comment markers and common decoration, keeping paragraphs.
pub fn clean(raw: &str) -> String {
    let lines: Vec<String> = raw
        .lines()
        .map(|line| {
            let t = line.trim();
            let t = t.strip_prefix("/**<").or_else(|| t.strip_prefix("///<")).unwrap_or(t);
            let t = t.strip_prefix("/**").or_else(|| t.strip_prefix("/*!")).unwrap_or(t);
            let t = t.strip_prefix("///").or_else(|| t.strip_prefix("//")).unwrap_or(t);
            let t = t.strip_suffix("*/").unwrap_or(t);
            let t = t.trim_start();
            let t = t.strip_prefix('*').map(str::trim_start).unwrap_or(t);
            let t = t.strip_prefix("@brief").or_else(|| t.strip_prefix("\\brief")).unwrap_or(t);
            t.trim().to_string()
        })
        .collect();
    let text = lines.join("\n");
    text.trim_matches('\n').to_string()
}

fn first_sentence(text: &str) -> String {
    let para = text.split("\n\n").next().unwrap_or("").replace('\n', " ");
    match para.find(". ") {
        Some(i) => para[..=i].to_string(),
        None => para,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_all_marker_styles() {
        assert_eq!(clean("/**< Left edge. */"), "Left edge.");
        assert_eq!(clean("/**\n * @brief Creates a frame.\n *\n * Free it.\n */"), "Creates a frame.\n\nFree it.");
        assert_eq!(clean("/// One line"), "One line");
    }

    #[test]
    fn first_sentence_of_paragraph() {
        assert_eq!(first_sentence("Adds two. Then more.\n\nOther"), "Adds two.");
    }
}
