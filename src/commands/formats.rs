//! `holoforge formats`: the export formats, from the registry.

use anyhow::Result;

use crate::cli::FormatsCommand;
use crate::error::Exit;
use crate::export::{Alpha, REGISTRY};

/// Prints every registered format (text or JSON).
pub fn formats(command: FormatsCommand) -> Result<Exit> {
    if command.json {
        let list: Vec<_> = REGISTRY
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name(),
                    "description": s.description(),
                    "extension": s.extension(),
                    "alpha": s.alpha(),
                    "quality_presets": s.quality_presets(),
                    "ffmpeg_encoders": s.required_encoders(),
                    "even_size": s.needs_even_size(),
                })
            })
            .collect();
        crate::outln!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        for s in REGISTRY {
            let alpha = match s.alpha() {
                Alpha::None => "opaque",
                Alpha::Binary => "1-bit alpha",
                Alpha::Full => "alpha",
            };
            crate::outln!("{:<14} {:<12} {}", s.name(), alpha, s.description());
            crate::outln!("{:<14} {:<12} quality: {}", "", "", s.quality_presets());
        }
    }
    Ok(Exit::Success)
}
